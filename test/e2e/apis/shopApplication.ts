import assert from 'node:assert/strict';

import { errorOutputCase } from '../lib/error-output';
import type { ApiSuite, Json, SandboxClient } from '../types';

/** Seeded by the simulator: one active interface (statut 1) and one being installed (statut 3). */
const ACTIVE = 'e831c78b-a576-4aad-8d5f-d594b0ccadbe';
const INSTALLING = '902dcbe4-04dd-4150-8436-2757fd53ce51';
const byKey = (value: string) => ({ __rl: true, mode: 'key', value });
const fromAI = (name: string, description: string, type = 'string') => `={{ $fromAI('${name}', '${description}', '${type}') }}`;

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
		{
			name: 'wrong secret: both fields named, one token request',
			data: { clientSecret: 'wrong-secret-e2e', accessToken: '' },
			ok: false,
			message: /^Shop Application refused this Client ID and Client Secret; it does not say which of the two is wrong\. .*Check both fields/,
			requests: { count: 1, carrying: 'wrong-secret-e2e' },
			editor: true,
		},
	],
	triggers: [
		{
			name: 'Interface Installed',
			node: 'shopApplicationTrigger',
			parameters: { event: 'interfaceInstalled' },
			fault: { status: 500, path: '/interfaces' },
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
			note: '## Provision a shop\nOrders a new Shop Application interface (a shop) for a customer, then reads its installation status.\n\n**Change first**\n1. The credential of both nodes: create a *Shop Application API* credential with the Client ID and Client Secret Cegid gave you.\n2. In **Order Interface**: your own order reference (*GUID*), the customer\'s name, e-mail and company, and the prestations.\n\nEach run places a real, billed order: test against the sandbox first.',
			steps: [
				{
					node: 'shopApplication',
					name: 'Order Interface',
					parameters: order('example-order-42', ['IN-BTQST-S', 'IN-BTQZ-AMM']),
					expect: (items) => assert.ok(items[0].key),
					note: '### Order Interface\nOrders a shop with a setup prestation and its monthly subscription. The order is checked against the catalogue before it is sent.',
				},
				{
					node: 'shopApplication',
					name: 'Get Installation Status',
					note: '### Get Installation Status\nReads the new interface by the key the order returned: status, dates and the shop\'s address once installed.',
					parameters: { resource: 'interface', operation: 'get', interface: byKey('={{ $json.key }}') },
					expect: (items) => assert.equal(items[0].statut, 3),
				},
			],
		},
		{
			name: 'Shop Application Trigger: interface installed',
			trigger: {
				node: 'shopApplicationTrigger',
				name: 'On Interface Installed',
				parameters: { event: 'interfaceInstalled', pollTimes: { item: [{ mode: 'everyMinute' }] } },
				note: '### On Interface Installed\nChecks the interfaces every minute (here) and starts when one finishes installing.',
			},
			note: '## Welcome a new shop\nStarts when an interface you ordered is installed, so you can tell the customer their shop is ready.\n\n**Change first**\n1. The credential of **On Interface Installed**.\n2. Replace **Send Welcome Email** with an e-mail node (the shop\'s address is in the item).\n3. The polling time: every 15 minutes is plenty in production.',
			steps: [{ node: 'n8n-nodes-base.noOp', name: 'Send Welcome Email', parameters: {}, note: '### Send Welcome Email\nA placeholder: put an e-mail node here.' }],
		},
	],
	agents: [
		{
			name: 'Get the Shop Application interface the user named',
			tool: {
				node: 'shopApplication',
				name: 'Shop Application Interface',
				parameters: { resource: 'interface', operation: 'get', interface: byKey(fromAI('interfaceKey', 'The interface key (a UUID)')) },
			},
			arguments: { interfaceKey: ACTIVE },
			description: /^Get an interface by its key in Shop Application$/,
			expectRequests: (requests) => {
				const paths = requests.map((r) => `${r.method} ${r.path}`);
				assert.ok(paths.includes(`GET /interfaces/${ACTIVE}`), `the key the model sent is in the request path: ${paths.join(', ')}`);
				assert.ok(paths.every((p) => p === 'GET /token' || p === `GET /interfaces/${ACTIVE}`), paths.join(', '));
			},
			expectResult: (result) => assert.match(result, new RegExp(ACTIVE)),
		},
	],
	editor: [
		{
			node: 'shopApplication',
			search: 'Shop Application',
			action: 'Get an interface by its key',
			readme: true,
			expectValues: { resource: 'Interface', operation: 'Get' },
			// Labelled by site address and status, not by the bare key.
			locators: [{ parameter: 'interface', expectText: 'demo-active.shop-application.test (active)' }],
		},
		{
			node: 'shopApplication',
			search: 'Shop Application',
			action: 'Get a catalogue prestation',
			// The option says what the code is in an order and, below it, what it needs.
			dropdowns: [{ parameter: 'prestationCode', expectText: /IN-BTQST-S — Boutique Standard — mise en place \(setup, .*Needs one of IN-BTQZ-AMM, IN-BTQZ-AMA/ }],
		},
		{
			node: 'shopApplication',
			search: 'Shop Application',
			action: 'Terminate a prestation of an interface',
			readme: true,
			// The occurrences are those of the interface picked first: code, catalogue name, order date and state.
			setup: [{ pick: 'interface', text: 'demo-active.shop-application.test (active)' }],
			locators: [{ parameter: 'reference', expectText: /IN-BTQST-S \(active\) — Boutique Standard — mise en place, ordered \d{4}-\d\d-\d\d/ }],
		},
	],
};
