import { productsScope, PRODUCTS, telestoHarness, telestoNode } from './helpers';

describe('Telesto Product → Get Many', () => {
	it('sends one GET /products with the raw key and returns cleaned-up items, paired to the input', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const { items, error } = await h.execute({
			node: telestoNode({ resource: 'product', operation: 'getAll', returnAll: true }),
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([
			{ json: { ...PRODUCTS[0], stock_onhand: 50 }, pairedItem: { item: 0 } },
			{ json: { ...PRODUCTS[1], ean_upc: null, stock_onhand: 3 }, pairedItem: { item: 0 } },
			{ json: { ...PRODUCTS[2], stock_onhand: 'n/a' }, pairedItem: { item: 0 } },
		]);
	});

	it('applies filters and the limit client-side, in Telesto order', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const { items } = await h.execute({
			node: telestoNode({
				resource: 'product',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				filters: { nameContains: 'WIDGET' },
			}),
		});
		scope.done();
		expect(items.map((i) => i.json.id)).toEqual(['p1']);
	});

	it('filters on stock and creation date (workflow time zone), and keeps raw values when clean-up is off', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const { items } = await h.execute({
			node: telestoNode({
				resource: 'product',
				operation: 'getAll',
				returnAll: true,
				filters: { stockAtOrBelow: 10, createdAfter: '2024-01-20T00:00:00' },
				options: { cleanUp: false },
			}),
		});
		scope.done();
		expect(items).toEqual([{ json: PRODUCTS[1], pairedItem: { item: 0 } }]);
	});

	it('matches EAN/UPC filters across UPC-A and EAN-13 forms', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const { items } = await h.execute({
			node: telestoNode({ resource: 'product', operation: 'getAll', returnAll: true, filters: { eanUpc: ' 012345678905 ' } }),
		});
		scope.done();
		expect(items.map((i) => i.json.id)).toEqual(['p1']);
	});

	it('sends a single request for every item and every node of one execution', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const { items } = await h.execute({
			node: telestoNode({ resource: 'product', operation: 'getAll', returnAll: false, limit: 1 }),
			input: [{ a: 1 }, { a: 2 }, { a: 3 }],
		});
		scope.done();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
