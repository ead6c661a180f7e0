import nock from 'nock';

import { Harness } from '../harness/harness';
import { startClientXcmsSandbox, type ClientXcmsSandbox } from '../sandbox/clientXcms';
import { startOnlineErpSandbox, type OnlineErpSandbox } from '../sandbox/onlineErp';
import { startShopApplicationSandbox } from '../sandbox/shopApplication';
import type { RunningSandbox } from '../sandbox/server';
import type { StartedSimulator } from '../sandbox/types';

const KEY = 'e831c78b-a576-4aad-8d5f-d594b0ccadbe';

function writes(sim: RunningSandbox): string[] {
	return sim.log.filter((r) => r.method !== 'GET' && !r.path.startsWith('/__sandbox') && r.path !== '/token').map((r) => `${r.method} ${r.rawPath}`);
}

describe('untrusted keys, paths and values are refused before anything is sent', () => {
	let shop: StartedSimulator;
	let erp: OnlineErpSandbox;
	let cx: ClientXcmsSandbox;
	const h = new Harness();
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		[shop, erp, cx] = await Promise.all([startShopApplicationSandbox(), startOnlineErpSandbox(), startClientXcmsSandbox()]);
		for (const sim of [shop, erp, cx]) h.setCredentials(sim.credentialType, sim.credentials);
	});
	afterAll(async () => {
		await Promise.all([shop.close(), erp.close(), cx.close()]);
		nock.disableNetConnect();
	});
	afterEach(() => {
		expect(({} as Record<string, unknown>).x).toBeUndefined();
		expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false);
	});

	it.each(['__proto__.x', 'constructor.prototype.x', 'Adresse.__proto__'])(
		'OnlineERP Create: the field name %s is refused and Object.prototype stays untouched',
		async (name) => {
			const before = erp.log.length;
			const { error } = await h.execute({
				node: {
					type: 'onlineErp',
					credentials: ['onlineErpApi'],
					parameters: {
						resource: 'entity',
						operation: 'create',
						entity: 'Customer',
						sendFields: 'fields',
						fields: { field: [{ name, type: 'string', value: 'polluted' }] },
					},
				},
				input: [{}, {}],
			});
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(new RegExp(`^Field "${name.replace(/\./g, '\\.')}" on item 0 uses the name "(__proto__|constructor|prototype)"`));
			expect(erp.log.length).toBe(before);
		},
	);

	it('OnlineERP Create: Body (JSON) holding __proto__ is refused', async () => {
		const before = erp.log.length;
		const { error } = await h.execute({
			node: {
				type: 'onlineErp',
				credentials: ['onlineErpApi'],
				parameters: { resource: 'entity', operation: 'create', entity: 'Customer', body: '{"NoClient":"9","Adresse":{"__proto__":{"x":1}}}' },
			},
		});
		expect(error?.message).toBe('Body (JSON) on item 0 uses the name "__proto__", which is not allowed');
		expect(erp.log.length).toBe(before);
	});

	it.each(['..', '.', '%2e%2e', '%2E%2e', '%252e%252E', '.%2E', 'a/b', 'a\\b', '  '])(
		'Shop Application Terminate: Unique Reference %j is refused and no DELETE is sent',
		async (reference) => {
			const { error } = await h.execute({
				node: {
					type: 'shopApplication',
					credentials: ['shopApplicationApi'],
					parameters: {
						resource: 'interfacePrestation',
						operation: 'terminate',
						interface: { __rl: true, mode: 'key', value: KEY },
						terminateBy: 'reference',
						reference,
					},
				},
			});
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(/^Occurrence .*on item 0/);
			expect(writes(shop)).toEqual([]);
		},
	);

	it('OnlineERP Get: a Record ID of %2e%2e never reaches another route', async () => {
		const before = erp.log.length;
		const { error } = await h.execute({
			node: { type: 'onlineErp', credentials: ['onlineErpApi'], parameters: { resource: 'entity', operation: 'get', entity: 'Customer', recordId: { __rl: true, mode: 'id', value: '%2e%2e' } } },
		});
		expect(error?.message).toBe(`Record '%2e%2e' on item 0 means ".." once decoded, a relative path`);
		expect(erp.log.length).toBe(before);
	});

	it('ClientXCMS Customer Update: Balance "12,50" is refused with field, item and value, never sent as null', async () => {
		const before = writes(cx).length;
		const { error } = await h.execute({
			node: {
				type: 'clientXcms',
				credentials: ['clientXcmsApi'],
				parameters: { resource: 'customer', operation: 'update', customerId: { __rl: true, mode: 'id', value: '1' }, updateFields: { balance: '12,50' } },
			},
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('Balance on item 0 is not a number: 12,50');
		expect(error?.description).toBe('Write decimals with a dot: 12.50 instead of 12,50.');
		expect(writes(cx).length).toBe(before);
		expect(cx.db.customers[0].balance).toBe('0.00');
	});

	it('ClientXCMS Customer Update: Balance "12.50" is sent as the number 12.5', async () => {
		const { error } = await h.execute({
			node: {
				type: 'clientXcms',
				credentials: ['clientXcmsApi'],
				parameters: { resource: 'customer', operation: 'update', customerId: { __rl: true, mode: 'id', value: '1' }, updateFields: { balance: '12.50' } },
			},
		});
		expect(error).toBeUndefined();
		const sent = cx.log.filter((r) => r.method === 'POST' && r.path.endsWith('/customers/1')).pop();
		expect((sent?.body as { balance?: unknown }).balance).toBe(12.5);
	});

	it('ClientXCMS Get Many: Include given as text by an expression is read as a list', async () => {
		const { error, items } = await h.execute({
			node: {
				type: 'clientXcms',
				credentials: ['clientXcmsApi'],
				parameters: { resource: 'customer', operation: 'getAll', returnAll: true, options: { include: 'services, invoices' } },
			},
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		const sent = cx.log.filter((r) => r.method === 'GET' && r.path.endsWith('/customers')).pop();
		expect(sent?.query.get('include')).toBe('services,invoices');
	});
});
