import assert from 'node:assert/strict';

import { errorOutputCase } from '../lib/error-output';
import type { ApiSuite, Json } from '../types';

/** Company 0 of the simulator is an Acomba dataset with customers 1001–1004. */
const entity = (parameters: Record<string, unknown>) => ({ resource: 'entity', ...parameters });
const codes = (items: Json[]) => items.map((i) => i.NoClient);

/** OnlineERP (hub + robot) in real n8n. */
export const suite: ApiSuite = {
	api: 'onlineErp',
	credentialName: 'OnlineERP (sandbox)',
	cases: [
		{
			name: 'Customer Get Many: all customers of company 0',
			steps: [
				{
					node: 'onlineErp',
					parameters: entity({ operation: 'getAll', entity: 'Customer', returnAll: true, options: { orderBy: 'NoClient' } }),
					expect: (items) => {
						assert.deepEqual(codes(items), ['1001', '1002', '1003', '1004']);
						assert.equal(items[0].NomClient, "L'Érablière d'Or");
					},
				},
			],
		},
		{
			name: 'Customer Get Many: a condition with quotes, a limit',
			steps: [
				{
					node: 'onlineErp',
					parameters: entity({
						operation: 'getAll',
						entity: 'Customer',
						returnAll: false,
						limit: 1,
						conditions: { condition: [{ field: 'NomClient', operator: 'eq', type: 'string', value: "L'Érablière d'Or" }] },
						options: { select: 'NoClient,NomClient' },
					}),
					expect: (items) => assert.deepEqual(codes(items), ['1001']),
				},
			],
		},
		{
			name: 'Customer Create, Get, Update, Get, Delete',
			steps: [
				{
					node: 'onlineErp',
					name: 'Create',
					parameters: entity({
						operation: 'create',
						entity: 'Customer',
						erp: 'acomba',
						body: JSON.stringify({ NoClient: '1900', NomClient: 'E2E Client', EstActif: true }),
					}),
					expect: (items) => {
						assert.deepEqual(codes(items), ['1900']);
						assert.equal(items[0].NomClient, 'E2E Client');
					},
				},
				{
					node: 'onlineErp',
					name: 'Get',
					parameters: entity({ operation: 'get', entity: 'Customer', recordId: '1900' }),
					expect: (items) => {
						assert.equal(items.length, 1);
						assert.equal(items[0].NomClient, 'E2E Client');
					},
				},
				{
					node: 'onlineErp',
					name: 'Update',
					parameters: entity({
						operation: 'update',
						entity: 'Customer',
						erp: 'acomba',
						recordId: '1900',
						body: JSON.stringify({ NoClient: '1900', NomClient: 'E2E Client Renamed', EstActif: true }),
					}),
					expect: (items) => assert.equal(items[0].NomClient, 'E2E Client Renamed'),
				},
				{
					node: 'onlineErp',
					name: 'Get Again',
					parameters: entity({ operation: 'get', entity: 'Customer', recordId: '1900' }),
					expect: (items) => assert.equal(items[0].NomClient, 'E2E Client Renamed'),
				},
				{
					node: 'onlineErp',
					name: 'Delete',
					parameters: entity({ operation: 'delete', entity: 'Customer', erp: 'acomba', recordId: '1900' }),
					expect: (items) => assert.deepEqual(items, [{ deleted: true, entity: 'Customer', id: '1900' }]),
				},
			],
		},
		{
			name: 'Customer Get of a deleted record fails',
			steps: [
				{
					node: 'onlineErp',
					parameters: entity({ operation: 'get', entity: 'Customer', recordId: '1900' }),
					expectError: /No Customer with ID '1900'/,
				},
			],
		},
		errorOutputCase({
			node: 'onlineErp',
			parameters: { resource: 'entity', operation: 'get', entity: 'Customer', recordId: { __rl: true, mode: 'id', value: '9999' } },
			message: /9999/,
			httpCode: '404',
		}),
	],
	credentialTests: [
		{ name: 'sandbox licence accepted', ok: true },
		{ name: 'wrong secret key rejected', data: { secretKey: 'wrong' }, ok: false },
	],
	triggers: [
		{
			name: 'Customer Updated',
			node: 'onlineErpTrigger',
			parameters: { entity: 'Customer', event: 'updatedRecord', detection: 'snapshot', keyField: 'NoClient', select: 'NomClient,EstActif', minMinutes: 1 },
			change: async ({ call }) => {
				await call('POST', '/__sandbox/records/0/Customer', { NoClient: '1002', NomClient: 'Bois Francs Inc. (renamed)' });
			},
			expect: (items) => {
				assert.deepEqual(codes(items), ['1002']);
				assert.equal(items[0].NomClient, 'Bois Francs Inc. (renamed)');
			},
		},
	],
	examples: [
		{
			name: 'OnlineERP: customers with an amount due',
			steps: [
				{
					node: 'onlineErp',
					name: 'Customers Owing',
					parameters: entity({
						operation: 'getAll',
						entity: 'Customer',
						returnAll: true,
						conditions: { condition: [{ field: 'InfoAgeDesComptes.MontantDu_Cycle1_Courant', operator: 'gt', type: 'number', value: '0' }] },
						options: { select: 'NoClient,NomClient,InfoAgeDesComptes.MontantDu_Cycle1_Courant', orderBy: 'NoClient' },
					}),
					expect: (items) => assert.deepEqual(codes(items), ['1001', '1004']),
				},
			],
		},
		{
			name: 'OnlineERP Trigger: customer updated',
			trigger: {
				node: 'onlineErpTrigger',
				name: 'On Customer Updated',
				parameters: { entity: 'Customer', event: 'updatedRecord', detection: 'snapshot', keyField: 'NoClient', minMinutes: 1, pollTimes: { item: [{ mode: 'everyMinute' }] } },
			},
			steps: [{ node: 'n8n-nodes-base.noOp', name: 'Sync Customer', parameters: {} }],
		},
	],
	editor: [
		{
			node: 'onlineErp',
			search: 'OnlineERP',
			action: 'Get many records',
			expectValues: { resource: 'Entity', operation: 'Get Many' },
			executeExpectText: 'Bois Francs',
		},
	],
};
