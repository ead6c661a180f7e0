import assert from 'node:assert/strict';

import { errorOutputCase } from '../lib/error-output';
import type { ApiSuite, Json, Step } from '../types';

/**
 * The simulator starts with customers 1 Ada and 2 Grace, group 1 VPS, product 1 VPS S, pricing 1,
 * services 1 (active, Ada) and 2 (suspended, Grace), invoice 1 (INV-1, pending), department 1,
 * ticket 1 (open), coupon 1 WELCOME, server 1 node1, action log entry 1, subdomain host 1 and
 * cancellation reason 1. The simulator allows 60 requests per minute: the node paces itself, so the
 * operations workflow takes a couple of minutes.
 */
const ids = (items: Json[]) => items.map((i) => i.id);
const cx = (resource: string, operation: string, parameters: Record<string, unknown> = {}) => ({ resource, operation, ...parameters });
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const fromAI = (name: string, description: string, type = 'string') => `={{ $fromAI('${name}', '${description}', '${type}') }}`;
/** The id output by an earlier step of the chain, by its n8n name (`<case name> <step name>`). */
const idOf = (nodeName: string) => `={{ $('${nodeName}').first().json.id }}`;
const one = (items: Json[]) => {
	assert.equal(items.length, 1, JSON.stringify(items).slice(0, 500));
	return items[0];
};

/** Get Many / Create / Get / Update / Delete of a resource whose id is a plain string parameter. */
function crud(options: {
	label: string;
	resource: string;
	idParam: string;
	create: Record<string, unknown>;
	update: Record<string, unknown>;
	expectCreated(item: Json): void;
	expectUpdated(item: Json): void;
	expectDeleted?(item: Json): void;
	locator?: boolean;
}): Step[] {
	const created = `${options.label} Create`;
	const idValue = options.locator ? byId(idOf(created)) : idOf(created);
	return [
		{
			node: 'clientXcms',
			name: 'Create',
			parameters: cx(options.resource, 'create', options.create),
			expect: (items) => options.expectCreated(one(items)),
		},
		{
			node: 'clientXcms',
			name: 'Get',
			parameters: cx(options.resource, 'get', { [options.idParam]: idValue }),
			expect: (items) => options.expectCreated(one(items)),
		},
		{
			node: 'clientXcms',
			name: 'Update',
			parameters: cx(options.resource, 'update', { [options.idParam]: idValue, updateFields: options.update }),
			expect: (items) => options.expectUpdated(one(items)),
		},
		{
			node: 'clientXcms',
			name: 'Delete',
			parameters: cx(options.resource, 'delete', { [options.idParam]: idValue }),
			expect: (items) => {
				const item = one(items);
				assert.equal(item.deleted, true);
				options.expectDeleted?.(item);
			},
		},
	];
}

const CUSTOMER_LIFE = 'Customer lifecycle';
const customerStep = (name: string, operation: string, extra: Record<string, unknown>, expect: (item: Json) => void): Step => ({
	node: 'clientXcms',
	name,
	parameters: cx('customer', operation, { customerId: byId(idOf(`${CUSTOMER_LIFE} Create`)), ...extra }),
	expect: (items) => expect(one(items)),
});

const INVOICE_LIFE = 'Invoice lifecycle';
const invoiceStep = (name: string, operation: string, extra: Record<string, unknown>, expect: (item: Json) => void): Step => ({
	node: 'clientXcms',
	name,
	parameters: cx('invoice', operation, { invoiceId: byId(idOf(`${INVOICE_LIFE} Create`)), ...extra }),
	expect: (items) => expect(one(items)),
});

const TICKET_LIFE = 'Support Ticket lifecycle';
const ticketStep = (name: string, operation: string, extra: Record<string, unknown>, expect: (item: Json) => void): Step => ({
	node: 'clientXcms',
	name,
	parameters: cx('ticket', operation, { ticketId: idOf(`${TICKET_LIFE} Create`), ...extra }),
	expect: (items) => expect(one(items)),
});

/** ClientXCMS (administration API) in real n8n. */
export const suite: ApiSuite = {
	api: 'clientXcms',
	credentialName: 'ClientXCMS (sandbox)',
	cases: [
		{
			name: 'Instance Get Health and Get License',
			steps: [
				{ node: 'clientXcms', name: 'Health', parameters: cx('instance', 'getHealth'), expect: (items) => assert.equal(one(items).status, 'ok') },
				{
					node: 'clientXcms',
					name: 'License',
					parameters: cx('instance', 'getLicense'),
					expect: (items) => assert.ok(JSON.stringify(one(items)).includes('sandbox.local'), JSON.stringify(items)),
				},
			],
		},
		{
			name: 'Customer Get Many: all, newest first, sensitive fields removed',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('customer', 'getAll', { returnAll: true }),
					expect: (items) => {
						assert.deepEqual(ids(items), [2, 1]);
						assert.equal(items[1].email, 'ada@example.com');
						assert.equal(items[0].confirmation_token, undefined, 'confirmation_token removed');
						assert.equal('totp_secret' in items[0], false, 'totp_secret removed');
					},
				},
			],
		},
		{
			name: 'Customer Get Many: e-mail filter and a limit',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('customer', 'getAll', { returnAll: false, limit: 1, filters: { email: 'GRACE' }, options: { sort: 'email' } }),
					expect: (items) => assert.deepEqual(ids(items), [2]),
				},
			],
		},
		{
			name: 'Customer Create with a taken e-mail names the field',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('customer', 'create', {
						email: 'Ada@Example.com', firstname: 'Ada', lastname: 'Again', address: '2 Rue', city: 'Paris', zipcode: '75001', region: 'IDF', country: 'fr', locale: 'fr_FR',
					}),
					expectError: /email: The email has already been taken/,
				},
			],
		},
		{
			name: CUSTOMER_LIFE,
			steps: [
				{
					node: 'clientXcms',
					name: 'Create',
					parameters: cx('customer', 'create', {
						email: 'Linus@Example.com',
						firstname: 'Linus',
						lastname: 'E2E',
						address: '3 Rue du Test',
						city: 'Lyon',
						zipcode: '69001',
						region: 'ARA',
						country: 'fr',
						locale: 'fr_FR',
						additionalFields: { phone: '+33600000000', company_name: 'E2E SARL' },
					}),
					expect: (items) => {
						const c = one(items);
						assert.equal(c.id, 3);
						assert.equal(c.email, 'linus@example.com', 'e-mail lower-cased');
						assert.equal(c.country, 'FR', 'country upper-cased');
					},
				},
				customerStep('Get', 'get', {}, (c) => {
					assert.equal(c.firstname, 'Linus');
					assert.equal(c.company_name, 'E2E SARL');
				}),
				customerStep('Update', 'update', { updateFields: { lastname: 'Renamed', city: 'Grenoble' } }, (c) => {
					assert.equal(c.lastname, 'Renamed');
					assert.equal(c.city, 'Grenoble');
					assert.equal(c.email, 'linus@example.com', 'fields not updated are re-sent');
					assert.equal(c.zipcode, '69001');
				}),
				customerStep('Resend Confirmation', 'resendConfirmation', {}, (r) => assert.equal(r.message, 'Link sent')),
				customerStep('Send Password Reset', 'sendPasswordReset', {}, (r) => assert.equal(r.message, 'Link sent')),
				customerStep('Confirm Email', 'confirmEmail', {}, (c) => {
					assert.equal(c.id, 3);
					assert.ok(c.email_verified_at, 'email_verified_at set');
				}),
				customerStep('Suspend', 'suspend', { options: { reason: 'E2E', notify: false } }, (c) => assert.equal(c.id, 3)),
				customerStep('Reactivate', 'reactivate', { options: { notify: false } }, (c) => assert.equal(c.id, 3)),
				customerStep('Ban', 'ban', {}, (c) => assert.equal(c.id, 3)),
				customerStep('Disable 2FA', 'disable2fa', {}, (c) => {
					assert.equal(c.id, 3);
					assert.equal('totp_secret' in c, false);
				}),
				customerStep('Delete', 'delete', { force: true }, (r) => {
					assert.equal(r.deleted, true);
					assert.equal(r.id, 3);
				}),
			],
		},
		{
			name: 'Customer Get of a deleted customer fails with the ID',
			steps: [{ node: 'clientXcms', parameters: cx('customer', 'get', { customerId: byId(3) }), expectError: /No customer with ID 3/ }],
		},
		{
			name: 'Product Get Many and Get with its pricing',
			steps: [
				{
					node: 'clientXcms',
					name: 'List',
					parameters: cx('product', 'getAll', { returnAll: true, filters: { group_id: '1' } }),
					expect: (items) => assert.deepEqual(ids(items), [1]),
				},
				{
					node: 'clientXcms',
					name: 'Get',
					parameters: cx('product', 'get', { productId: byId('={{ $json.id }}') }),
					expect: (items) => {
						const p = one(items);
						assert.equal(p.name, 'VPS S');
						assert.equal(p.pinned, true);
					},
				},
			],
		},
		{
			name: 'Product Get Config of a product without one',
			steps: [{ node: 'clientXcms', parameters: cx('product', 'getConfig', { productId: byId(1) }), expectError: /no provisioning configuration/ }],
		},
		{
			name: 'Product lifecycle',
			steps: [
				...crud({
					label: 'Product lifecycle',
					resource: 'product',
					idParam: 'productId',
					locator: true,
					create: {
						name: 'E2E VPS',
						description: 'Made by the e2e suite',
						status: 'active',
						group_id: 1,
						stock: 10,
						type: 'none',
						additionalFields: { pinned: true },
						pricing: { currency: 'EUR', monthly: 9, setup_monthly: 1 },
					},
					update: { name: 'E2E VPS L', stock: 5 },
					expectCreated: (p) => {
						assert.equal(p.name, 'E2E VPS');
						assert.equal(p.group_id, 1);
					},
					expectUpdated: (p) => {
						assert.equal(p.name, 'E2E VPS L');
						assert.equal(p.stock, 5);
						assert.equal(p.pinned, true, 'pinned kept');
					},
				}).flatMap((s) =>
					s.name === 'Delete'
						? [
								{
									node: 'clientXcms',
									name: 'Update Config',
									parameters: cx('product', 'updateConfig', { productId: byId(idOf('Product lifecycle Create')), config: '{"memory": 2048}' }),
									expect: (items: Json[]) => assert.deepEqual((one(items).config as Json).memory, 2048),
								},
								s,
							]
						: [s],
				),
			],
		},
		{
			name: 'Product Group Get Many, Get',
			steps: [
				{
					node: 'clientXcms',
					name: 'List',
					parameters: cx('group', 'getAll', { returnAll: true }),
					expect: (items) => {
						assert.equal(items.length, 1);
						assert.equal(items[0].slug, 'vps');
					},
				},
				{
					node: 'clientXcms',
					name: 'Get',
					parameters: cx('group', 'get', { groupId: '1' }),
					expect: (items) => {
						const g = one(items);
						assert.equal(g.id, 1);
						assert.equal(g.name, 'VPS');
					},
				},
			],
		},
		{
			name: 'Product Group lifecycle',
			steps: crud({
				label: 'Product Group lifecycle',
				resource: 'group',
				idParam: 'groupId',
				create: { name: 'E2E Group', description: 'Made by the e2e suite', status: 'active', slug: 'e2e-group', sort_order: 3 },
				update: { name: 'E2E Group Renamed' },
				expectCreated: (g) => {
					assert.equal(g.name, 'E2E Group');
					assert.equal(g.slug, 'e2e-group');
				},
				expectUpdated: (g) => {
					assert.equal(g.name, 'E2E Group Renamed');
					assert.equal(g.slug, 'e2e-group', 'slug kept');
				},
			}),
		},
		{
			name: 'Pricing Get Many',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('pricing', 'getAll', { returnAll: false, limit: 10, filters: { related_type: ['product'], related_id: '1' } }),
					expect: (items) => {
						assert.deepEqual(ids(items), [1]);
						assert.equal(items[0].currency, 'EUR');
					},
				},
			],
		},
		{
			name: 'Pricing lifecycle',
			steps: crud({
				label: 'Pricing lifecycle',
				resource: 'pricing',
				idParam: 'pricingId',
				create: { related_id: 1, related_type: 'product', currency: 'GBP', additionalFields: { monthly: 7, setup_monthly: 0 } },
				update: { monthly: 8 },
				expectCreated: (p) => {
					assert.equal(p.currency, 'GBP');
					assert.equal(Number(p.monthly), 7);
				},
				expectUpdated: (p) => {
					assert.equal(Number(p.monthly), 8);
					assert.equal(p.currency, 'GBP', 'currency kept');
				},
			}),
		},
		{
			name: 'Service Get Many, Get with its customer',
			steps: [
				{
					node: 'clientXcms',
					name: 'List',
					parameters: cx('service', 'getAll', { returnAll: true, filters: { status: ['active'] } }),
					expect: (items) => assert.deepEqual(ids(items), [1]),
				},
				{
					node: 'clientXcms',
					name: 'Get',
					parameters: cx('service', 'get', { serviceId: byId('={{ $json.id }}'), options: { include: ['customer'] } }),
					expect: (items) => {
						const s = one(items);
						assert.equal(s.uuid, 's-1');
						assert.equal(s.status, 'active');
					},
				},
			],
		},
		{
			name: 'Service Unsuspend, then Delete',
			steps: [
				{
					node: 'clientXcms',
					name: 'Unsuspend',
					parameters: cx('service', 'unsuspend', { serviceId: byId(2) }),
					expect: (items) => {
						const s = one(items);
						assert.equal(s.status, 'active');
						assert.deepEqual(s._result, { success: true, message: 'Service unsuspended' });
					},
				},
				{
					node: 'clientXcms',
					name: 'Delete',
					parameters: cx('service', 'delete', { serviceId: byId(2) }),
					expect: (items) => assert.deepEqual(one(items), { deleted: true, id: 2 }),
				},
			],
		},
		{
			name: 'Service Suspend on ClientXCMS 2.16: the error names the version and the alternative',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('service', 'suspend', { serviceId: byId(1), options: { reason: 'E2E', notify: false } }),
					expectError: /^ClientXCMS 2\.16 and earlier cannot suspend a service through the API \(it answers "Invalid status"\) — Service 1 was not changed\. Instead, suspend it in the ClientXCMS admin area .*Customer → Suspend with Force/,
				},
			],
		},
		{
			name: 'Service Expire on ClientXCMS 2.16: the error names the version and the alternative',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('service', 'expire', { serviceId: byId(1) }),
					expectError: /^ClientXCMS 2\.16 and earlier cannot expire a service through the API \(it answers "Invalid status"\) — Service 1 was not changed\. Instead, expire it in the ClientXCMS admin area/,
				},
			],
		},
		{
			name: 'Invoice Get Many and Get',
			steps: [
				{
					node: 'clientXcms',
					name: 'List',
					parameters: cx('invoice', 'getAll', { returnAll: true, filters: { customer_id: '1', status: ['pending'] }, options: { include: ['customer'] } }),
					expect: (items) => {
						assert.deepEqual(ids(items), [1]);
						assert.equal(items[0].invoice_number, 'INV-1');
					},
				},
				{
					node: 'clientXcms',
					name: 'Get',
					parameters: cx('invoice', 'get', { invoiceId: byId('={{ $json.id }}') }),
					expect: (items) => assert.equal(one(items).total, 6),
				},
			],
		},
		{
			name: INVOICE_LIFE,
			steps: [
				{
					node: 'clientXcms',
					name: 'Create',
					parameters: cx('invoice', 'create', { customerId: byId(2), currency: 'EUR' }),
					expect: (items) => {
						const inv = one(items);
						assert.equal(inv.id, 2);
						assert.equal(inv.status, 'draft');
						assert.equal(inv.customer_id, 2);
					},
				},
				invoiceStep('Update', 'update', { updateFields: { notes: 'E2E note', fees: 1.5 } }, (inv) => {
					assert.equal(inv.notes, 'E2E note');
					assert.equal(Number(inv.fees), 1.5);
					assert.equal(inv.status, 'draft', 'status kept');
				}),
				invoiceStep('Validate', 'validate', {}, (r) => {
					assert.equal(r.message, 'Invoice validated');
					assert.equal((r.invoice as Json).status, 'pending');
				}),
				invoiceStep('Send Notification', 'sendNotification', {}, (r) => assert.equal(r.message, 'Notification sent')),
				invoiceStep('Set Draft', 'setDraft', {}, (r) => assert.equal((r.invoice as Json).status, 'draft')),
				invoiceStep('PDF Download', 'getPdf', { variant: 'download', binaryPropertyName: 'data' }, (r) => {
					assert.deepEqual(r, { id: 2, fileName: 'INV-2.pdf', mimeType: 'application/pdf' });
				}),
				invoiceStep('PDF Inline', 'getPdf', { variant: 'pdf', binaryPropertyName: 'file' }, (r) => {
					assert.deepEqual(r, { id: 2, fileName: 'invoice-2.pdf', mimeType: 'application/pdf' });
				}),
				{
					node: 'clientXcms',
					name: 'Export',
					parameters: cx('invoice', 'export', { format: 'csv', additionalFields: { status: ['draft', 'pending'] }, binaryPropertyName: 'data' }),
					expect: (items) => {
						const r = one(items);
						assert.equal(r.exported, true);
						assert.equal(r.format, 'csv');
						assert.equal(r.fileName, 'invoices.csv');
					},
				},
				invoiceStep('Delete', 'delete', {}, (r) => assert.deepEqual(r, { deleted: true, id: 2 })),
			],
		},
		{
			name: 'Support Department Get Many',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('department', 'getAll', { returnAll: true }),
					expect: (items) => {
						assert.deepEqual(ids(items), [1]);
						assert.equal(items[0].name, 'Support');
					},
				},
			],
		},
		{
			name: 'Support Department lifecycle',
			steps: crud({
				label: 'Support Department lifecycle',
				resource: 'department',
				idParam: 'departmentId',
				create: { name: 'Billing', description: 'Invoices and payments', icon: 'bi bi-receipt', additionalFields: { sla_resolution_minutes: 60 } },
				update: { icon: 'bi bi-star' },
				expectCreated: (d) => {
					assert.equal(d.name, 'Billing');
					assert.equal(d.description, 'Invoices and payments');
				},
				expectUpdated: (d) => {
					assert.equal(d.icon, 'bi bi-star');
					assert.equal(d.name, 'Billing', 'name kept');
				},
			}),
		},
		{
			name: 'Support Ticket Get Many',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('ticket', 'getAll', { returnAll: true, filters: { status: ['open'], department_id: '1' }, options: { include: ['messages'] } }),
					expect: (items) => {
						assert.deepEqual(ids(items), [1]);
						assert.equal(items[0].subject, 'Hello');
					},
				},
			],
		},
		{
			name: TICKET_LIFE,
			steps: [
				{
					node: 'clientXcms',
					name: 'Create',
					parameters: cx('ticket', 'create', { customerId: byId(1), department_id: 1, subject: 'E2E help', priority: 'high', content: 'First message' }),
					expect: (items) => {
						const t = one(items);
						assert.equal(t.id, 2);
						assert.equal(t.status, 'open');
						assert.equal(t.related_id, undefined, 'related_id never sent');
					},
				},
				ticketStep('Get', 'get', {}, (t) => assert.equal(t.subject, 'E2E help')),
				ticketStep('Update', 'update', { updateFields: { priority: 'low' } }, (t) => {
					assert.equal(t.priority, 'low');
					assert.equal(t.subject, 'E2E help', 'subject kept');
				}),
				ticketStep('Reply', 'reply', { content: '  We are on it ' }, (t) => {
					assert.equal(t.status, 'answered');
					assert.equal(t._message, 'Reply sent');
				}),
				ticketStep('Close', 'close', { options: { reason: 'Solved' } }, (r) => assert.equal(JSON.stringify(r).includes('closed'), true, JSON.stringify(r))),
				ticketStep('Reopen', 'reopen', {}, (r) => assert.equal(JSON.stringify(r).includes('"open"'), true, JSON.stringify(r))),
				ticketStep('Delete', 'delete', {}, (r) => assert.equal(r.result, 'closed', 'deleting an open ticket only closes it')),
			],
		},
		{
			name: 'Coupon Get Many',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('coupon', 'getAll', { returnAll: true, filters: { code: 'welc', is_global: true } }),
					expect: (items) => assert.deepEqual(items.map((c) => c.code), ['WELCOME']),
				},
			],
		},
		{
			name: 'Coupon lifecycle',
			steps: crud({
				label: 'Coupon lifecycle',
				resource: 'coupon',
				idParam: 'couponId',
				create: {
					code: 'E2E10',
					type: 'percent',
					applied_month: -1,
					free_setup: false,
					first_order_only: true,
					is_global: false,
					max_uses: 10,
					max_uses_per_customer: 1,
					usages: 0,
					minimum_order_amount: 0,
					additionalFields: { products: '1' },
				},
				update: { max_uses: 20 },
				expectCreated: (c) => {
					assert.equal(c.code, 'E2E10');
					assert.equal(c.type, 'percent');
				},
				expectUpdated: (c) => {
					assert.equal(c.max_uses, 20);
					assert.equal(c.code, 'E2E10', 'code kept');
				},
			}),
		},
		{
			name: 'Server Get Many without credentials, Get with them',
			steps: [
				{
					node: 'clientXcms',
					name: 'List',
					parameters: cx('server', 'getAll', { returnAll: true }),
					expect: (items) => {
						assert.deepEqual(ids(items), [1]);
						assert.equal(items[0].username, undefined, 'username removed');
						assert.equal(items[0].password, undefined, 'password removed');
					},
				},
				{
					node: 'clientXcms',
					name: 'Get',
					parameters: cx('server', 'get', { serverId: '1', options: { includeSensitive: true } }),
					expect: (items) => assert.equal(one(items).username, 'root'),
				},
			],
		},
		{
			name: 'Server lifecycle',
			steps: crud({
				label: 'Server lifecycle',
				resource: 'server',
				idParam: 'serverId',
				create: { name: 'node2', hostname: 'panel2.example.com', address: '203.0.113.20', type: 'none', username: 'admin', password: 's3cret', additionalFields: { port: 8443 } },
				update: { maxaccounts: 50 },
				expectCreated: (s) => {
					assert.equal(s.name, 'node2');
					assert.equal(s.password, undefined, 'password removed');
				},
				expectUpdated: (s) => {
					assert.equal(s.maxaccounts, 50);
					assert.equal(s.hostname, 'panel2.example.com', 'hostname kept');
				},
			}),
		},
		{
			name: 'Server Test Connection explains the shadowed route',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('server', 'testConnection', { type: 'none', address: '203.0.113.10', hostname: 'panel.example.com', port: 443, username: 'root', password: 'x' }),
					expectError: /cannot test server connections through the API/,
				},
			],
		},
		{
			name: 'Action Log Get Many and Get',
			steps: [
				{
					node: 'clientXcms',
					name: 'List',
					parameters: cx('actionLog', 'getAll', { returnAll: false, limit: 5, filters: { action: 'service_delivered' } }),
					expect: (items) => assert.deepEqual(ids(items), [1]),
				},
				{
					node: 'clientXcms',
					name: 'Get',
					parameters: cx('actionLog', 'get', { actionLogId: '={{ $json.id }}' }),
					expect: (items) => assert.equal(one(items).action, 'service_delivered'),
				},
			],
		},
		{
			name: 'Subdomain Host Get Many',
			steps: [
				{
					node: 'clientXcms',
					parameters: cx('subdomainHost', 'getAll', { returnAll: true }),
					expect: (items) => assert.deepEqual(items.map((s) => s.domain), ['.example.com']),
				},
			],
		},
		{
			name: 'Subdomain Host lifecycle',
			steps: crud({
				label: 'Subdomain Host lifecycle',
				resource: 'subdomainHost',
				idParam: 'subdomainHostId',
				create: { domain: '.e2e.test', additionalFields: { products: '1' } },
				update: { domain: '.e2e.example' },
				expectCreated: (s) => {
					assert.equal(s.domain, '.e2e.test');
					assert.deepEqual(s.products, [1]);
				},
				expectUpdated: (s) => {
					assert.equal(s.domain, '.e2e.example');
					assert.deepEqual(s.products, [1], 'product list kept');
				},
			}),
		},
		{
			name: 'Cancellation Reason Get Many and Get Analytics',
			steps: [
				{
					node: 'clientXcms',
					name: 'List',
					parameters: cx('cancellationReason', 'getAll', { returnAll: true, filters: { status: ['active'] } }),
					expect: (items) => assert.deepEqual(items.map((r) => r.reason), ['Too expensive']),
				},
				{
					node: 'clientXcms',
					name: 'Analytics',
					parameters: cx('cancellationReason', 'getAnalytics', { additionalFields: { start_date: '2026-01-01', end_date: '2026-06-30' } }),
					expect: (items) => {
						const a = one(items);
						assert.equal(a.start_date, '2026-01-01');
						assert.equal(a.total_cancellations, 0);
					},
				},
			],
		},
		{
			name: 'Cancellation Reason lifecycle',
			steps: crud({
				label: 'Cancellation Reason lifecycle',
				resource: 'cancellationReason',
				idParam: 'cancellationReasonId',
				create: { reason: 'Moving to another host', status: 'active' },
				update: { status: 'hidden' },
				expectCreated: (r) => assert.equal(r.reason, 'Moving to another host'),
				expectUpdated: (r) => {
					assert.equal(r.status, 'hidden');
					assert.equal(r.reason, 'Moving to another host', 'reason kept');
				},
			}),
		},
		errorOutputCase({
			node: 'clientXcms',
			parameters: { resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: '999' } },
			message: /999/,
			httpCode: '404',
		}),
	],
	credentialTests: [
		{ name: 'sandbox key accepted', ok: true },
		{
			name: 'expired or deleted key: "create a new key"',
			data: { apiKey: '9|CLIENTXCMSnotakeynotakeynotakeynotakeynotakey00000000' },
			ok: false,
			message: /^ClientXCMS did not accept this API key: it has expired .* Create a new key in ClientXCMS \(Settings → Security → API Keys\)/,
			editor: true,
		},
		{
			name: 'http:// without Allow Plain HTTP: nothing sent, both fixes named',
			data: { apiKey: '7|CLIENTXCMSplainhttpplainhttpplainhttp', allowHttp: false },
			ok: false,
			message: /^The Instance URL starts with http:\/\/, and "Allow Plain HTTP" is off, so nothing was sent.*turn on "Allow Plain HTTP"/,
			requests: { count: 0, carrying: 'plainhttpplainhttp' },
			editor: true,
		},
	],
	triggers: [
		{
			name: 'New Service',
			node: 'clientXcmsTrigger',
			parameters: { event: 'newService' },
			fault: { status: 500, path: '/api/application/services' },
			change: async ({ call }) => {
				await call('POST', '/__sandbox/services', { uuid: 's-e2e', customer_id: 2, name: 'E2E VPS', product_id: 1, status: 'pending', billing: 'monthly', currency: 'EUR' });
			},
			expect: (items) => {
				assert.deepEqual(ids(items), [3]);
				assert.equal(items[0].name, 'E2E VPS');
			},
		},
		{
			name: 'Invoice Paid',
			node: 'clientXcmsTrigger',
			parameters: { event: 'invoicePaid' },
			change: async ({ call }) => {
				await call('PATCH', '/__sandbox/invoices/1', { status: 'paid' });
			},
			expect: (items) => {
				assert.deepEqual(ids(items), [1]);
				assert.equal(items[0].status, 'paid');
			},
		},
		{
			name: 'Ticket Updated',
			node: 'clientXcmsTrigger',
			parameters: { event: 'ticketUpdated' },
			change: async ({ call }) => {
				await call('PATCH', '/__sandbox/tickets/1', { priority: 'high' });
			},
			expect: (items) => {
				assert.deepEqual(ids(items), [1]);
				assert.equal(items[0].priority, 'high');
			},
		},
	],
	examples: [
		{
			name: 'ClientXCMS: active services of a customer',
			note: '## Active services of a customer\nLists the active services of one ClientXCMS customer, e.g. before a support call or a renewal check.\n\n**Change first**\n1. The credential of **Active Services of Customer 1**: create a *ClientXCMS API* credential with your instance address and an Administrator API key.\n2. The customer under *Filters → Customer ID* (1 here).',
			steps: [
				{
					node: 'clientXcms',
					name: 'Active Services of Customer 1',
					note: '### Active Services of Customer 1\nService → Get Many, filtered on the customer and the status Active.',
					parameters: cx('service', 'getAll', { returnAll: true, filters: { customer_id: '1', status: ['active'] } }),
					expect: (items) => assert.deepEqual(ids(items), [1]),
				},
			],
		},
		{
			name: 'ClientXCMS Trigger: invoice paid',
			trigger: {
				node: 'clientXcmsTrigger',
				name: 'On Invoice Paid',
				parameters: { event: 'invoicePaid', pollTimes: { item: [{ mode: 'everyMinute' }] } },
				note: '### On Invoice Paid\nChecks ClientXCMS every minute (here) and starts once for each invoice that became paid.',
			},
			note: '## When an invoice is paid\nStarts when a customer pays an invoice and lists that customer\'s pending services, e.g. to deliver them.\n\n**Change first**\n1. The credential of both ClientXCMS nodes.\n2. What follows **Services of the Customer**: add the nodes that deliver or notify.\n\nActivate the workflow to start; the first check only records the invoices already paid.',
			steps: [
				{
					node: 'clientXcms',
					name: 'Services of the Customer',
					note: '### Services of the Customer\nService → Get Many for the customer of the paid invoice, status Pending.',
					parameters: cx('service', 'getAll', { returnAll: true, filters: { customer_id: '={{ $json.customer_id }}', status: ['pending'] } }),
				},
			],
		},
	],
	agents: [
		{
			name: 'Get the ClientXCMS customer with ID 2',
			tool: {
				node: 'clientXcms',
				name: 'ClientXCMS Customer',
				parameters: cx('customer', 'get', { customerId: byId(fromAI('customerId', 'The ClientXCMS customer ID', 'number')) }),
			},
			arguments: { customerId: 2 },
			description: /^Get a customer by ID in ClientXCMS$/,
			expectRequests: (requests) => {
				assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), ['GET /api/application/customers/2']);
			},
			expectResult: (result) => {
				assert.match(result, /grace@example\.com/);
				assert.doesNotMatch(result, /ada@example\.com/);
			},
		},
	],
	editor: [
		{
			node: 'clientXcms',
			search: 'ClientXCMS',
			action: 'Get a service',
			expectValues: { resource: 'Service', operation: 'Get' },
			// Services are labelled with their product and owner, not only "#1".
			locators: [{ parameter: 'serviceId', expectText: /VPS S — Ada Demo <ada@example\.com> \(\w+, #1\)/ }],
		},
		{
			node: 'clientXcms',
			search: 'ClientXCMS',
			action: 'Get a customer by ID',
			expectValues: { resource: 'Customer', operation: 'Get' },
			locators: [{ parameter: 'customerId', expectText: /Ada Demo <ada@example\.com> \(#1\)/ }],
		},
		{
			node: 'clientXcms',
			search: 'ClientXCMS',
			action: 'Create a support ticket',
			// Id fields of a body are dropdowns of records by name.
			dropdowns: [{ parameter: 'department_id', expectText: /Support \(#1\)/ }],
		},
		{
			node: 'clientXcms',
			search: 'ClientXCMS',
			action: 'Get many support tickets',
			expectValues: { resource: 'Support Ticket', operation: 'Get Many' },
			executeExpectText: 'Hello',
		},
		{
			node: 'clientXcmsTrigger',
			search: 'ClientXCMS',
			action: 'On new service',
			expectValues: { event: 'New Service' },
			executeExpectText: 'VPS S',
		},
	],
};
