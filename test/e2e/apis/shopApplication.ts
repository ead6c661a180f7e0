import assert from 'node:assert/strict';

import { errorOutputCase } from '../lib/error-output';
import type { ApiSuite, Json, SandboxClient } from '../types';

/** Seeded by the simulator: one active interface (statut 1) and one being installed (statut 3). */
const ACTIVE = 'e831c78b-a576-4aad-8d5f-d594b0ccadbe';
const INSTALLING = '902dcbe4-04dd-4150-8436-2757fd53ce51';
const byKey = (value: string) => ({ __rl: true, mode: 'key', value });

async function tokenRequests(sandbox: SandboxClient): Promise<number> {
	return ((await sandbox.call('GET', '/__sandbox/state')) as { tokenRequests: number }).tokenRequests;
}

const order = (guid: string, prestations: string[]) => ({
	resource: 'interface',
	operation: 'create',
	guid,
	prestations,
	clientLastName: 'Martin',
	clientEmail: 'marie@boulangerie-martin.fr',
	clientFields: { firstName: 'Marie', company: 'Boulangerie Martin', city: 'Lyon' },
	additionalFields: { subDomain: 'boulangerie-martin' },
});

const has = (items: Json[], field: string) => items.every((i) => i[field] !== undefined && i[field] !== '');

/** Shop Application (Cegid reseller API) in real n8n, token credential included. */
export const suite: ApiSuite = {
	api: 'shopApplication',
	credentialName: 'Shop Application (sandbox)',
	cases: [
		{
			name: 'Prestation Get Many: the catalogue',
			steps: [
				{
					node: 'shopApplication',
					parameters: { resource: 'prestation', operation: 'getAll', returnAll: true },
					expect: (items) => {
						assert.equal(items.length, 7);
						assert.ok(JSON.stringify(items).includes('IN-BTQST-S'));
					},
				},
			],
		},
		{
			name: 'Prestation Get: one catalogue entry',
			steps: [
				{
					node: 'shopApplication',
					parameters: { resource: 'prestation', operation: 'get', prestationCode: 'IN-BTQST-S' },
					expect: (items) => {
						assert.equal(items.length, 1);
						assert.equal(items[0].code, 'IN-BTQST-S');
						assert.equal(items[0].prix, 490);
					},
				},
			],
		},
		{
			name: 'Interface Get Many: the two seeded interfaces',
			steps: [
				{
					node: 'shopApplication',
					parameters: { resource: 'interface', operation: 'getAll', returnAll: true },
					expect: (items) => {
						assert.equal(items.length, 2);
						const text = JSON.stringify(items);
						assert.ok(text.includes(ACTIVE) && text.includes(INSTALLING), text);
					},
				},
			],
		},
		{
			name: 'Interface Create (order placed), then Get it: installing',
			steps: [
				{
					node: 'shopApplication',
					name: 'Order',
					parameters: order('e2e-order-1', ['IN-BTQST-S', 'IN-BTQZ-AMM']),
					expect: (items) => {
						assert.equal(items.length, 1);
						assert.match(String(items[0].key), /^[0-9a-f-]{36}$/);
					},
				},
				{
					node: 'shopApplication',
					name: 'Get',
					parameters: { resource: 'interface', operation: 'get', interface: byKey('={{ $json.key }}') },
					expect: (items) => {
						assert.equal(items.length, 1);
						assert.equal(items[0].statut, 3);
						assert.ok(String(items[0].url_formulaire ?? '').includes('forms.shop-application.test'), JSON.stringify(items[0]));
					},
				},
			],
		},
		{
			name: 'Interface Create with an unknown prestation is refused',
			steps: [
				{
					node: 'shopApplication',
					parameters: order('e2e-order-2', ['IN-BTQST-S', 'XX-UNKNOWN']),
					expectError: /order not sent/,
				},
			],
		},
		{
			name: 'Interface Prestation Get Many and Get on the active interface',
			steps: [
				{
					node: 'shopApplication',
					name: 'List',
					parameters: { resource: 'interfacePrestation', operation: 'getAll', interface: byKey(ACTIVE), returnAll: true },
					expect: (items) => {
						assert.equal(items.length, 2);
						const text = JSON.stringify(items);
						assert.ok(text.includes('IN-BTQST-S') && text.includes('IN-BTQZ-AMM'), text);
					},
				},
				{
					node: 'shopApplication',
					name: 'Get One',
					parameters: { resource: 'interfacePrestation', operation: 'get', interface: byKey(ACTIVE), prestationCode: 'IN-BTQZ-AMM' },
					expect: (items) => {
						assert.ok(items.length >= 1);
						assert.equal(items[0].code, 'IN-BTQZ-AMM');
						assert.ok(has(items, 'reference_unique'));
					},
				},
			],
		},
		{
			name: 'Interface Prestation Add a module, then Terminate it by reference',
			steps: [
				{
					node: 'shopApplication',
					name: 'Add',
					parameters: { resource: 'interfacePrestation', operation: 'add', interface: byKey(ACTIVE), prestations: ['MO-STATS-S', 'MO-STATS-AMM'] },
					expect: (items) => {
						assert.deepEqual(items.map((i) => i.code), ['MO-STATS-S', 'MO-STATS-AMM']);
						assert.ok(has(items, 'reference_unique'));
					},
				},
				{
					node: 'shopApplication',
					name: 'Terminate',
					parameters: {
						resource: 'interfacePrestation',
						operation: 'terminate',
						interface: byKey(ACTIVE),
						terminateBy: 'reference',
						reference: '={{ $json.reference_unique }}',
					},
					expect: (items) => {
						assert.equal(items.length, 2);
						assert.ok(JSON.stringify(items).includes('MO-STATS-AMM'));
					},
				},
			],
		},
		{
			name: 'Interface Request Deletion, then Reactivate',
			steps: [
				{
					node: 'shopApplication',
					name: 'Delete',
					parameters: { resource: 'interface', operation: 'delete', interface: byKey(ACTIVE) },
					expect: (items) => {
						assert.equal(items.length, 1);
						assert.ok(JSON.stringify(items[0]).includes('date_suppression') || JSON.stringify(items[0]).includes('deleted'), JSON.stringify(items[0]));
					},
				},
				{
					node: 'shopApplication',
					name: 'Reactivate',
					parameters: { resource: 'interface', operation: 'reactivate', interface: byKey(ACTIVE) },
					expect: (items) => {
						assert.equal(items.length, 1);
						assert.ok(JSON.stringify(items[0]).includes('date_reactivation'), JSON.stringify(items[0]));
					},
				},
			],
		},
		errorOutputCase({
			node: 'shopApplication',
			parameters: { resource: 'interface', operation: 'get', interface: { __rl: true, mode: 'key', value: 'no-such-interface' } },
			message: /Interface inconnue/,
			httpCode: '400',
		}),
	],
	credentialTests: [
		{ name: 'sandbox client accepted', ok: true },
		{ name: 'wrong secret rejected', data: { clientSecret: 'wrong', accessToken: '' }, ok: false },
	],
	triggers: [
		{
			name: 'Interface Installed',
			node: 'shopApplicationTrigger',
			parameters: { event: 'interfaceInstalled' },
			change: async ({ call }) => {
				await call('POST', `/__sandbox/interfaces/${INSTALLING}/install`);
			},
			expect: (items) => {
				assert.equal(items.length, 1);
				assert.ok(JSON.stringify(items[0]).includes(INSTALLING), JSON.stringify(items[0]));
			},
		},
	],
	scenarios: [
		{
			name: 'token refreshed once after a revocation, and the new token reused by the next execution',
			run: async ({ sandbox, execute }) => {
				const step = { node: 'shopApplication', parameters: { resource: 'prestation', operation: 'get', prestationCode: 'MO-STATS-S' } };
				await sandbox.call('POST', '/__sandbox/revoke-tokens');
				const before = await tokenRequests(sandbox);
				const [first] = await execute([step]);
				assert.equal(first[0]?.code, 'MO-STATS-S');
				const afterFirst = await tokenRequests(sandbox);
				assert.equal(afterFirst - before, 1, 'the revoked token is replaced by exactly one /token request');
				const [second] = await execute([step]);
				assert.equal(second[0]?.code, 'MO-STATS-S');
				assert.equal(await tokenRequests(sandbox), afterFirst, 'the second execution reuses the token saved by the first');
			},
		},
	],
	examples: [
		{
			name: 'Shop Application: provision a shop',
			steps: [
				{ node: 'shopApplication', name: 'Order Interface', parameters: order('example-order-42', ['IN-BTQST-S', 'IN-BTQZ-AMM']), expect: (items) => assert.ok(items[0].key) },
				{
					node: 'shopApplication',
					name: 'Get Installation Status',
					parameters: { resource: 'interface', operation: 'get', interface: byKey('={{ $json.key }}') },
					expect: (items) => assert.equal(items[0].statut, 3),
				},
			],
		},
		{
			name: 'Shop Application Trigger: interface installed',
			trigger: { node: 'shopApplicationTrigger', name: 'On Interface Installed', parameters: { event: 'interfaceInstalled', pollTimes: { item: [{ mode: 'everyMinute' }] } } },
			steps: [{ node: 'n8n-nodes-base.noOp', name: 'Send Welcome Email', parameters: {} }],
		},
	],
	editor: [
		{
			node: 'shopApplication',
			search: 'Shop Application',
			action: 'Get an interface',
			expectValues: { resource: 'Interface', operation: 'Get' },
			locators: [{ parameter: 'interface', expectText: ACTIVE }],
		},
		{
			node: 'shopApplication',
			search: 'Shop Application',
			action: 'Get a catalogue prestation',
			dropdowns: [{ parameter: 'prestationCode', expectText: 'IN-BTQST-S' }],
		},
	],
};
