import { createHash } from 'node:crypto';

import { clock } from '../clock';

interface Entry {
	at: number;
	ttlMs: number;
	value: Promise<unknown>;
}

const MAX_ENTRIES = 2000;
const entries = new Map<string, Entry>();

function prune(): void {
	const now = clock.now();
	for (const [k, e] of entries) if (now - e.at > e.ttlMs) entries.delete(k);
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}

/** A short, non-reversible name for an account, so secrets and logins are not kept as cache keys. */
export function accountKey(...parts: unknown[]): string {
	return createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\u0000')).digest('hex').slice(0, 16);
}

/**
 * Reads shared by editor lists and executions of one account (`key` names both), kept `ttlMs`.
 * Concurrent callers share one request; a failed read is dropped so the next caller asks again.
 */
export async function cachedRead<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
	prune();
	const hit = entries.get(key);
	if (hit) return (await hit.value) as T;
	const value = load();
	entries.set(key, { at: clock.now(), ttlMs, value });
	value.catch(() => entries.delete(key));
	return await value;
}

export function clearCachedReads(): void {
	entries.clear();
}
