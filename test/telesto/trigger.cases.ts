import { telestoEvents } from '../../nodes/Telesto/trigger/events';
import { resetBudgets } from '../../nodes/Telesto/transport/budget';
import { control } from '../harness/sandbox-control';
import type { EventCase, TriggerUnderTest } from '../harness/trigger-scenarios';
import { startTelestoSandbox, type TelestoSandbox } from '../sandbox/telesto';

const product = (sim: TelestoSandbox, fields: Record<string, unknown>) => control(sim, 'POST', '/__sandbox/products', fields);
const ONE_REQUEST = 'one GET /products per poll: no pages';
const NO_DETAIL = 'the list carries whole products: no detail requests';
const common = {
	faults: { failFirstRequest: () => ({ status: 500, path: '/v2/products' }) },
	notApplicable: { failMiddlePage: ONE_REQUEST, failDetail: NO_DETAIL },
};

export const telestoCases: Array<EventCase<TelestoSandbox>> = [
	{
		event: 'newProduct',
		...common,
		change: (sim, n) => product(sim, { id: `new-${n}`, name: `New ${n}`, ean_upc: '', stock_onhand: '7', created: '2030-01-01 10:00:00' }),
		again: (sim) => product(sim, { id: 'new-1', name: 'New 1 renamed' }),
		expect: (items, after) =>
			expect(items).toEqual([expect.objectContaining({ id: 'new-1', name: after === 'once' ? 'New 1' : 'New 1 renamed', stock_onhand: 7 })]),
	},
	{
		event: 'productUpdated',
		...common,
		change: (sim) => product(sim, { id: 'p-100', name: 'Widget v2' }),
		again: (sim) => product(sim, { id: 'p-100', name: 'Widget v3' }),
		expect: (items, after) => expect(items).toEqual([expect.objectContaining({ id: 'p-100', name: after === 'once' ? 'Widget v2' : 'Widget v3' })]),
	},
	{
		event: 'stockChanged',
		...common,
		change: (sim) => product(sim, { id: 'p-100', stock_onhand: '49' }),
		again: (sim) => product(sim, { id: 'p-100', stock_onhand: '48' }),
		// Twice between polls: one emission, from the stock at the last poll to the stock now.
		expect: (items, after) =>
			expect(items).toEqual([
				expect.objectContaining({ id: 'p-100', stock_onhand: after === 'once' ? 49 : 48, previous_stock_onhand: 50 }),
			]),
	},
	{
		event: 'lowStock',
		parameters: { threshold: 5 },
		...common,
		change: (sim) => product(sim, { id: 'p-100', stock_onhand: '4' }),
		again: (sim) => product(sim, { id: 'p-100', stock_onhand: '2' }),
		expect: (items, after) =>
			expect(items).toEqual([
				expect.objectContaining({ id: 'p-100', stock_onhand: after === 'once' ? 4 : 2, previous_stock_onhand: 50, threshold: 5 }),
			]),
	},
	{
		event: 'productRemoved',
		...common,
		change: (sim) => control(sim, 'DELETE', '/__sandbox/products/p-101'),
		// Removed and back before the next poll: nothing to see (a change undone between polls).
		again: (sim) => product(sim, { id: 'p-101', name: 'Gadget', ean_upc: '', stock_onhand: '3', created: '2024-02-01 08:00:00' }),
		expect: (items, after) => expect(items).toEqual(after === 'once' ? [{ id: 'p-101', removed: true }] : []),
	},
];

export const telestoTrigger: TriggerUnderTest<TelestoSandbox> = {
	type: 'telestoTrigger',
	credentialType: 'telestoApi',
	events: telestoEvents,
	start: async () => await startTelestoSandbox(),
	empty: (sim) => void sim.products.splice(0),
	reset: async (sim) => {
		resetBudgets();
		sim.reset();
		await control(sim, 'POST', '/__sandbox/reset');
	},
	parameters: { minMinutes: 10 },
};
