import assert from 'node:assert/strict';

import { TELESTO_SANDBOX_NO_PRO_KEY } from '../../sandbox/telesto';
import { errorOutputCase } from '../lib/error-output';
import type { ApiSuite, Json } from '../types';

const ids = (items: Json[]) => items.map((i) => i.id);
const fromAI = (name: string, description: string, type = 'string') => `={{ $fromAI('${name}', '${description}', '${type}') }}`;

/** Telesto in real n8n. The simulator starts with p-100 Widget (50), p-101 Gadget (3), p-102 Sprocket (0). */
export const suite: ApiSuite = {
	api: 'telesto',
	credentialName: 'Telesto (sandbox)',
	cases: [
		{
			name: 'Product Get Many: all, cleaned up',
			steps: [
				{
					node: 'telesto',
					parameters: { resource: 'product', operation: 'getAll', returnAll: true },
					expect: (items) => {
						assert.deepEqual(ids(items), ['p-100', 'p-101', 'p-102']);
						assert.equal(items[0].name, 'Widget');
						assert.equal(items[0].stock_onhand, 50, 'stock_onhand becomes a number');
						assert.equal(items[1].ean_upc, null, 'an empty string becomes null');
					},
				},
			],
		},
		{
			name: 'Product Get Many: limit and filter',
			steps: [
				{
					node: 'telesto',
					parameters: {
						resource: 'product',
						operation: 'getAll',
						returnAll: false,
						limit: 1,
						filters: { stockAtOrBelow: 5 },
						options: { cleanUp: false },
					},
					expect: (items) => {
						assert.deepEqual(items, [
							{ id: 'p-101', name: 'Gadget', ean_upc: '', stock_onhand: '3', created: '2024-02-01 08:00:00' },
						]);
					},
				},
			],
		},
		{
			name: 'Product Get Many: an on/off option set by an expression ("FALSE" is off)',
			steps: [
				{
					node: 'telesto',
					parameters: { resource: 'product', operation: 'getAll', returnAll: false, limit: 1, filters: { stockAtOrBelow: 5 }, options: { cleanUp: '={{ "FALSE" }}' } },
					expect: (items) => assert.equal(items[0].stock_onhand, '3', 'not cleaned up: the stock stays text'),
				},
			],
		},
		{
			name: 'Product Get Many: an on/off option that is neither is refused, naming it',
			steps: [
				{
					node: 'telesto',
					parameters: { resource: 'product', operation: 'getAll', returnAll: true, options: { cleanUp: '={{ "yes" }}' } },
					expectError: /Invalid input for field 'Clean Up Values' inside 'Options' in \[item 0\]/,
				},
			],
		},
		{
			name: 'Product Get by ID from the previous node',
			steps: [
				{
					node: 'telesto',
					parameters: { resource: 'product', operation: 'getAll', returnAll: false, limit: 2, filters: { nameContains: 'sprock' } },
					expect: (items) => assert.deepEqual(ids(items), ['p-102']),
				},
				{
					node: 'telesto',
					parameters: {
						resource: 'product',
						operation: 'get',
						product: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					},
					expect: (items) => {
						assert.equal(items.length, 1);
						assert.equal(items[0].name, 'Sprocket');
						assert.equal(items[0].stock_onhand, 0);
					},
				},
			],
		},
		{
			name: 'Product Get by a UPC matching its EAN',
			steps: [
				{
					node: 'telesto',
					parameters: {
						resource: 'product',
						operation: 'get',
						product: { __rl: true, mode: 'eanUpc', value: '012345678905' },
					},
					expect: (items) => assert.deepEqual(ids(items), ['p-100']),
				},
			],
		},
		{
			name: 'Product Get of an unknown ID fails with the ID',
			steps: [
				{
					node: 'telesto',
					parameters: { resource: 'product', operation: 'get', product: { __rl: true, mode: 'id', value: 'p-999' } },
					expectError: /No Telesto product with ID 'p-999'/,
				},
			],
		},
		{
			name: 'Other Endpoint: GET /products split into items',
			steps: [
				{
					node: 'telesto',
					parameters: { resource: 'otherEndpoint', operation: 'request', method: 'GET', path: '/products' },
					expect: (items) => {
						assert.deepEqual(ids(items), ['p-100', 'p-101', 'p-102']);
						assert.equal(items[2].stock_onhand, 0);
					},
				},
			],
		},
		{
			name: 'Other Endpoint: an unknown path gives the API message',
			steps: [
				{
					node: 'telesto',
					parameters: { resource: 'otherEndpoint', operation: 'request', method: 'GET', path: '/nothing-here' },
					expectError: /Resource not found|not found/i,
				},
			],
		},
		errorOutputCase({
			node: 'telesto',
			parameters: { resource: 'product', operation: 'get', product: { __rl: true, mode: 'id', value: 'p-999' } },
			message: /No Telesto product with ID 'p-999'/,
		}),
	],
	credentialTests: [
		{ name: 'sandbox key accepted', ok: true },
		{
			name: 'wrong key: one request, "rejected the API key"',
			data: { apiKey: 'not-a-key' },
			ok: false,
			message: /^Telesto rejected the API key\. Telesto said: "Invalid API key"\. Paste the key exactly as Telesto support sent it/,
			requests: { count: 1, carrying: 'not-a-key' },
			editor: true,
		},
		{
			name: 'key of an account without Pro: one request, "needs a Pro subscription"',
			data: { apiKey: TELESTO_SANDBOX_NO_PRO_KEY },
			ok: false,
			message: /^Telesto accepted the key, but this account has no API access: the Telesto API needs a Pro subscription\./,
			requests: { count: 1, carrying: TELESTO_SANDBOX_NO_PRO_KEY },
		},
	],
	triggers: [
		{
			name: 'Product Created',
			node: 'telestoTrigger',
			parameters: { event: 'newProduct', minMinutes: 1 },
			fault: { status: 500, path: '/v2/products' },
			change: async ({ call }) => {
				await call('POST', '/__sandbox/products', {
					id: 'p-900',
					name: 'E2E Lamp',
					ean_upc: '',
					stock_onhand: '7',
					created: '2026-01-01 09:00:00',
				});
			},
			expect: (items) => {
				assert.deepEqual(ids(items), ['p-900']);
				assert.equal(items[0].name, 'E2E Lamp');
				assert.equal(items[0].stock_onhand, 7);
			},
		},
		{
			name: 'Stock Changed',
			node: 'telestoTrigger',
			parameters: { event: 'stockChanged', minMinutes: 1 },
			change: async ({ call }) => {
				await call('POST', '/__sandbox/products', { id: 'p-100', stock_onhand: '42' });
			},
			expect: (items) => {
				assert.deepEqual(ids(items), ['p-100']);
				assert.equal(items[0].stock_onhand, 42);
				assert.equal(items[0].previous_stock_onhand, 50);
			},
		},
	],
	examples: [
		{
			name: 'Telesto: products low on stock',
			note: '## Products low on stock\nLists the Telesto products with 5 or fewer in stock, for a reorder list or an alert.\n\n**Change first**\n1. The credential of **Low Stock Products**: the sandbox one reads the local simulator; create a *Telesto API* credential with your key.\n2. The threshold under *Filters → Stock At or Below*.\n\nOne run costs 1 of the 100 requests per hour Telesto allows.',
			steps: [
				{
					node: 'telesto',
					name: 'Low Stock Products',
					note: '### Low Stock Products\nReads all products in one request and keeps those at or below the threshold. Stock comes out as a number, empty values as null.',
					parameters: { resource: 'product', operation: 'getAll', returnAll: true, filters: { stockAtOrBelow: 5 } },
					expect: (items) => assert.deepEqual(ids(items), ['p-101', 'p-102']),
				},
			],
		},
		{
			name: 'Telesto Trigger: stock changes',
			trigger: {
				node: 'telestoTrigger',
				name: 'On Stock Change',
				parameters: { event: 'stockChanged', minMinutes: 1, pollTimes: { item: [{ mode: 'everyMinute' }] } },
				note: '### On Stock Change\nChecks Telesto every minute (here) and starts the workflow for each product whose stock changed, with `previous_stock_onhand`.',
			},
			note: '## React to stock changes\nStarts when a product\'s stock changes in Telesto.\n\n**Change first**\n1. The credential of **On Stock Change**.\n2. *Minimum Minutes Between Requests*: 10 or more in production (Telesto allows 100 requests per hour for your IP address).\n3. Replace **Handle Change** with what should happen (a message, a sheet row…).\n\nActivate the workflow to start polling; the first check only records the current stock.',
			steps: [{ node: 'n8n-nodes-base.noOp', name: 'Handle Change', parameters: {}, note: '### Handle Change\nA placeholder: put here what to do with each changed product.' }],
		},
	],
	agents: [
		{
			name: 'Get the Telesto product with ID p-101',
			tool: {
				node: 'telesto',
				name: 'Telesto Product',
				parameters: { resource: 'product', operation: 'get', product: { __rl: true, mode: 'id', value: fromAI('productId', 'The Telesto product ID, e.g. p-100') } },
			},
			arguments: { productId: 'p-101' },
			description: /^Get a product by ID or EAN\/UPC in Telesto$/,
			// Telesto has no per-product path: the ID picks from the one list request.
			expectRequests: (requests) => {
				assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${String(r.headers.authorization)}`), ['GET /v2/products sandbox-telesto-key']);
			},
			expectResult: (result) => {
				assert.match(result, /p-101/);
				assert.match(result, /Gadget/);
				assert.doesNotMatch(result, /Widget|Sprocket/, 'only the product the model asked for');
			},
		},
	],
	editor: [
		{
			node: 'telesto',
			search: 'Telesto',
			action: 'Get a product by ID or EAN/UPC',
			readme: true,
			expectValues: { resource: 'Product', operation: 'Get' },
			locators: [{ parameter: 'product', expectText: 'Widget' }],
		},
		{
			node: 'telestoTrigger',
			search: 'Telesto',
			action: 'On stock changed',
			readme: true,
			expectValues: { event: 'Stock Changed' },
			executeExpectText: 'Sprocket',
		},
	],
};
