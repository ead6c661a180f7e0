import type { IDataObject } from 'n8n-workflow';

import { clientXcmsEvents } from '../../nodes/ClientXcms/trigger/events';
import { resetPacing } from '../../nodes/ClientXcms/transport/pacing';
import { clock } from '../../nodes/shared';
import type { EventCase, TriggerUnderTest } from '../harness/trigger-scenarios';
import { startClientXcmsSandbox, type ClientXcmsSandbox } from '../sandbox/clientXcms';

type Row = Record<string, unknown> & { id: number };

const iso = (t: number) => new Date(t).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
const rows = (sim: ClientXcmsSandbox, table: string) => (sim.db as Record<string, Row[]>)[table];

function create(sim: ClientXcmsSandbox, table: string, fields: IDataObject): Row {
	const list = rows(sim, table);
	const row: Row = { created_at: iso(clock.now()), updated_at: iso(clock.now()), ...fields, id: Math.max(0, ...list.map((r) => r.id)) + 1 };
	list.push(row);
	return row;
}

function patch(sim: ClientXcmsSandbox, table: string, id: number, fields: IDataObject): void {
	Object.assign(rows(sim, table).find((r) => r.id === id)!, fields, { updated_at: iso(clock.now()) });
}

/** 60 more records changed long ago, so that 51 changes span two pages of 50. */
function older(table: string, fields: IDataObject) {
	return (sim: ClientXcmsSandbox) => {
		const at = iso(Date.parse('2020-01-01T00:00:00Z'));
		for (let n = 0; n < 60; n++) rows(sim, table).push({ ...fields, id: 100 + n, created_at: at, updated_at: at });
	};
}
/** Record n of a table for change n: 1 and 2 are seeded, 3… come from `older` (ids 100…). */
const nth = (n: number) => (n <= 1 ? 1 : 98 + n);

const PREFIX = '/api/application';
const NO_DETAIL = 'the list carries whole records: no detail requests';
const list = (path: string) => ({
	failFirstRequest: () => ({ status: 500, path: `${PREFIX}${path}` }),
	failMiddlePage: () => ({ status: 500, path: `${PREFIX}${path}`, after: 1 }),
});
const only = (items: IDataObject[], fields: IDataObject) => expect(items).toEqual([expect.objectContaining(fields)]);
const CUSTOMER = { firstname: 'Old', lastname: 'Demo', email: 'old@example.com', locale: 'en_GB' };
const SERVICE = { uuid: 's', customer_id: 1, name: 'VPS S', product_id: 1, status: 'active', billing: 'monthly', currency: 'EUR' };
const INVOICE = { uuid: 'i', customer_id: 1, status: 'pending', total: 6, currency: 'EUR' };
const TICKET = { uuid: 't', department_id: 1, customer_id: 1, subject: 'Old', status: 'open', priority: 'low' };

function newRecord(event: string, table: string, fields: IDataObject, extra: Partial<EventCase<ClientXcmsSandbox>> = {}): EventCase<ClientXcmsSandbox> {
	return {
		event,
		faults: list(`/${table}`),
		notApplicable: { failDetail: NO_DETAIL },
		pageSpan: 51,
		change: (sim, n) => void create(sim, table, { ...fields, marker: `new-${n}` }),
		again: (sim) => patch(sim, table, Math.max(...rows(sim, table).map((r) => r.id)), { marker: 'new-1 again' }),
		// Created and edited between two polls: one emission, with what the record is now.
		expect: (items, after) => only(items, { marker: after === 'once' ? 'new-1' : 'new-1 again' }),
		...extra,
	};
}

export const clientXcmsCases: Array<EventCase<ClientXcmsSandbox>> = [
	newRecord('newCustomer', 'customers', CUSTOMER),
	{
		event: 'customerUpdated',
		setup: older('customers', CUSTOMER),
		faults: list('/customers'),
		notApplicable: { failDetail: NO_DETAIL },
		pageSpan: 51,
		change: (sim, n) => patch(sim, 'customers', nth(n), { firstname: `Changed ${n}` }),
		again: (sim) => patch(sim, 'customers', 1, { firstname: 'Changed again' }),
		expect: (items, after) => only(items, { id: 1, firstname: after === 'once' ? 'Changed 1' : 'Changed again', _change: 'updated' }),
	},
	newRecord('newService', 'services', SERVICE),
	{
		event: 'serviceStatusChanged',
		setup: older('services', SERVICE),
		faults: list('/services'),
		notApplicable: { failDetail: NO_DETAIL },
		pageSpan: 51,
		change: (sim, n) => patch(sim, 'services', nth(n), { status: 'cancelled' }),
		again: (sim) => patch(sim, 'services', 1, { status: 'expired' }),
		// Twice between polls: one emission, from the status at the last poll to the status now.
		expect: (items, after) => only(items, { id: 1, status: after === 'once' ? 'cancelled' : 'expired', _previousStatus: 'active' }),
	},
	{
		event: 'serviceEvent',
		parameters: { options: { includeService: true } },
		faults: { ...list('/logs'), failDetail: () => ({ status: 500, path: `${PREFIX}/services/1` }) },
		notApplicable: { changedTwice: 'log entries never change: two entries are two events' },
		pageSpan: 51,
		change: (sim, n) => void create(sim, 'logs', { action: 'service_suspended', model: 'App\\Models\\Provisioning\\Service', model_id: '1', customer_id: 1, marker: `log-${n}` }),
		again: () => undefined,
		expect: (items) =>
			expect(items).toEqual([expect.objectContaining({ action: 'service_suspended', marker: 'log-1', service: expect.objectContaining({ id: 1 }) })]),
	},
	newRecord('newInvoice', 'invoices', INVOICE),
	{
		event: 'invoicePaid',
		setup: older('invoices', INVOICE),
		faults: list('/invoices'),
		notApplicable: { failDetail: NO_DETAIL },
		pageSpan: 51,
		change: (sim, n) => patch(sim, 'invoices', nth(n), { status: 'paid' }),
		again: (sim) => patch(sim, 'invoices', 1, { notes: 'Paid by transfer' }),
		// Paid, then edited: one emission (each invoice fires once), with what it is now.
		expect: (items, after) => only(items, { id: 1, status: 'paid', ...(after === 'twice' ? { notes: 'Paid by transfer' } : {}) }),
	},
	{
		event: 'invoiceUpdated',
		setup: older('invoices', INVOICE),
		faults: list('/invoices'),
		notApplicable: { failDetail: NO_DETAIL },
		pageSpan: 51,
		change: (sim, n) => patch(sim, 'invoices', nth(n), { notes: `Note ${n}` }),
		again: (sim) => patch(sim, 'invoices', 1, { notes: 'Note again' }),
		expect: (items, after) => only(items, { id: 1, notes: after === 'once' ? 'Note 1' : 'Note again' }),
	},
	newRecord('newTicket', 'tickets', TICKET),
	{
		event: 'ticketUpdated',
		setup: older('tickets', TICKET),
		faults: list('/tickets'),
		notApplicable: { failDetail: NO_DETAIL },
		pageSpan: 51,
		change: (sim, n) => patch(sim, 'tickets', nth(n), { status: 'answered', marker: `t-${n}` }),
		again: (sim) => patch(sim, 'tickets', 1, { status: 'closed' }),
		expect: (items, after) => only(items, { id: 1, status: after === 'once' ? 'answered' : 'closed' }),
	},
	newRecord('newLog', 'logs', { action: 'new_registered', model: 'App\\Models\\Account\\Customer', model_id: '1', customer_id: 1 }, {
		notApplicable: { failDetail: NO_DETAIL, changedTwice: 'log entries never change: two entries are two events' },
	}),
];

export const clientXcmsTrigger: TriggerUnderTest<ClientXcmsSandbox> = {
	type: 'clientXcmsTrigger',
	credentialType: 'clientXcmsApi',
	events: clientXcmsEvents,
	start: async () => await startClientXcmsSandbox({ now: () => clock.now() }),
	empty: (sim) => {
		for (const list of Object.values(sim.db as Record<string, Row[]>)) list.splice(0);
	},
	reset: (sim) => {
		resetPacing();
		sim.reset();
	},
};
