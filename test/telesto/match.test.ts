import { matchEanUpc, matchId } from '../../nodes/Telesto/actions/product/match';
import type { Product } from '../../nodes/Telesto/schemas/product';

/** Products whose `id` and `ean_upc` count how often they are read. */
function counted(n: number): { products: Product[]; reads: () => number } {
	let reads = 0;
	const products = Array.from({ length: n }, (_, i) => {
		const p = {} as Product;
		Object.defineProperty(p, 'id', { enumerable: true, get: () => (reads++, `p${i}`) });
		Object.defineProperty(p, 'ean_upc', { enumerable: true, get: () => (reads++, String(400 + i).padStart(13, '0')) });
		return p;
	});
	return { products, reads: () => reads };
}

describe('Telesto product matching', () => {
	it('reads each product once per list, not once per item looked up', () => {
		const { products, reads } = counted(2000);
		for (let i = 0; i < 2000; i++) expect(matchId(products, `p${i}`)).toEqual([products[i]]);
		for (let i = 0; i < 2000; i++) expect(matchEanUpc(products, String(400 + i))).toEqual([products[i]]);
		// A scan per item reads 2000 × 2000 × 2 values; an index reads each product once.
		expect(reads()).toBeLessThanOrEqual(2000 * 3);
	});

	it('keeps exact matches first and compares all-digit codes without leading zeros', () => {
		const products = [
			{ id: 'a', ean_upc: '0012345678905' },
			{ id: 'b', ean_upc: ' 012345678905 ' },
			{ id: 'c', ean_upc: 'X-1' },
		] as Product[];
		expect(matchEanUpc(products, '012345678905').map((p) => p.id)).toEqual(['b']);
		expect(matchEanUpc(products, '12345678905').map((p) => p.id)).toEqual(['a', 'b']);
		expect(matchEanUpc(products, 'X-1').map((p) => p.id)).toEqual(['c']);
		expect(matchEanUpc(products, '  ')).toEqual([]);
		expect(matchId(products, 'A')).toEqual([]);
	});
});
