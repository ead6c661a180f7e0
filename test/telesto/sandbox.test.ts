import nock from 'nock';

import { startTelestoSandbox, type TelestoSandbox } from '../sandbox/telesto';
import { telestoHarness, telestoNode } from './helpers';

describe('Telesto node against the local simulator', () => {
	let sim: TelestoSandbox;
	beforeAll(() => nock.enableNetConnect('127.0.0.1'));
	afterAll(() => nock.disableNetConnect());
	afterEach(async () => await sim.close());

	it('reads products with the raw key and cleans up the simulator\'s string values', async () => {
		sim = await startTelestoSandbox();
		const h = telestoHarness().setCredentials('telestoApi', sim.credentials);
		const { items, error } = await h.execute({
			node: telestoNode({ resource: 'product', operation: 'getAll', returnAll: true }),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{ id: 'p-100', name: 'Widget', ean_upc: '0012345678905', stock_onhand: 50, created: '2024-01-15 10:30:00' },
			{ id: 'p-101', name: 'Gadget', ean_upc: null, stock_onhand: 3, created: '2024-02-01 08:00:00' },
			{ id: 'p-102', name: 'Sprocket', ean_upc: '4006381333931', stock_onhand: 0, created: '2024-03-10 16:45:00' },
		]);
		expect(sim.log.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
			['GET', '/v2/products', 'sandbox-telesto-key'],
		]);
	});

	it('stops sending once the server blocked the IP: the block is honoured locally', async () => {
		sim = await startTelestoSandbox({ limit: 2 });
		const h = telestoHarness().setCredentials('telestoApi', sim.credentials);
		const node = telestoNode({
			resource: 'product',
			operation: 'getAll',
			returnAll: true,
			options: { forceFresh: true },
		});
		const { error } = await h.execute({ node, input: [{}, {}, {}, {}, {}] });
		expect(error?.message).toBe('Telesto rate limit reached (100 requests per hour per IP address)');
		// Two served, the third answered 429; nothing was sent for items 4 and 5.
		expect(sim.log).toHaveLength(3);
		const again = await h.execute({ node });
		expect(again.error?.message).toBe('Telesto rate limit reached (100 requests per hour per IP address)');
		expect(sim.log).toHaveLength(3);
	});

	it('answers a wrong key with the documented envelope', async () => {
		sim = await startTelestoSandbox();
		const h = telestoHarness().setCredentials('telestoApi', { ...sim.credentials, apiKey: 'wrong' });
		const { error } = await h.execute({ node: telestoNode({ resource: 'product', operation: 'getAll', returnAll: true }) });
		expect(error?.message).toBe('Invalid API key');
		expect(error?.httpCode).toBe('401');
	});
});
