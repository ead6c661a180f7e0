import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { clearProductListCache } from '../../nodes/Telesto/transport/product-list';
import { resetBudgets } from '../../nodes/Telesto/transport/budget';
import { Harness } from '../harness/harness';
import { startClientXcmsSandbox } from '../sandbox/clientXcms';
import { startOnlineErpSandbox } from '../sandbox/onlineErp';
import { startShopApplicationSandbox } from '../sandbox/shopApplication';
import { startTelestoSandbox } from '../sandbox/telesto';
import type { StartedSimulator } from '../sandbox/types';

interface Case {
	api: string;
	start(): Promise<StartedSimulator>;
	type: string;
	parameters: INodeParameters;
	/** The first item succeeds, the second fails. */
	input: [IDataObject, IDataObject];
	message: RegExp;
	httpCode?: string;
}

const cases: Case[] = [
	{
		api: 'Telesto',
		start: async () => await startTelestoSandbox(),
		type: 'telesto',
		parameters: { resource: 'product', operation: 'get', product: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		input: [{ id: 'p-100' }, { id: 'p-999' }],
		message: /^No Telesto product with ID 'p-999'$/,
	},
	{
		api: 'Shop Application',
		start: async () => await startShopApplicationSandbox(),
		type: 'shopApplication',
		parameters: { resource: 'interface', operation: 'get', interface: { __rl: true, mode: 'key', value: '={{ $json.id }}' } },
		input: [{ id: 'e831c78b-a576-4aad-8d5f-d594b0ccadbe' }, { id: 'no-such-interface' }],
		message: /Interface inconnue/,
		httpCode: '400',
	},
	{
		api: 'ClientXCMS',
		start: async () => await startClientXcmsSandbox(),
		type: 'clientXcms',
		parameters: { resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		input: [{ id: '1' }, { id: '999' }],
		message: /999/,
		httpCode: '404',
	},
	{
		api: 'OnlineERP',
		start: async () => await startOnlineErpSandbox(),
		type: 'onlineErp',
		parameters: { resource: 'entity', operation: 'get', entity: 'Customer', recordId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		input: [{ id: '1001' }, { id: '9999' }],
		message: /9999/,
		httpCode: '404',
	},
];

describe.each(cases)('$api: failed items and the error output', (c) => {
	let sim: StartedSimulator;
	let h: Harness;
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sim = await c.start();
		h = new Harness().setCredentials(sim.credentialType, sim.credentials);
	});
	afterAll(async () => {
		await sim.close();
		nock.disableNetConnect();
	});
	beforeEach(() => {
		clearProductListCache();
		resetBudgets();
	});

	const node = (onError: 'continueErrorOutput' | 'continueRegularOutput') => ({
		type: c.type,
		parameters: c.parameters,
		credentials: [sim.credentialType],
		onError,
	});

	function expectError(json: IDataObject): void {
		const error = json.error as IDataObject;
		expect(error.message).toMatch(c.message);
		expect(typeof error.description === 'string' || error.description === undefined).toBe(true);
		if (c.httpCode) expect(error.httpCode).toBe(c.httpCode);
	}

	it('"Continue (using error output)": the failed item goes to the error output, the good one stays on success', async () => {
		const { outputs, error } = await h.execute({ node: node('continueErrorOutput'), input: c.input });
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(2);
		expect(outputs[0].length).toBeGreaterThan(0);
		expect(outputs[0].every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(outputs[0].some((item) => 'error' in item.json)).toBe(false);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1][0].pairedItem).toEqual({ item: 1 });
		// n8n merges the input item into what it routes to the error output.
		expect(outputs[1][0].json.id).toBe(c.input[1].id);
		expectError(outputs[1][0].json);
	});

	it('"Continue (regular output)": the same failed item stays on the main output', async () => {
		const { outputs, error } = await h.execute({ node: node('continueRegularOutput'), input: c.input });
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(1);
		const failed = outputs[0].filter((item) => 'error' in item.json);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(Object.keys(failed[0].json)).toEqual(['error']);
		expectError(failed[0].json);
	});
});
