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

/** Keys from a multi-select or an expression (array or comma-separated text), trimmed, unique. */
export function normaliseKeys(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
	return [...new Set(list.map((k) => String(k).trim()).filter(Boolean))];
}
