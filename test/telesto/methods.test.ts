import type { INodeListSearchResult } from 'n8n-workflow';

import { productsScope, telestoHarness, telestoNode } from './helpers';

describe('Telesto product picker', () => {
	it('lists products by name with their barcode, filters, and reuses the list while the user types', async () => {
		const h = telestoHarness();
		const scope = productsScope();
		const node = telestoNode({ resource: 'product', operation: 'get' });
		const all = await h.loadOptions<INodeListSearchResult>({ node, kind: 'listSearch', method: 'searchProducts' });
		expect(all.results).toEqual([
			{ name: 'Blue Widget (0012345678905)', value: 'p1' },
			{ name: 'Green Widget (4006381333931)', value: 'p3' },
			{ name: 'Red Gadget', value: 'p2' },
		]);
		const filtered = await h.loadOptions<INodeListSearchResult>({
			node,
			kind: 'listSearch',
			method: 'searchProducts',
			filter: 'widget',
		});
		scope.done();
		expect(filtered.results.map((r) => r.value)).toEqual(['p1', 'p3']);
	});
});
