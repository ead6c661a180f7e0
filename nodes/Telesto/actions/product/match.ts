import type { Product } from '../../schemas/product';

function digitsOnly(value: string): boolean {
	return /^\d+$/.test(value);
}

/**
 * EAN/UPC match: trimmed exact match first; otherwise, for all-digit codes, equal once leading
 * zeros are dropped (a 12-digit UPC-A is the 13-digit EAN with a leading 0, and scanners give
 * either).
 */
export function matchEanUpc(products: Product[], code: string): Product[] {
	const wanted = code.trim();
	if (!wanted) return [];
	const exact = products.filter((p) => String(p.ean_upc ?? '').trim() === wanted);
	if (exact.length || !digitsOnly(wanted)) return exact;
	const stripped = wanted.replace(/^0+/, '');
	return products.filter((p) => {
		const own = String(p.ean_upc ?? '').trim();
		return digitsOnly(own) && own.replace(/^0+/, '') === stripped;
	});
}
