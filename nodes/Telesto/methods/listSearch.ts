import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { clock } from '../../shared';
import { productList } from '../transport/product-list';

const EDITOR_WINDOW_MS = 2 * 60 * 1000;

/**
 * Products for the "From List" picker. The list is reused for two minutes so that typing in the
 * search box does not spend the hourly request budget.
 */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const scope = `editor:${Math.floor(clock.now() / EDITOR_WINDOW_MS)}`;
	const products = await productList(this, { scope, itemIndex: 0 });
	const needle = (filter ?? '').trim().toLowerCase();
	const results = products
		.filter(
			(p) =>
				!needle ||
				String(p.name ?? '').toLowerCase().includes(needle) ||
				String(p.ean_upc ?? '').includes(needle) ||
				p.id.toLowerCase().includes(needle),
		)
		.map((p) => ({
			name: p.ean_upc ? `${p.name ?? p.id} (${p.ean_upc})` : String(p.name ?? p.id),
			value: p.id,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
