import type { IDataObject } from 'n8n-workflow';

import { api, pageA, pageB, paired, run } from './helpers';

interface Case {
	resource: string;
	path: string;
	envelope: 'A' | 'B';
	sort: string;
	idParam: string;
	locator: boolean;
	getShape: 'object' | 'page';
	label?: string;
	deletes?: 'message' | 'empty' | 'object' | 'none';
}

const CASES: Case[] = [
	{ resource: 'customer', path: '/customers', envelope: 'A', sort: '-id', idParam: 'customerId', locator: true, getShape: 'object', deletes: 'none' },
	{ resource: 'product', path: '/products', envelope: 'B', sort: '-id', idParam: 'productId', locator: true, getShape: 'page', deletes: 'object' },
	{ resource: 'pricing', path: '/pricings', envelope: 'B', sort: '-id', idParam: 'pricingId', locator: false, getShape: 'object', deletes: 'object' },
	{ resource: 'service', path: '/services', envelope: 'A', sort: '-id', idParam: 'serviceId', locator: true, getShape: 'page', deletes: 'object' },
	{ resource: 'invoice', path: '/invoices', envelope: 'A', sort: '-id', idParam: 'invoiceId', locator: true, getShape: 'page', deletes: 'empty' },
	{ resource: 'department', path: '/departments', envelope: 'B', sort: '-id', idParam: 'departmentId', locator: false, getShape: 'page', label: 'support department', deletes: 'empty' },
	{ resource: 'ticket', path: '/tickets', envelope: 'B', sort: '-id', idParam: 'ticketId', locator: false, getShape: 'page', label: 'support ticket', deletes: 'none' },
	{ resource: 'coupon', path: '/coupons', envelope: 'B', sort: '-id', idParam: 'couponId', locator: false, getShape: 'page', deletes: 'message' },
	{ resource: 'server', path: '/servers', envelope: 'B', sort: '-id', idParam: 'serverId', locator: false, getShape: 'page', deletes: 'message' },
	{ resource: 'actionLog', path: '/logs', envelope: 'B', sort: '-id', idParam: 'actionLogId', locator: false, getShape: 'page', label: 'action log', deletes: 'none' },
	{ resource: 'subdomainHost', path: '/subdomains', envelope: 'B', sort: '-id', idParam: 'subdomainHostId', locator: false, getShape: 'page', label: 'subdomain host', deletes: 'message' },
	{ resource: 'cancellationReason', path: '/cancellation_reasons', envelope: 'B', sort: '-id', idParam: 'cancellationReasonId', locator: false, getShape: 'object', label: 'cancellation reason', deletes: 'message' },
	{ resource: 'group', path: '/groups', envelope: 'B', sort: '-created_at', idParam: 'groupId', locator: false, getShape: 'page', deletes: 'object' },
];

const idValue = (c: Case, id: string) => (c.locator ? { mode: 'id', value: id } : id);
const page = (c: Case, data: IDataObject[], options: { page?: number; next?: boolean } = {}) =>
	c.envelope === 'A' ? pageA(data, options) : pageB(data, options);

describe.each(CASES)('ClientXCMS $resource (shared operations)', (c) => {
	it(`Get Many: Return All walks envelope ${c.envelope} page by page (per_page 100, sort ${c.sort})`, async () => {
		const scope = api()
			.get(c.path)
			.query({ page: 1, per_page: 100, sort: c.sort })
			.reply(200, page(c, [{ id: 3 }, { id: 2 }], { next: true }))
			.get(c.path)
			.query({ page: 2, per_page: 100, sort: c.sort })
			.reply(200, page(c, [{ id: 1 }], { page: 2 }));
		const { items, error } = await run({ resource: c.resource, operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual(paired([{ id: 3 }, { id: 2 }, { id: 1 }]));
	});

	it('Get Many: Limit sets per_page and stops requesting once reached', async () => {
		const scope = api()
			.get(c.path)
			.query({ page: 1, per_page: 2, sort: c.sort })
			.reply(200, page(c, [{ id: 3 }, { id: 2 }], { next: true }));
		const { items } = await run({ resource: c.resource, operation: 'getAll', returnAll: false, limit: 2 });
		scope.done();
		expect(items).toEqual(paired([{ id: 3 }, { id: 2 }]));
	});

	if (c.resource !== 'group') {
		it(`Get: GET ${c.path}/{id} (${c.getShape === 'page' ? 'one-item page unwrapped' : 'plain object'})`, async () => {
			const record = { id: 5, name: 'x' };
			const scope = api()
				.get(`${c.path}/5`)
				.reply(200, c.getShape === 'page' ? pageB([record]) : record);
			const { items } = await run({ resource: c.resource, operation: 'get', [c.idParam]: idValue(c, '5') });
			scope.done();
			expect(items).toEqual(paired([record]));
		});
	}

	if (c.getShape === 'page' && c.resource !== 'group') {
		it('Get: an empty page (200) is reported as not found', async () => {
			const scope = api().get(`${c.path}/42`).reply(200, pageB([]));
			const { error } = await run({ resource: c.resource, operation: 'get', [c.idParam]: idValue(c, '42') });
			scope.done();
			expect(error?.message).toBe(`No ${c.label ?? c.resource} with ID 42`);
		});
	}

	if (c.deletes === 'message' || c.deletes === 'empty' || c.deletes === 'object') {
		it(`Delete: DELETE ${c.path}/{id} → { deleted: true }${c.deletes === 'empty' ? ' (204, body not parsed)' : ''}`, async () => {
			const scope = api()
				.delete(`${c.path}/5`)
				.reply(...((c.deletes === 'empty' ? [204] : c.deletes === 'message' ? [200, { message: 'Deleted successfully' }] : [200, { id: 5, name: 'x' }]) as [number, object?]));
			const { items } = await run({ resource: c.resource, operation: 'delete', [c.idParam]: idValue(c, '5') });
			scope.done();
			expect(items).toEqual(paired([{ deleted: true, id: 5, ...(c.deletes === 'message' ? { message: 'Deleted successfully' } : {}) }]));
		});
	}
});
