import assert from 'node:assert/strict';

import { errorOutputCase } from '../lib/error-output';
import type { ApiSuite, Json } from '../types';

const ids = (items: Json[]) => items.map((i) => i.id);

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
		{ name: 'wrong key rejected', data: { apiKey: 'not-a-key' }, ok: false, message: /rejected the API key|Authorization failed/ },
	],
	triggers: [
		{
			name: 'Product Created',
			node: 'telestoTrigger',
			parameters: { event: 'newProduct', minMinutes: 1 },
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
			steps: [
				{
					node: 'telesto',
					name: 'Low Stock Products',
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
			},
			steps: [{ node: 'n8n-nodes-base.noOp', name: 'Handle Change', parameters: {} }],
		},
	],
	editor: [
		{
			node: 'telesto',
			search: 'Telesto',
			action: 'Get a product',
			expectValues: { resource: 'Product', operation: 'Get' },
			locators: [{ parameter: 'product', expectText: 'Widget' }],
		},
		{
			node: 'telestoTrigger',
			search: 'Telesto',
			action: 'On stock changed',
			expectValues: { event: 'Stock Changed' },
			executeExpectText: 'Sprocket',
		},
	],
};
