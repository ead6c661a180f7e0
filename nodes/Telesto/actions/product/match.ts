import type { Product } from '../../schemas/product';

function digitsOnly(value: string): boolean {
	return /^\d+$/.test(value);
}

interface ProductIndex {
	byId: Map<string, Product[]>;
	byCode: Map<string, Product[]>;
	/** All-digit codes without their leading zeros. */
	byStrippedCode: Map<string, Product[]>;
}

/**
 * Indexes built once per fetched list: every item of an execution looks its product up in the
 * same list, and a scan per item made large runs quadratic.
 */
const indexes = new WeakMap<Product[], ProductIndex>();

function add(map: Map<string, Product[]>, key: string, product: Product): void {
	const list = map.get(key);
	if (list) list.push(product);
	else map.set(key, [product]);
}

function indexOf(products: Product[]): ProductIndex {
	let index = indexes.get(products);
	if (index) return index;
	index = { byId: new Map(), byCode: new Map(), byStrippedCode: new Map() };
	for (const p of products) {
		add(index.byId, String(p.id), p);
		const own = String(p.ean_upc ?? '').trim();
		add(index.byCode, own, p);
		if (digitsOnly(own)) add(index.byStrippedCode, own.replace(/^0+/, ''), p);
	}
	indexes.set(products, index);
	return index;
}

/** Products whose ID is exactly `id` (case-sensitive), in list order. */
export function matchId(products: Product[], id: string): Product[] {
	return indexOf(products).byId.get(id) ?? [];
}

/**
 * EAN/UPC match: trimmed exact match first; otherwise, for all-digit codes, equal once leading
 * zeros are dropped (a 12-digit UPC-A is the 13-digit EAN with a leading 0, and scanners give
 * either).
 */
export function matchEanUpc(products: Product[], code: string): Product[] {
	const wanted = code.trim();
	if (!wanted) return [];
	const index = indexOf(products);
	const exact = index.byCode.get(wanted) ?? [];
	if (exact.length || !digitsOnly(wanted)) return exact;
	return index.byStrippedCode.get(wanted.replace(/^0+/, '')) ?? [];
}
