import { NodeOperationError } from 'n8n-workflow';

import type { InputPlace } from './keys';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function validParts(y: string, m: string, d: string, h = '0', min = '0', s = '0'): boolean {
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
	return (
		date.getUTCFullYear() === Number(y) &&
		date.getUTCMonth() === Number(m) - 1 &&
		date.getUTCDate() === Number(d) &&
		Number(h) < 24 &&
		Number(min) < 60 &&
		Number(s) < 60
	);
}

/**
 * A date field as text: `YYYY-MM-DD`, or a date and time (`T` or space, optional seconds and
 * zone), as n8n's pickers and ISO strings give them; a Date or Luxon DateTime is read through
 * its ISO text. Empty is `undefined`; anything else is refused naming the field, item and value.
 */
export function readDateText(value: unknown, place: InputPlace): string | undefined {
	if (value === undefined || value === null) return undefined;
	let text: string | undefined;
	if (typeof value === 'string') text = value.trim();
	else if (value instanceof Date && !Number.isNaN(value.getTime())) text = value.toISOString();
	else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = String((value as { toISO: () => string }).toISO());
	}
	if (text === '') return undefined;
	const d = text === undefined ? null : DATE_ONLY.exec(text);
	const t = text === undefined ? null : DATE_TIME.exec(text);
	if (text !== undefined && ((d && validParts(d[1], d[2], d[3])) || (t && validParts(t[1], t[2], t[3], t[4], t[5], t[7])))) {
		return text;
	}
	const shown = typeof value === 'string' ? value.slice(0, 60) : JSON.stringify(value)?.slice(0, 60) ?? String(value);
	throw new NodeOperationError(place.node, `${place.field} on item ${place.itemIndex} is not a date: ${shown}`, {
		itemIndex: place.itemIndex,
		description: 'Use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (e.g. 2024-01-31 or 2024-01-31T14:30:00Z), or pick the date.',
	});
}
