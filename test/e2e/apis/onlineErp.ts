import assert from 'node:assert/strict';

import { errorOutputCase } from '../lib/error-output';
import type { ApiSuite, Json } from '../types';

/** Company 0 of the simulator is an Acomba dataset with customers 1001–1004. */
const entity = (parameters: Record<string, unknown>) => ({ resource: 'entity', ...parameters });
const fromAI = (name: string, description: string, type = 'string') => `={{ $fromAI('${name}', '${description}', '${type}') }}`;
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
		{ name: 'wrong secret key rejected', data: { secretKey: 'wrong' }, ok: false, message: /^OnlineERP rejected the licence code or secret key \(HTTP 401.*Check both fields/ },
		{
			name: 'robot offline: "start the robot", not a credentials error',
			ok: false,
			message: /^The OnlineERP hub answered, but the robot at your site did not \(HTTP 503.*Start the OnlineERP robot service/,
			before: async ({ call }) => {
				await call('POST', '/__sandbox/config', { offline: true });
			},
			after: async ({ call }) => {
				await call('POST', '/__sandbox/config', { offline: false });
			},
			editor: true,
		},
	],
	triggers: [
		{
			name: 'Customer Updated',
			node: 'onlineErpTrigger',
			fault: { status: 503, path: '/api/Entity/Customer', body: { Message: 'Robot not connected' } },
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
			note: '## Customers with an amount due\nLists the ERP customers who owe money in the current cycle, with only the fields needed.\n\n**Change first**\n1. The credential of **Customers Owing**: create an *OnlineERP API* credential with your licence code and secret key.\n2. The condition and the selected fields, if your ERP names them differently.\n\nEach request goes through the robot at your site: it must be running.',
			steps: [
				{
					node: 'onlineErp',
					name: 'Customers Owing',
					note: '### Customers Owing\nEntity → Get Many on Customer, where the current amount due is above 0, sorted by customer number.',
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
				note: '### On Customer Updated\nReads the customers at each poll and starts once for each customer whose data changed.',
			},
			note: '## Sync changed customers\nStarts when a customer changes in the ERP, e.g. to update a CRM.\n\n**Change first**\n1. The credential of **On Customer Updated**.\n2. *Minimum Minutes Between Polls*: 15 or more in production, to spare the robot at your site.\n3. Replace **Sync Customer** with the node that updates your other system.',
			steps: [{ node: 'n8n-nodes-base.noOp', name: 'Sync Customer', parameters: {}, note: '### Sync Customer\nA placeholder: put here the node that updates your other system.' }],
		},
	],
	agents: [
		{
			name: 'Get the OnlineERP customer number 1002',
			tool: {
				node: 'onlineErp',
				name: 'OnlineERP Customer',
				parameters: entity({ operation: 'get', entity: 'Customer', recordId: fromAI('customerNumber', 'The customer number (NoClient), e.g. 1001') }),
			},
			arguments: { customerNumber: '1002' },
			description: /^Get a record by its key in OnlineERP$/,
			expectRequests: (requests) => {
				assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), ['GET /api/Entity/Customer/1002']);
			},
			expectResult: (result) => {
				assert.match(result, /Bois Francs/);
				assert.doesNotMatch(result, /Érablière/);
			},
		},
	],
	editor: [
		{
			node: 'onlineErp',
			search: 'OnlineERP',
			action: 'Get a record by its key',
			// Records of the entity (Customer by default) by name and key; 1002 is renamed by the trigger case before this runs.
			locators: [{ parameter: 'recordId', expectText: 'Quincaillerie (Nord) & Fils (1003)' }],
		},
		{
			node: 'onlineErp',
			search: 'OnlineERP',
			action: 'Get many records',
			readme: true,
			expectValues: { resource: 'Entity', operation: 'Get Many' },
			executeExpectText: 'Bois Francs',
		},
		// Field lists: the documented fields plus those of the first record (1001), each with a sample value.
		{
			node: 'onlineErp',
			search: 'OnlineERP',
			action: 'Get many records',
			setup: [{ add: 'Add Condition' }],
			dropdowns: [{ parameter: 'field', expectText: /InfoAgeDesComptes\.MontantDu_Cycle1_Courant\s*e\.g\. 120\.5/ }],
		},
		{
			node: 'onlineErp',
			search: 'OnlineERP',
			action: 'Get many records',
			setup: [{ add: 'Add Option', option: 'Order By Names or IDs' }],
			dropdowns: [{ parameter: 'orderBy', expectText: /NomClient \(Descending\)\s*e\.g\. L'Érablière d'Or/ }],
		},
		{
			node: 'onlineErp',
			search: 'OnlineERP',
			action: 'Get many records',
			setup: [{ add: 'Add Option', option: 'Select Names or IDs' }],
			dropdowns: [{ parameter: 'select', expectText: /EstActif\s*e\.g\. true/ }],
		},
		{
			node: 'onlineErp',
			search: 'OnlineERP',
			action: 'Create a record',
			readme: true,
			setup: [{ choose: 'sendFields', option: 'Using Fields Below' }, { add: 'Add Field' }],
			dropdowns: [{ parameter: 'name', expectText: /NoClient\s*e\.g\. 1001/ }],
		},
	],
};
