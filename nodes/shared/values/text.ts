import { NodeOperationError } from 'n8n-workflow';

import type { InputPlace } from './keys';

/**
 * A text field as the user gave it: text (trimmed) or a number written as text. Empty is
 * `undefined`. An object, a list or a boolean, which an expression can give, is refused
 * naming the field and the item instead of reaching string methods.
 */
export function readText(value: unknown, place: InputPlace): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	const kind = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
	throw new NodeOperationError(place.node, `${place.field} on item ${place.itemIndex} must be text, got ${kind}`, {
		itemIndex: place.itemIndex,
		description: 'If an expression fills this field, make it give text, e.g. {{ $json.name }} rather than {{ $json }}.',
	});
}
