import { clock } from '../../nodes/shared';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { cursorOf, untagged } from '../harness/trigger-output';
import { api, CUSTOMER, CUSTOMER_PUBLIC, cxHarness, pageA, pageB } from './helpers';

const trigger = (parameters: IDataObject) => ({ type: 'clientXcmsTrigger', parameters: parameters as INodeParameters, credentials: ['clientXcmsApi'] });

async function poll(parameters: IDataObject, staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger') {
	const out = untagged(await cxHarness().poll({ node: trigger(parameters), staticData, mode }), parameters.event);
	return out ? out[0].map((i) => i.json) : null;
}

const q = (sort: string, page = 1, extra: IDataObject = {}) => ({ ...extra, sort, page, per_page: 50 });
const at = (s: string) => `2026-08-13T${s}.000000Z`;

describe('ClientXCMS Trigger: id cursor events', () => {
	it('New Customer: baseline emits nothing, then only newer ids (oldest first), one request when idle', async () => {
		const staticData: IDataObject = {};
		const scope = api()
			.get('/customers')
			.query(q('-id'))
			.reply(200, pageA([{ ...CUSTOMER, id: 10 }, { ...CUSTOMER, id: 9 }], { next: true }))
			.get('/customers')
			.query(q('-id'))
			.reply(200, pageA([{ ...CUSTOMER, id: 12 }, { ...CUSTOMER, id: 11 }, { ...CUSTOMER, id: 10 }], { next: true }))
			.get('/customers')
			.query(q('-id'))
			.reply(200, pageA([{ ...CUSTOMER, id: 12 }], { next: true }));
		expect(await poll({ event: 'newCustomer' }, staticData)).toBeNull();
		expect(await poll({ event: 'newCustomer' }, staticData)).toEqual([
			{ ...CUSTOMER_PUBLIC, id: 11 },
			{ ...CUSTOMER_PUBLIC, id: 12 },
		]);
		expect(await poll({ event: 'newCustomer' }, staticData)).toBeNull();
		scope.done();
	});

	it('walks further pages until the cursor appears', async () => {
		const staticData: IDataObject = {};
		const scope = api()
			.get('/tickets')
			.query(q('-id'))
			.reply(200, pageB([{ id: 5 }], { next: true }))
			.get('/tickets')
			.query(q('-id'))
			.reply(200, pageB([{ id: 8 }, { id: 7 }], { next: true }))
			.get('/tickets')
			.query(q('-id', 2))
			.reply(200, pageB([{ id: 6 }, { id: 5 }], { page: 2, next: true }));
		await poll({ event: 'newTicket' }, staticData);
		expect(await poll({ event: 'newTicket' }, staticData)).toEqual([{ id: 6 }, { id: 7 }, { id: 8 }]);
		scope.done();
	});

	it.each([
		['newService', '/services', 'A'],
		['newInvoice', '/invoices', 'A'],
		['newTicket', '/tickets', 'B'],
	])('%s: GET %s?sort=-id', async (event, path, envelope) => {
		const page = envelope === 'A' ? pageA : pageB;
		const staticData: IDataObject = {};
		const scope = api()
			.get(path)
			.query(q('-id'))
			.reply(200, page([{ id: 1 }]))
			.get(path)
			.query(q('-id'))
			.reply(200, page([{ id: 2 }, { id: 1 }]));
		await poll({ event }, staticData);
		expect(await poll({ event }, staticData)).toEqual([{ id: 2 }]);
		scope.done();
	});

	it('Service Lifecycle Event: ORs the actions in one filter, re-checks them exactly, adds the service', async () => {
		const staticData: IDataObject = {};
		const filter = { 'filter[action]': 'service_delivered,service_suspended' };
		const log = (id: number, action: string, modelId = '5') => ({ id, action, model: 'App\\Models\\Provisioning\\Service', model_id: modelId });
		const scope = api()
			.get('/logs')
			.query(q('-id', 1, filter))
			.reply(200, pageB([log(20, 'service_delivered')]))
			.get('/logs')
			.query(q('-id', 1, filter))
			.reply(200, pageB([log(23, 'service_suspended', '6'), log(22, 'service_suspended_x'), log(21, 'service_delivered'), log(20, 'service_delivered')]))
			.get('/services/5')
			.reply(200, pageB([{ id: 5, status: 'active' }]))
			.get('/services/6')
			.reply(200, pageB([{ id: 6, status: 'suspended' }]));
		const params = { event: 'serviceEvent', actions: ['service_delivered', 'service_suspended'], options: { includeService: true } };
		expect(await poll(params, staticData)).toBeNull();
		expect(await poll(params, staticData)).toEqual([
			{ ...log(21, 'service_delivered'), service: { id: 5, status: 'active' } },
			{ ...log(23, 'service_suspended', '6'), service: { id: 6, status: 'suspended' } },
		]);
		scope.done();
	});

	it('New Action Log Entry: optional exact action filter', async () => {
		const staticData: IDataObject = {};
		const filter = { 'filter[action]': 'new_registered' };
		const scope = api()
			.get('/logs')
			.query(q('-id', 1, filter))
			.reply(200, pageB([{ id: 1, action: 'new_registered' }]))
			.get('/logs')
			.query(q('-id', 1, filter))
			.reply(200, pageB([{ id: 3, action: 'new_registered' }, { id: 2, action: 'new_registered_by_admin' }, { id: 1, action: 'new_registered' }]));
		await poll({ event: 'newLog', logAction: 'new_registered' }, staticData);
		expect(await poll({ event: 'newLog', logAction: 'new_registered' }, staticData)).toEqual([{ id: 3, action: 'new_registered' }]);
		scope.done();
	});
});

describe('ClientXCMS Trigger: (updated_at, id) cursor events', () => {
	const sort = '-updated_at,-id';

	it('Ticket Updated: emits newer items and same-second items not yet seen, each once', async () => {
		const staticData: IDataObject = {};
		const scope = api()
			.get('/tickets')
			.query(q(sort))
			.reply(200, pageB([{ id: 1, updated_at: at('10:00:00') }, { id: 2, updated_at: at('09:00:00') }]))
			// Ticket 3 changed in the same second as ticket 1 (already seen); ticket 2 changed later.
			.get('/tickets')
			.query(q(sort))
			.reply(200, pageB([{ id: 2, updated_at: at('10:05:00') }, { id: 3, updated_at: at('10:00:00') }, { id: 1, updated_at: at('10:00:00') }, { id: 9, updated_at: at('08:00:00') }]))
			.get('/tickets')
			.query(q(sort))
			.reply(200, pageB([{ id: 2, updated_at: at('10:05:00') }, { id: 3, updated_at: at('10:00:00') }]));
		await poll({ event: 'ticketUpdated' }, staticData);
		expect(await poll({ event: 'ticketUpdated' }, staticData)).toEqual([
			{ id: 3, updated_at: at('10:00:00') },
			{ id: 2, updated_at: at('10:05:00') },
		]);
		expect(await poll({ event: 'ticketUpdated' }, staticData)).toBeNull();
		scope.done();
	});

	it('Invoice Paid: filter[status]=paid, re-checked; an invoice fires once even when edited again', async () => {
		const staticData: IDataObject = {};
		const extra = { 'filter[status]': 'paid' };
		const scope = api()
			.get('/invoices')
			.query(q(sort, 1, extra))
			.reply(200, pageA([{ id: 1, status: 'paid', updated_at: at('09:00:00') }]))
			.get('/invoices')
			.query(q(sort, 1, extra))
			.reply(200, pageA([{ id: 3, status: 'paid', updated_at: at('10:00:00') }, { id: 4, status: 'unpaid', updated_at: at('09:30:00') }, { id: 1, status: 'paid', updated_at: at('09:00:00') }]))
			.get('/invoices')
			.query(q(sort, 1, extra))
			.reply(200, pageA([{ id: 3, status: 'paid', notes: 'edited', updated_at: at('11:00:00') }, { id: 3, status: 'paid', updated_at: at('10:00:00') }]));
		await poll({ event: 'invoicePaid' }, staticData);
		expect(await poll({ event: 'invoicePaid' }, staticData)).toEqual([{ id: 3, status: 'paid', updated_at: at('10:00:00') }]);
		expect(await poll({ event: 'invoicePaid' }, staticData)).toBeNull();
		scope.done();
	});

	it('Invoice Updated: every change', async () => {
		const staticData: IDataObject = {};
		const scope = api()
			.get('/invoices')
			.query(q(sort))
			.reply(200, pageA([{ id: 1, updated_at: at('09:00:00') }]))
			.get('/invoices')
			.query(q(sort))
			.reply(200, pageA([{ id: 1, updated_at: at('09:10:00') }]));
		await poll({ event: 'invoiceUpdated' }, staticData);
		expect(await poll({ event: 'invoiceUpdated' }, staticData)).toEqual([{ id: 1, updated_at: at('09:10:00') }]);
		scope.done();
	});

	it('Service Status Changed: fires only when the status really changed and matches the filter', async () => {
		const staticData: IDataObject = {};
		const params = { event: 'serviceStatusChanged', statuses: ['suspended'] };
		const scope = api()
			.get('/services')
			.query(q(sort))
			.reply(200, pageA([{ id: 1, status: 'active', updated_at: at('09:00:00') }, { id: 2, status: 'active', updated_at: at('08:00:00') }]))
			.get('/services')
			.query(q(sort))
			.reply(200, pageA([
				{ id: 1, status: 'suspended', updated_at: at('10:00:00') },
				{ id: 2, status: 'active', notes: 'x', updated_at: at('09:30:00') },
				{ id: 3, status: 'expired', updated_at: at('09:20:00') },
				{ id: 4, status: 'active', updated_at: at('07:00:00') },
			]));
		await poll(params, staticData);
		expect(await poll(params, staticData)).toEqual([{ id: 1, status: 'suspended', updated_at: at('10:00:00'), _previousStatus: 'active' }]);
		scope.done();
	});
});

describe('ClientXCMS Trigger: Customer Updated (fingerprints)', () => {
	it('reports changed customers as updated, new ones only when asked', async () => {
		const staticData: IDataObject = {};
		const a = { ...CUSTOMER, id: 1 };
		const b = { ...CUSTOMER, id: 2 };
		const sort = '-updated_at,-id';
		const scope = api()
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA([b, a]))
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA([{ ...CUSTOMER, id: 3 }, { ...a, city: 'Lyon' }, b]))
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA([{ ...CUSTOMER, id: 3 }, { ...a, city: 'Lyon' }, b]));
		expect(await poll({ event: 'customerUpdated' }, staticData)).toBeNull();
		expect(await poll({ event: 'customerUpdated' }, staticData)).toEqual([{ ...CUSTOMER_PUBLIC, id: 1, city: 'Lyon', _change: 'updated' }]);
		expect(await poll({ event: 'customerUpdated' }, staticData)).toBeNull();
		scope.done();
	});

	it('with Include New Customers, a new customer comes as created', async () => {
		const staticData: IDataObject = {};
		const params = { event: 'customerUpdated', options: { includeNewCustomers: true } };
		const scope = api()
			.get('/customers')
			.query(q('-updated_at,-id'))
			.reply(200, pageA([{ ...CUSTOMER, id: 1 }]))
			.get('/customers')
			.query(q('-updated_at,-id'))
			.reply(200, pageA([{ ...CUSTOMER, id: 2 }, { ...CUSTOMER, id: 1 }]));
		await poll(params, staticData);
		expect(await poll(params, staticData)).toEqual([{ ...CUSTOMER_PUBLIC, id: 2, _change: 'created' }]);
		scope.done();
	});
});

describe('ClientXCMS Trigger: lifecycle', () => {
	it('manual mode returns up to 5 samples and leaves the state untouched', async () => {
		const staticData: IDataObject = {};
		const items = [7, 6, 5, 4, 3, 2].map((id) => ({ id }));
		const scope = api().get('/tickets').query(q('-id')).reply(200, pageB(items));
		expect(await poll({ event: 'newTicket' }, staticData, 'manual')).toEqual(items.slice(0, 5));
		expect(staticData).toEqual({});
		scope.done();
	});

	it('a failed poll keeps the state, so nothing is lost', async () => {
		const staticData: IDataObject = {};
		const scope = api()
			.get('/tickets')
			.query(q('-id'))
			.reply(200, pageB([{ id: 1 }]))
			.get('/tickets')
			.query(q('-id'))
			.reply(500, { message: 'Server Error' })
			.get('/tickets')
			.query(q('-id'))
			.reply(200, pageB([{ id: 2 }, { id: 1 }]));
		let now = Date.parse('2026-08-13T10:00:00Z');
		jest.spyOn(clock, 'now').mockImplementation(() => now);
		await poll({ event: 'newTicket' }, staticData);
		const before = cursorOf(staticData);
		await expect(poll({ event: 'newTicket' }, staticData)).rejects.toThrow('ClientXCMS had an internal error');
		expect(cursorOf(staticData)).toBe(before);
		// After a failure the next attempt waits a minute (then 2, 4… up to an hour).
		now += 54_000;
		expect(await poll({ event: 'newTicket' }, staticData)).toBeNull();
		now += 6_000;
		expect(await poll({ event: 'newTicket' }, staticData)).toEqual([{ id: 2 }]);
		jest.restoreAllMocks();
		scope.done();
	});

	it('changing the event or its filters takes a new baseline', async () => {
		const staticData: IDataObject = {};
		const scope = api()
			.get('/services')
			.query(q('-updated_at,-id'))
			.reply(200, pageA([{ id: 1, status: 'active', updated_at: at('09:00:00') }]))
			.get('/services')
			.query(q('-updated_at,-id'))
			.reply(200, pageA([{ id: 1, status: 'suspended', updated_at: at('10:00:00') }]));
		await poll({ event: 'serviceStatusChanged', statuses: ['active'] }, staticData);
		// Another status filter: baseline again, nothing emitted although service 1 changed.
		expect(await poll({ event: 'serviceStatusChanged', statuses: ['suspended'] }, staticData)).toBeNull();
		scope.done();
	});
});

describe('ClientXCMS Trigger: Customer Updated beyond the first page', () => {
	const sort = '-updated_at,-id';
	const customers = (from: number, to: number) => {
		const out = [];
		for (let id = from; id >= to; id--) out.push({ ...CUSTOMER, id });
		return out;
	};

	it('one changed customer among many: emits only it, never the older customers of page 2', async () => {
		const staticData: IDataObject = {};
		// 120 customers; the baseline reads the 50 most recently updated (ids 120…71).
		const changed = { ...CUSTOMER, id: 100, city: 'Lyon' };
		const page1After = [changed, ...customers(120, 71).filter((c) => c.id !== 100)];
		const scope = api()
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA(customers(120, 71), { next: true, total: 120 }))
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA(page1After, { next: true, total: 120 }))
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA(page1After, { next: true, total: 120 }));
		expect(await poll({ event: 'customerUpdated' }, staticData)).toBeNull();
		expect(await poll({ event: 'customerUpdated' }, staticData)).toEqual([
			{ ...CUSTOMER_PUBLIC, id: 100, city: 'Lyon', _change: 'updated' },
		]);
		// Idle: one request, nothing emitted.
		expect(await poll({ event: 'customerUpdated' }, staticData)).toBeNull();
		scope.done();
	});

	it('a customer outside the baseline that changes is reported; the older ones below it are not', async () => {
		const staticData: IDataObject = {};
		const changed = { ...CUSTOMER, id: 10, city: 'Lyon' };
		const scope = api()
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA(customers(120, 71), { next: true, total: 120 }))
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA([changed, ...customers(120, 72)], { next: true, total: 120 }));
		await poll({ event: 'customerUpdated' }, staticData);
		expect(await poll({ event: 'customerUpdated' }, staticData)).toEqual([
			{ ...CUSTOMER_PUBLIC, id: 10, city: 'Lyon', _change: 'updated' },
		]);
		scope.done();
	});

	it('a customer changed back and forth is reported every time (A → B → A → B)', async () => {
		const staticData: IDataObject = {};
		const a = { ...CUSTOMER, id: 1 };
		const b = { ...CUSTOMER, id: 2 };
		const lyon = { ...a, city: 'Lyon' };
		const scope = api()
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA([b, a]))
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA([lyon, b]))
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA([a, b]))
			.get('/customers')
			.query(q(sort))
			.reply(200, pageA([lyon, b]));
		await poll({ event: 'customerUpdated' }, staticData);
		const updated = { ...CUSTOMER_PUBLIC, id: 1, city: 'Lyon', _change: 'updated' };
		expect(await poll({ event: 'customerUpdated' }, staticData)).toEqual([updated]);
		expect(await poll({ event: 'customerUpdated' }, staticData)).toEqual([{ ...CUSTOMER_PUBLIC, id: 1, _change: 'updated' }]);
		expect(await poll({ event: 'customerUpdated' }, staticData)).toEqual([updated]);
		scope.done();
	});
});

describe('ClientXCMS Trigger: Service Status Changed beyond the first page', () => {
	const sort = '-updated_at,-id';

	it('the baseline learns every service status, so an older service edited without a status change does not fire', async () => {
		const staticData: IDataObject = {};
		const params = { event: 'serviceStatusChanged' };
		const scope = api()
			.get('/services')
			.query(q(sort))
			.reply(200, pageA([{ id: 1, status: 'active', updated_at: at('09:00:00') }], { next: true }))
			.get('/services')
			.query(q(sort, 2))
			.reply(200, pageA([{ id: 2, status: 'active', updated_at: at('08:00:00') }, { id: 3, status: 'active', updated_at: at('07:00:00') }], { page: 2 }))
			.get('/services')
			.query(q(sort))
			.reply(200, pageA([
				{ id: 2, status: 'active', notes: 'renewed', updated_at: at('10:00:00') },
				{ id: 3, status: 'suspended', updated_at: at('09:30:00') },
				{ id: 1, status: 'active', updated_at: at('09:00:00') },
			]));
		expect(await poll(params, staticData)).toBeNull();
		expect(await poll(params, staticData)).toEqual([{ id: 3, status: 'suspended', updated_at: at('09:30:00'), _previousStatus: 'active' }]);
		scope.done();
	});
});

describe('ClientXCMS Trigger: Invoice Paid and invoices paid before activation', () => {
	const sort = '-updated_at,-id';
	const extra = { 'filter[status]': 'paid' };

	it('an invoice already paid at activation does not fire when it is edited later (e.g. an external ID set)', async () => {
		const staticData: IDataObject = {};
		const scope = api()
			.get('/invoices')
			.query(q(sort, 1, extra))
			.reply(200, pageA([{ id: 9, status: 'paid', updated_at: at('09:00:00') }], { next: true }))
			.get('/invoices')
			.query(q(sort, 2, extra))
			.reply(200, pageA([{ id: 4, status: 'paid', updated_at: at('08:00:00') }], { page: 2 }))
			.get('/invoices')
			.query(q(sort, 1, extra))
			.reply(200, pageA([
				{ id: 10, status: 'paid', updated_at: at('10:05:00') },
				{ id: 4, status: 'paid', external_id: 'ACC-4', updated_at: at('10:00:00') },
				{ id: 9, status: 'paid', updated_at: at('09:00:00') },
			]));
		expect(await poll({ event: 'invoicePaid' }, staticData)).toBeNull();
		expect(await poll({ event: 'invoicePaid' }, staticData)).toEqual([{ id: 10, status: 'paid', updated_at: at('10:05:00') }]);
		scope.done();
	});
});

describe('ClientXCMS Trigger: known failures', () => {
	let now = Date.parse('2026-08-13T12:00:00Z');
	beforeEach(() => {
		jest.spyOn(clock, 'now').mockImplementation(() => now);
		jest.spyOn(clock, 'sleep').mockResolvedValue();
	});
	afterEach(() => jest.restoreAllMocks());

	it('Service Status Changed does not fire for a service outside the remembered set whose status is unknown', async () => {
		const staticData: IDataObject = {};
		const scope = api()
			.get('/services')
			.query(q('-updated_at,-id'))
			.reply(200, pageA([{ id: 1, status: 'active', updated_at: at('09:00:00') }]))
			// Service 99 was not in the activation's read (beyond its pages): its first edit is learned, not emitted.
			.get('/services')
			.query(q('-updated_at,-id'))
			.reply(200, pageA([{ id: 99, status: 'active', updated_at: at('10:00:00') }, { id: 1, status: 'active', updated_at: at('09:00:00') }]))
			.get('/services')
			.query(q('-updated_at,-id'))
			.reply(200, pageA([{ id: 99, status: 'suspended', updated_at: at('11:00:00') }, { id: 1, status: 'active', updated_at: at('09:00:00') }]));
		await poll({ event: 'serviceStatusChanged' }, staticData);
		expect(await poll({ event: 'serviceStatusChanged' }, staticData)).toBeNull();
		expect(await poll({ event: 'serviceStatusChanged' }, staticData)).toEqual([
			{ id: 99, status: 'suspended', updated_at: at('11:00:00'), _previousStatus: 'active' },
		]);
		scope.done();
	});

	it('a 429 fails the poll at once; polls started meanwhile send nothing; the new customer is emitted once', async () => {
		const staticData: IDataObject = {};
		const scope = api()
			.get('/customers')
			.query(q('-id'))
			.reply(200, pageA([{ ...CUSTOMER, id: 10 }]))
			.get('/customers')
			.query(q('-id'))
			.reply(429, { message: 'Too Many Attempts.' }, { 'retry-after': '30' });
		await poll({ event: 'newCustomer' }, staticData);
		await expect(poll({ event: 'newCustomer' }, staticData)).rejects.toThrow('ClientXCMS rate limit reached');
		let sent = 0;
		const slow = api()
			.persist()
			.get('/customers')
			.query(q('-id'))
			.delay(100)
			.reply(200, () => {
				sent++;
				return pageA([{ ...CUSTOMER, id: 11 }, { ...CUSTOMER, id: 10 }]);
			});
		const emitted: IDataObject[] = [];
		// Polled every 5 s for two minutes, polls overlapping the slow answer.
		for (let tick = 0; tick < 24; tick += 3) {
			now += 15_000;
			const out = await Promise.all([0, 1, 2].map(() => poll({ event: 'newCustomer' }, staticData)));
			for (const items of out) emitted.push(...(items ?? []));
		}
		expect(emitted.map((c) => c.id)).toEqual([11]);
		// Nothing for a minute after the 429 (backoff), then one request per round of three overlapping polls.
		expect(sent).toBe(5);
		expect(slow.isDone()).toBe(true);
		scope.done();
	});
});
