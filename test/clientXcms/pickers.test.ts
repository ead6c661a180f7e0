import type { INodeListSearchResult } from 'n8n-workflow';

import { clearCachedReads } from '../../nodes/shared';
import { api, BASE, cxHarness, cxNode, pageA, pageB, run } from './helpers';

function productList() {
	return api().get('/products').query({ sort: '-id', per_page: '100', page: '1' }).reply(200, pageB([{ id: 3, name: 'VPS Standard' }]));
}

const ADA = { id: 7, firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com' };
const ALAN = { id: 8, firstname: 'Alan', lastname: 'Turing', email: 'alan@example.com' };
const vps = (id: number, owner: typeof ADA) => ({
	id,
	name: 'VPS S',
	status: 'active',
	customer_id: owner.id,
	product_id: 3,
	billing: 'monthly',
	expires_at: '2026-01-31 00:00:00',
	customer: owner,
});

async function search(method: string, filter?: string, paginationToken?: string) {
	return await cxHarness().loadOptions<INodeListSearchResult>({
		node: cxNode({}),
		kind: 'listSearch',
		method,
		filter,
		paginationToken,
	});
}

describe('ClientXCMS pickers', () => {
	beforeEach(() => clearCachedReads());

	it('labels services with product, owner, status and id, so two "VPS S" are told apart', async () => {
		const products = productList();
		const scope = api()
			.get('/services')
			.query({ sort: '-id', per_page: '50', page: '1', include: 'customer' })
			.reply(200, pageA([vps(2, ALAN), vps(1, ADA)], { next: true }));
		const found = await search('searchServices');
		products.done();
		scope.done();
		expect(found).toEqual({
			results: [
				{
					name: 'VPS S — Alan Turing <alan@example.com> (active, #2)',
					value: '2',
					description: 'Product: VPS Standard, monthly, expires 2026-01-31 00:00:00',
				},
				{
					name: 'VPS S — Ada Lovelace <ada@example.com> (active, #1)',
					value: '1',
					description: 'Product: VPS Standard, monthly, expires 2026-01-31 00:00:00',
				},
			],
			paginationToken: '2',
		});
	});

	it('searches services by owner on the labels, reading on while a page has no match', async () => {
		const products = productList();
		const scope = api()
			.get('/services')
			.query({ sort: '-id', per_page: '50', page: '1', include: 'customer' })
			.reply(200, pageA([vps(4, ALAN)], { next: true }))
			.get('/services')
			.query({ sort: '-id', per_page: '50', page: '2', include: 'customer' })
			.reply(200, pageA([vps(3, ADA), vps(2, ALAN)], { page: 2, next: true }));
		const found = await search('searchServices', 'LOVELACE');
		products.done();
		scope.done();
		expect(found.results.map((r) => r.value)).toEqual(['3']);
		expect(found.paginationToken).toBe('3');
	});

	it('a number searches the id where the list has an id filter, the name where it has none', async () => {
		const scope = api()
			.get('/customers')
			.query({ sort: '-id', per_page: '50', page: '1', 'filter[id]': '7' })
			.reply(200, pageA([{ ...ADA, company_name: 'Analytical Engines' }]))
			.get('/groups')
			.query({ sort: '-created_at', per_page: '50', page: '1', 'filter[name]': '2024' })
			.reply(200, pageB([{ id: 5, name: 'Offers 2024', slug: 'offers-2024' }]));
		const customers = await search('searchCustomers', '7');
		const groups = await search('searchGroups', '2024');
		scope.done();
		expect(customers.results).toEqual([
			{ name: 'Ada Lovelace <ada@example.com> (#7)', value: '7', description: 'Analytical Engines' },
		]);
		expect(groups.results).toEqual([{ name: 'Offers 2024 (#5)', value: '5', description: 'offers-2024' }]);
	});

	it.each([
		['searchTickets', '/tickets', { 'filter[subject]': 'refund', include: 'customer' }, { id: 9, subject: 'Refund please', status: 'open', customer_id: 7, customer: ADA }, 'Refund please — Ada Lovelace <ada@example.com> (open, #9)'],
		['searchDepartments', '/departments', { 'filter[name]': 'refund' }, { id: 2, name: 'Billing' }, 'Billing (#2)'],
		['searchCoupons', '/coupons', { 'filter[code]': 'refund' }, { id: 4, code: 'SPRING' }, 'SPRING (#4)'],
		['searchServers', '/servers', { 'filter[name]': 'refund' }, { id: 6, name: 'Node 1', hostname: 'node1.example.com' }, 'Node 1 — node1.example.com (#6)'],
		['searchSubdomainHosts', '/subdomains', { 'filter[domain]': 'refund' }, { id: 1, domain: 'example.app' }, 'example.app (#1)'],
		['searchCancellationReasons', '/cancellation_reasons', { 'filter[reason]': 'refund' }, { id: 3, reason: 'Too expensive' }, 'Too expensive (#3)'],
		['searchProducts', '/products', { 'filter[name]': 'refund' }, { id: 3, name: 'VPS S', type: 'proxmox', status: 'active' }, 'VPS S (#3)'],
		['searchInvoices', '/invoices', { include: 'customer' }, { id: 11, invoice_number: 'CTX-2024-11', total: '12.00', currency: 'EUR', status: 'paid', customer: ADA }, 'CTX-2024-11 — Ada Lovelace <ada@example.com>, 12.00 EUR (paid)'],
	])('%s sends the search to %s and labels records by name', async (method, path, query, record, label) => {
		const envelope = path === '/invoices' ? pageA([record]) : pageB([record]);
		const scope = api()
			.get(path)
			.query({ sort: '-id', per_page: '50', page: '1', ...query })
			.reply(200, envelope);
		const found = await search(method, path === '/invoices' ? 'ada' : 'refund');
		scope.done();
		expect(found.results[0]).toMatchObject({ name: label, value: String(record.id) });
	});

	it('By URL takes the id from an admin page address, whatever the admin prefix', async () => {
		const scope = api()
			.get('/customers/7')
			.reply(200, ADA)
			.get('/tickets/9')
			.reply(200, pageB([{ id: 9, subject: 'Refund please' }]));
		const customer = await run({
			resource: 'customer',
			operation: 'get',
			customerId: { __rl: true, mode: 'url', value: `${BASE}/admin/customers/7?tab=services` },
		});
		const ticket = await run({
			resource: 'ticket',
			operation: 'get',
			ticketId: { __rl: true, mode: 'url', value: `${BASE}/staff/helpdesk/tickets/9` },
		});
		scope.done();
		expect(customer.items[0].json).toMatchObject({ id: 7, email: 'ada@example.com' });
		expect(ticket.items[0].json).toMatchObject({ id: 9, subject: 'Refund please' });
	});

	it('a record id saved as plain text, before the list existed, still works', async () => {
		const scope = api().get('/departments/2').reply(200, pageB([{ id: 2, name: 'Billing' }]));
		const { items } = await run({ resource: 'department', operation: 'get', departmentId: '2' });
		scope.done();
		expect(items).toEqual([{ json: { id: 2, name: 'Billing' }, pairedItem: { item: 0 } }]);
	});

	it('id fields of create and update bodies list the newest records (two pages of 50), ids as numbers', async () => {
		const groups = (from: number, n: number) => Array.from({ length: n }, (_, k) => ({ id: from - k, name: `Group ${from - k}` }));
		const scope = api()
			.get('/groups')
			.query({ sort: '-created_at', per_page: '50', page: '1' })
			.reply(200, pageB(groups(120, 50), { next: true }))
			.get('/groups')
			.query({ sort: '-created_at', per_page: '50', page: '2' })
			.reply(200, pageB(groups(70, 50), { page: 2, next: true }));
		const options = await cxHarness().loadOptions<Array<{ name: string; value: number }>>({
			node: cxNode({ resource: 'product', operation: 'create' }),
			kind: 'loadOptions',
			method: 'getGroups',
		});
		scope.done();
		expect(options).toHaveLength(100);
		expect(options[0]).toEqual({ name: 'Group 120 (#120)', value: 120 });
		expect(options[99]).toEqual({ name: 'Group 21 (#21)', value: 21 });
	});

	it('a customer picked in the Get Many filter dropdown (a number) filters exactly like a typed ID', async () => {
		const scope = api()
			.get('/services')
			.query({ page: 1, per_page: 10, 'filter[customer_id]': '7', sort: '-id' })
			.reply(200, pageA([vps(1, ADA), { ...vps(2, ALAN), customer_id: 77 }]));
		const { items } = await run({ resource: 'service', operation: 'getAll', returnAll: false, limit: 10, filters: { customer_id: 7 } });
		scope.done();
		expect(items.map((i) => [i.json.id, i.pairedItem])).toEqual([[1, { item: 0 }]]);
	});

	it('labels pricings by what they price and their currency', async () => {
		const scope = api()
			.get('/pricings')
			.query({ sort: '-id', per_page: '50', page: '1' })
			.reply(200, pageB([{ id: 4, related_type: 'product', related_id: 3, currency: 'EUR', monthly: '9.99' }]));
		const found = await search('searchPricings');
		scope.done();
		expect(found).toEqual({ results: [{ name: 'product #3, EUR (#4)', value: '4', description: 'Monthly 9.99' }] });
	});
});
