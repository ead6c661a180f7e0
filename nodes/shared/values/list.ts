import { NodeOperationError, type INode } from 'n8n-workflow';

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

/**
 * An id list (array, comma-separated text or a single value, via `toList`) whose every entry
 * matches `pattern`; a non-id is refused naming the field, the item and the entry.
 */
export function readIdList(
	value: unknown,
	place: { node: INode; field: string; itemIndex: number; pattern: RegExp; hint?: string },
): string[] {
	const list = toList(value);
	const bad = list.find((v) => !place.pattern.test(v));
	if (bad !== undefined) {
		throw new NodeOperationError(
			place.node,
			`${place.field} on item ${place.itemIndex} holds "${bad.slice(0, 60)}", which is not an ID`,
			{ itemIndex: place.itemIndex, description: place.hint ?? 'Give IDs as a list or as comma-separated text, e.g. 1, 2, 3.' },
		);
	}
	return list;
}
