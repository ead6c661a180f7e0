import nock from 'nock';

import { BASE, productsScope, PRODUCTS, telestoHarness, telestoNode } from './helpers';

const get = (product: { mode: string; value: string }, extra = {}) =>
	telestoNode({ resource: 'product', operation: 'get', product: { __rl: true, ...product }, ...extra });

describe('Telesto Product → Get', () => {
	it('finds a product by ID from the list and cleans up its values', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const { items, error } = await h.execute({ node: get({ mode: 'id', value: 'p2' }) });
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: { ...PRODUCTS[1], ean_upc: null, stock_onhand: 3 }, pairedItem: { item: 0 } }]);
	});

	it('finds a product picked from the list', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const { items } = await h.execute({ node: get({ mode: 'list', value: 'p1' }) });
		scope.done();
		expect(items.map((i) => i.json.id)).toEqual(['p1']);
	});

	it('finds products by EAN/UPC, UPC-A matching EAN-13, one item per match', async () => {
		const h = telestoHarness();
		const dup = { ...PRODUCTS[0], id: 'p9', ean_upc: '012345678905' };
		const scope = productsScope([...PRODUCTS, dup]);
		const { items } = await h.execute({ node: get({ mode: 'eanUpc', value: '012345678905' }) });
		scope.done();
		// The exact match wins over the zero-padded one.
		expect(items.map((i) => i.json.id)).toEqual(['p9']);

		const h2 = telestoHarness();
		const scope2 = productsScope();
		const { items: items2 } = await h2.execute({ node: get({ mode: 'eanUpc', value: '12345678905' }) });
		scope2.done();
		expect(items2.map((i) => i.json.id)).toEqual(['p1']);
	});

	it('costs one request for 1000 input items, each paired with its own input', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const input = Array.from({ length: 1000 }, (_, n) => ({ id: PRODUCTS[n % 3].id }));
		const { items, error } = await h.execute({
			node: get({ mode: 'id', value: '={{ $json.id }}' }),
			input,
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toHaveLength(1000);
		expect(items[998].json.id).toBe(PRODUCTS[998 % 3].id);
		expect(items[998].pairedItem).toEqual({ item: 998 });
	});

	it('reports an unknown ID on the item that asked for it', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const { error } = await h.execute({ node: get({ mode: 'id', value: 'nope' }) });
		scope.done();
		expect(error?.message).toBe("No Telesto product with ID 'nope'");

		const h2 = telestoHarness();
		const scope2 = productsScope();
		const { items, error: error2 } = await h2.execute({
			node: get({ mode: 'id', value: '={{ $json.id }}' }),
			input: [{ id: 'p1' }, { id: 'missing' }, { id: 'p3' }],
		});
		scope2.done();
		expect(items).toHaveLength(0);
		expect(error2?.message).toBe("No Telesto product with ID 'missing'");
		expect(error2?.context?.itemIndex).toBe(1);
	});

	it('with Continue On Fail returns an error item for the missing product and keeps the others', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const { items, error } = await h.execute({
			node: { ...get({ mode: 'eanUpc', value: '={{ $json.code }}' }), continueOnFail: true },
			input: [{ code: '4006381333931' }, { code: '999' }],
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([
			{ json: expect.objectContaining({ id: 'p3' }), pairedItem: { item: 0 } },
			{
				json: {
					error: {
						message: "No Telesto product with EAN/UPC '999'",
						description: 'Check the barcode; leading zeros are ignored between UPC and EAN.',
					},
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('refuses an empty product value before sending anything, naming the item', async () => {
		const h = telestoHarness();
		const { error } = await h.execute({
			node: get({ mode: 'id', value: '={{ $json.id }}' }),
			input: [{ id: '' }],
		});
		expect(error?.message).toBe('Product is empty on item 0: enter a product ID');
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('reports a list that is not an array as an unexpected response', async () => {
		const h = telestoHarness();
		nock(BASE).get('/v2/products').reply(200, { message: 'maintenance' });
		const { error } = await h.execute({ node: get({ mode: 'id', value: 'p1' }) });
		expect(error?.message).toBe('Unexpected response from Telesto to GET /products (HTTP 200): {"message":"maintenance"}');
		expect(error?.description).toContain('Telesto returned an unexpected response for /products: {"message":"maintenance"}');
	});

	it('reads a list wrapped under "data"', async () => {
		const h = telestoHarness();
		const scope = productsScope({ data: PRODUCTS });
		const { items } = await h.execute({ node: get({ mode: 'id', value: 'p3' }) });
		scope.done();
		expect(items[0].json).toMatchObject({ id: 'p3', stock_onhand: 'n/a' });
	});
});
