import { NodeOperationError } from 'n8n-workflow';

import type { InputPlace } from './keys';

const MAX_DECODE_ROUNDS = 5;

/** The value and every form percent-decoding gives it ("%252e" → "%2e" → "."). */
function decodedForms(value: string): string[] {
	const forms = [value];
	let current = value;
	for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			break;
		}
		if (next === current) break;
		forms.push(next);
		current = next;
	}
	return forms;
}

function isDots(part: string): boolean {
	const trimmed = part.trim();
	return trimmed === '.' || trimmed === '..';
}

/** Whether any decoded form of `value`, cut at "/" and "\\", has a "." or ".." part. */
function hasDotPart(value: string): boolean {
	return decodedForms(value).some((form) => form.split(/[/\\]/).some(isDots));
}

export interface SegmentRules {
	/**
	 * Keys that may hold "/" (OnlineERP record keys such as "A/B 10", sent percent-encoded):
	 * allowed as long as no part between the slashes is "." or "..".
	 */
	allowSlash?: boolean;
}

/**
 * Why `value` cannot be one segment of a URL path, or undefined: empty, `.` or `..` (which
 * move to another route), `/` or `\\`, also once percent-decoded, in any case, however often.
 */
export function segmentProblem(value: string, rules: SegmentRules = {}): string | undefined {
	if (value.trim() === '') return 'is empty';
	const forms = decodedForms(value);
	if (isDots(value)) return 'is a relative path ("." or "..")';
	if (forms.some(isDots)) return `means "${forms.find(isDots)?.trim()}" once decoded, a relative path`;
	if (rules.allowSlash) return hasDotPart(value) ? 'holds a "." or ".." part between slashes' : undefined;
	if (forms.some((f) => f.includes('/'))) return 'contains "/"';
	if (forms.some((f) => f.includes('\\'))) return 'contains "\\"';
	return undefined;
}

function shown(value: string): string {
	return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/**
 * User text checked to be one URL path segment and returned trimmed (not encoded). Refused
 * with a NodeOperationError naming the field and the item, before anything is sent.
 */
export function checkPathSegment(value: unknown, place: InputPlace & SegmentRules & { hint?: string }): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
	const problem =
		text === undefined
			? value === undefined || value === null
				? 'is empty'
				: `must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`
			: segmentProblem(text, place);
	if (problem) {
		const message =
			text === undefined || problem === 'is empty'
				? `${place.field} ${problem} on item ${place.itemIndex}`
				: `${place.field} '${shown(text)}' on item ${place.itemIndex} ${problem}`;
		throw new NodeOperationError(place.node, message, {
			itemIndex: place.itemIndex,
			description: place.hint ?? `${place.field} goes into the request's URL: enter the value alone, without "/", "\\" or dots only.`,
		});
	}
	return text as string;
}

/**
 * Whether a path holds an empty segment (a trailing "/" aside) or a segment that is, or once
 * decoded holds between slashes, "." or "..": the transport's last check before sending.
 */
export function hasUnsafeSegment(path: string): boolean {
	const segments = path.split('/').slice(1);
	return segments.some((segment, i) => (segment === '' ? i < segments.length - 1 : hasDotPart(segment)));
}
