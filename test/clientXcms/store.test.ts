import { api, jsonOf, pageB, paired, run } from './helpers';

const PRODUCT = { id: 4, name: 'VPS S', group_id: 2, status: 'active', description: 'Small VPS', pinned: true, stock: -1, type: 'none', metadata: [] };
const pid = { mode: 'id', value: '4' };
const CREATE_PRODUCT = { name: 'VPS S', description: 'Small VPS', status: 'active', group_id: 2, stock: -1, type: 'none' };

describe('ClientXCMS Product', () => {
	it('Get Many: status and type re-checked exactly, pinned=false checked locally (not sent)', async () => {
		const scope = api()
			.get('/products')
			.query({ page: 1, per_page: 100, 'filter[status]': 'active', 'filter[type]': 'none', sort: '-id' })
			.reply(200, pageB([PRODUCT, { ...PRODUCT, id: 5, pinned: false }, { ...PRODUCT, id: 6, pinned: false, type: 'nonexistent' }]));
		const { items } = await run({
			resource: 'product',
			operation: 'getAll',
			returnAll: true,
			filters: { status: ['active'], type: 'none', pinned: false },
		});
		scope.done();
		expect(jsonOf(items).map((p) => p.id)).toEqual([5]);
	});

	it('Get Many: a page emptied by the exact re-check does not end the walk', async () => {
		const scope = api()
			.get('/products')
			.query({ page: 1, per_page: 100, 'filter[group_id]': '2', sort: '-id' })
			.reply(200, pageB([{ ...PRODUCT, id: 9, group_id: 12 }], { next: true }))
			.get('/products')
			.query({ page: 2, per_page: 100, 'filter[group_id]': '2', sort: '-id' })
			.reply(200, pageB([PRODUCT], { page: 2 }));
		const { items } = await run({ resource: 'product', operation: 'getAll', returnAll: true, filters: { group_id: '2' } });
		scope.done();
		expect(items).toEqual(paired([PRODUCT]));
	});

	it('Get: include is sent', async () => {
		const scope = api().get('/products/4').query({ include: 'pricing,group' }).reply(200, pageB([PRODUCT]));
		const { items } = await run({ resource: 'product', operation: 'get', productId: pid, options: { include: ['pricing', 'group'] } });
		scope.done();
		expect(items).toEqual(paired([PRODUCT]));
	});

	it('Create: without pricing only POST /products', async () => {
		const scope = api().post('/products', { ...CREATE_PRODUCT, pinned: true }).reply(201, PRODUCT);
		const { items } = await run({ resource: 'product', operation: 'create', ...CREATE_PRODUCT, additionalFields: { pinned: true } });
		scope.done();
		expect(items).toEqual(paired([PRODUCT]));
	});

	it('Create: with pricing follows with POST /pricings for the new product', async () => {
		const row = { id: 30, related_id: 4, related_type: 'product', currency: 'EUR', monthly: 5 };
		const scope = api()
			.post('/products', CREATE_PRODUCT)
			.reply(201, PRODUCT)
			.post('/pricings', { related_type: 'product', related_id: 4, currency: 'EUR', monthly: 5, setup_monthly: 1 })
			.reply(201, row);
		const { items } = await run({ resource: 'product', operation: 'create', ...CREATE_PRODUCT, pricing: { currency: 'EUR', monthly: 5, setup_monthly: 1 } });
		scope.done();
		expect(items).toEqual(paired([{ ...PRODUCT, pricing: [row] }]));
	});

	it('Create: a failed pricing says the product exists', async () => {
		const scope = api()
			.post('/products')
			.reply(201, PRODUCT)
			.post('/pricings')
			.reply(422, { message: 'bad', errors: { monthly: ['The monthly must be at least 0.'] } });
		const { error } = await run({ resource: 'product', operation: 'create', ...CREATE_PRODUCT, pricing: { currency: 'EUR', monthly: -1 } });
		scope.done();
		expect(error?.message).toBe('Product 4 was created but its pricing was not');
		expect(error?.description).toContain('monthly: The monthly must be at least 0.');
	});

	it('Update: re-sends pinned (omitting it would reset it), user changes on top', async () => {
		const scope = api()
			.get('/products/4')
			.reply(200, pageB([PRODUCT]))
			.post('/products/4', { pinned: true, name: 'VPS M', pricing: { monthly: { price: 9.99, setup: 0 } } })
			.reply(200, { ...PRODUCT, name: 'VPS M' });
		const { items } = await run({
			resource: 'product',
			operation: 'update',
			productId: pid,
			updateFields: { name: 'VPS M', pricing: '{"monthly": {"price": 9.99, "setup": 0}}' },
		});
		scope.done();
		expect(items).toEqual(paired([{ ...PRODUCT, name: 'VPS M' }]));
	});

	it('Get Config / Update Config: GET and PUT /products/{id}/config', async () => {
		const scope = api()
			.get('/products/4/config')
			.reply(200, { memory: 1024 })
			.put('/products/4/config', { memory: 2048 })
			.reply(200, { message: 'Saved', config: { memory: 2048 } })
			.get('/products/5/config')
			.reply(404, 'null', { 'Content-Type': 'application/json' });
		const got = await run({ resource: 'product', operation: 'getConfig', productId: pid });
		const put = await run({ resource: 'product', operation: 'updateConfig', productId: pid, config: '{"memory": 2048}' });
		const none = await run({ resource: 'product', operation: 'getConfig', productId: { mode: 'id', value: '5' } });
		scope.done();
		expect(got.items).toEqual(paired([{ memory: 1024 }]));
		expect(put.items).toEqual(paired([{ message: 'Saved', config: { memory: 2048 } }]));
		expect(none.error?.message).toBe("This product's type has no provisioning configuration");
	});
});

const GROUP = { id: 3, name: 'VPS', slug: 'vps', status: 'active', description: 'd', pinned: 1, parent_id: null, sort_order: 0, metadata: [{ key: 'use_image_as_background', value: '1' }] };

describe('ClientXCMS Product Group', () => {
	it('Get: scans GET /groups (the single route ignores the id) until the id appears', async () => {
		const scope = api()
			.get('/groups')
			.query({ sort: 'created_at', page: 1, per_page: 100 })
			.reply(200, pageB([{ id: 1 }, { id: 2 }], { next: true }))
			.get('/groups')
			.query({ sort: 'created_at', page: 2, per_page: 100 })
			.reply(200, pageB([GROUP, { id: 4 }], { page: 2, next: true }));
		const { items } = await run({ resource: 'group', operation: 'get', groupId: '3' });
		scope.done();
		expect(items).toEqual(paired([GROUP]));
	});

	it('Get: an id missing from every page is not found', async () => {
		const scope = api().get('/groups').query({ sort: 'created_at', page: 1, per_page: 100 }).reply(200, pageB([{ id: 1 }]));
		const { error } = await run({ resource: 'group', operation: 'get', groupId: '3' });
		scope.done();
		expect(error?.message).toBe('No product group with ID 3');
	});

	it('Create: parent 0 is sent as "none"; the background flag only when on', async () => {
		const body = { name: 'VPS', description: 'd', status: 'active', slug: 'vps', sort_order: 1, parent_id: 'none' };
		const scope = api().post('/groups', body).reply(201, GROUP);
		const { items } = await run({
			resource: 'group',
			operation: 'create',
			name: 'VPS',
			description: 'd',
			status: 'active',
			slug: 'vps',
			sort_order: 1,
			additionalFields: { parent_id: 0, use_image_as_background: false },
		});
		scope.done();
		expect(items).toEqual(paired([GROUP]));
	});

	it('Update: keeps slug, pinned, parent and background flag the user did not change', async () => {
		const scope = api()
			.get('/groups')
			.query({ sort: 'created_at', include: 'metadata', page: 1, per_page: 100 })
			.reply(200, pageB([GROUP]))
			.post('/groups/3', { slug: 'vps', pinned: true, parent_id: 'none', use_image_as_background: true, name: 'Cloud VPS' })
			.reply(200, { ...GROUP, name: 'Cloud VPS' });
		const { items } = await run({ resource: 'group', operation: 'update', groupId: '3', updateFields: { name: 'Cloud VPS' } });
		scope.done();
		expect(items).toEqual(paired([{ ...GROUP, name: 'Cloud VPS' }]));
	});

	it('Delete: a group with products is refused with the vendor error', async () => {
		const scope = api().delete('/groups/3').reply(400, { error: 'Group has products' });
		const { error } = await run({ resource: 'group', operation: 'delete', groupId: '3' });
		scope.done();
		expect(error?.message).toBe('Group has products');
	});
});

const PRICING = { id: 8, related_id: 4, related_type: 'product', currency: 'EUR', onetime: null, monthly: 5, quarterly: null, semiannually: null, annually: 50, biennially: null, triennially: null, setup_onetime: null, setup_monthly: 0, setup_quarterly: null, setup_semiannually: null, setup_annually: null, setup_biennially: null, setup_triennially: null };

describe('ClientXCMS Pricing', () => {
	it('Create: POST /pricings', async () => {
		const scope = api().post('/pricings', { related_id: 4, related_type: 'product', currency: 'EUR', monthly: 5 }).reply(201, PRICING);
		const { items } = await run({ resource: 'pricing', operation: 'create', related_id: 4, related_type: 'product', currency: 'EUR', additionalFields: { monthly: 5 } });
		scope.done();
		expect(items).toEqual(paired([PRICING]));
	});

	it('Update: reads the row and re-sends it with the change', async () => {
		const { id: _id, ...row } = PRICING;
		const scope = api().get('/pricings/8').reply(200, PRICING).post('/pricings/8', { ...row, monthly: 6 }).reply(200, { ...PRICING, monthly: 6 });
		const { items } = await run({ resource: 'pricing', operation: 'update', pricingId: '8', updateFields: { monthly: 6 } });
		scope.done();
		expect(items).toEqual(paired([{ ...PRICING, monthly: 6 }]));
	});
});

const COUPON = {
	id: 2, code: 'WELCOME', type: 'percent', applied_month: -1, free_setup: 0, first_order_only: 1, is_global: 0, max_uses: 0, max_uses_per_customer: 1,
	usages: 3, minimum_order_amount: '0.00', start_at: '2026-09-12T22:00:00.000000Z', end_at: null, customer_id: null, products_required: [9], products: [{ id: 4 }, { id: 5 }],
};

describe('ClientXCMS Coupon', () => {
	it('Create: checks group ids first, sends JSON booleans and instance-time dates', async () => {
		const body = {
			code: 'WELCOME', type: 'percent', applied_month: -1, free_setup: false, first_order_only: true, is_global: false, max_uses: 0,
			max_uses_per_customer: 1, usages: 0, minimum_order_amount: 0, start_at: '2026-09-13 00:00:00', groups: [3], products: [4, 5],
		};
		const scope = api()
			.get('/groups')
			.query({ sort: '-created_at', page: 1, per_page: 100 })
			.reply(200, pageB([{ id: 3 }]))
			.post('/coupons', body)
			.reply(201, COUPON);
		const { items } = await run({
			resource: 'coupon', operation: 'create', code: 'WELCOME', type: 'percent', applied_month: -1, free_setup: false, first_order_only: true,
			is_global: false, max_uses: 0, max_uses_per_customer: 1, usages: 0, minimum_order_amount: 0,
			additionalFields: { start_at: '2026-09-12T22:00:00Z', groups: '3', products: '4, 5' },
		});
		scope.done();
		expect(items).toEqual(paired([COUPON]));
	});

	it('Create: an unknown group id is refused before the coupon is sent', async () => {
		const scope = api().get('/groups').query({ sort: '-created_at', page: 1, per_page: 100 }).reply(200, pageB([{ id: 3 }]));
		const { error } = await run({
			resource: 'coupon', operation: 'create', code: 'X', type: 'fixed', applied_month: 0, free_setup: false, first_order_only: false,
			is_global: true, max_uses: 0, max_uses_per_customer: 0, usages: 0, minimum_order_amount: 0, additionalFields: { groups: '3,99' },
		});
		scope.done();
		expect(error?.message).toBe('Unknown product group ID(s): 99 (item 0)');
	});

	it('Update: re-sends every required field, the product lists and dates in instance time', async () => {
		const scope = api()
			.get('/coupons/2')
			.query({ include: 'products' })
			.reply(200, pageB([COUPON]))
			.post('/coupons/2', {
				code: 'WELCOME', type: 'percent', applied_month: -1, free_setup: false, first_order_only: true, is_global: false,
				max_uses_per_customer: 1, usages: 3, minimum_order_amount: 0, start_at: '2026-09-13 00:00:00', end_at: null, customer_id: null,
				products: [4, 5], required_products: [9], max_uses: 100,
			})
			.reply(200, { ...COUPON, max_uses: 100 });
		const { items } = await run({ resource: 'coupon', operation: 'update', couponId: '2', updateFields: { max_uses: 100 } });
		scope.done();
		expect(items).toEqual(paired([{ ...COUPON, max_uses: 100 }]));
	});
});

describe('ClientXCMS Subdomain Host', () => {
	it('Create: id lists parsed', async () => {
		const host = { id: 1, domain: '.example.com', products: [4], groups: null };
		const scope = api().post('/subdomains', { domain: '.example.com', products: [4] }).reply(201, host);
		const { items } = await run({ resource: 'subdomainHost', operation: 'create', domain: '.example.com', additionalFields: { products: '4' } });
		scope.done();
		expect(items).toEqual(paired([host]));
	});

	it('Update: keeps the product and group lists (omitted would clear them)', async () => {
		const host = { id: 1, domain: '.example.com', products: [4], groups: [2] };
		const scope = api()
			.get('/subdomains/1')
			.reply(200, pageB([host]))
			.post('/subdomains/1', { domain: '.example.org', products: [4], groups: [2] })
			.reply(200, { ...host, domain: '.example.org' });
		const { items } = await run({ resource: 'subdomainHost', operation: 'update', subdomainHostId: '1', updateFields: { domain: '.example.org' } });
		scope.done();
		expect(items).toEqual(paired([{ ...host, domain: '.example.org' }]));
	});

	it('Update: bad id list names the field and item', async () => {
		const { error } = await run({ resource: 'subdomainHost', operation: 'update', subdomainHostId: '1', updateFields: { products: '4, x' } });
		expect(error?.message).toBe('Product IDs must be a positive whole number, got "x" (item 0)');
	});
});
