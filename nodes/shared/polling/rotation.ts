/**
 * The next `count` keys after `cursor` in sorted order, wrapping around: every key is checked
 * once per ceil(keys / count) polls, however the list changes between polls.
 */
export function nextInTurn(keys: string[], cursor: string, count: number): { picked: string[]; cursor: string } {
	const sorted = [...new Set(keys)].sort();
	if (!sorted.length || count <= 0) return { picked: [], cursor };
	const start = sorted.findIndex((k) => k > cursor);
	const from = start === -1 ? 0 : start;
	const picked: string[] = [];
	for (let j = 0; j < Math.min(count, sorted.length); j++) picked.push(sorted[(from + j) % sorted.length]);
	return { picked, cursor: picked[picked.length - 1] };
}

export interface KeyedReads<T> {
	read: Map<string, T>;
	/** Key → error message of the keys whose own request failed. */
	failed: Record<string, string>;
}

/**
 * Reads each key in turn (one at a time: the APIs publish no rate limit). A key whose request
 * fails is set aside so the others go on; when every key failed, the API itself is failing and
 * the first error is thrown (the poll fails and backs off).
 */
export async function readEach<T>(keys: string[], read: (key: string) => Promise<T>): Promise<KeyedReads<T>> {
	const out: KeyedReads<T> = { read: new Map(), failed: {} };
	let first: unknown;
	for (const key of keys) {
		try {
			out.read.set(key, await read(key));
		} catch (error) {
			first ??= error;
			out.failed[key] = error instanceof Error ? error.message : String(error);
		}
	}
	// Already the transport's NodeApiError (or NodeOperationError): rethrown as it is.
	if (keys.length && !out.read.size) throw first;
	return out;
}
