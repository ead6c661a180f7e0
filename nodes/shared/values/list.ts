/**
 * A multi-select or list parameter as n8n may hand it over: an array from the dropdown, text
 * from an expression ("a, b"), a single value, or nothing. Entries are trimmed text, empty ones
 * dropped, order kept; duplicates are the caller's business.
 */
export function toList(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	const raw: unknown[] = Array.isArray(value)
		? value.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
		: typeof value === 'string'
			? value.split(',')
			: [value];
	return raw
		.filter((v) => v !== undefined && v !== null)
		.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)).trim())
		.filter((v) => v !== '');
}
