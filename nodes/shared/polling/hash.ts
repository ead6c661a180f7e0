import { createHash } from 'node:crypto';

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value as Record<string, unknown>)
				.sort()
				.map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
		);
	}
	return value;
}

/** Short, key-order-independent fingerprint of a record, so trigger state stays small. */
export function recordHash(value: unknown, length = 12): string {
	return createHash('sha256')
		.update(JSON.stringify(sortKeys(value)) ?? 'undefined')
		.digest('hex')
		.slice(0, length);
}

/** `recordHash` in base64url: 6 characters carry 36 bits, for state kept in one string. */
export function shortHash(value: unknown, length: number): string {
	return createHash('sha256')
		.update(typeof value === 'string' ? value : (JSON.stringify(sortKeys(value)) ?? 'undefined'))
		.digest('base64url')
		.slice(0, length);
}
