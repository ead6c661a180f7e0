import { NodeOperationError } from 'n8n-workflow';

import type { InputPlace } from './keys';

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function shown(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * A number field as the user gave it: a finite number, or text holding one written with a dot
 * ("12.50", "-3", "1e3"). Empty (undefined, null, "") is `undefined`: the field is not sent.
 * Anything else, "12,50" included, is refused naming the field, the item and the value; never
 * `NaN`, which JSON sends as `null`.
 */
export function readNumber(value: unknown, place: InputPlace): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return undefined;
		if (PLAIN_NUMBER.test(text) && Number.isFinite(Number(text))) return Number(text);
	}
	const comma = typeof value === 'string' && /^[+-]?\d+,\d+$/.test(value.trim());
	throw new NodeOperationError(place.node, `${place.field} on item ${place.itemIndex} is not a number: ${shown(value)}`, {
		itemIndex: place.itemIndex,
		description: comma
			? `Write decimals with a dot: ${value.trim().replace(',', '.')} instead of ${value.trim()}.`
			: 'Enter digits, with a dot for decimals (e.g. 12.50).',
	});
}
