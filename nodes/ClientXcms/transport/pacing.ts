import { createHash } from 'node:crypto';

import { clock, type RequestGate } from '../../shared';

const WINDOW_MS = 60_000;
/** ClientXCMS allows 60 per minute per admin account; stay a little under it. */
export const REQUESTS_PER_MINUTE = 55;

interface Window {
	sent: number[];
	/** Set when the server said no request is left (X-RateLimit-Remaining: 0). */
	pausedUntil?: number;
}

/** Per instance and key, for this whole n8n process (every workflow using the key shares it). */
const windows = new Map<string, Window>();

function keyOf(baseUrl: string, apiKey: unknown): string {
	return `${baseUrl}|${createHash('sha256').update(String(apiKey ?? '')).digest('hex').slice(0, 16)}`;
}

function windowFor(key: string): Window {
	let w = windows.get(key);
	if (!w) {
		w = { sent: [] };
		windows.set(key, w);
	}
	const horizon = clock.now() - WINDOW_MS;
	while (w.sent.length && w.sent[0] <= horizon) w.sent.shift();
	return w;
}

/**
 * Paces requests so that no 60-second window holds more than REQUESTS_PER_MINUTE of them:
 * a request that would exceed it waits (clock.sleep) until the oldest one leaves the window.
 */
export const pacingGate: RequestGate = {
	async before(_ctx, info) {
		const key = keyOf(info.baseUrl, info.credentials.apiKey);
		for (;;) {
			const w = windowFor(key);
			const now = clock.now();
			let wait = 0;
			if (w.pausedUntil !== undefined && w.pausedUntil > now) wait = w.pausedUntil - now;
			else if (w.sent.length >= REQUESTS_PER_MINUTE) wait = w.sent[0] + WINDOW_MS - now;
			if (wait <= 0) {
				w.sent.push(now);
				return;
			}
			await clock.sleep(wait);
		}
	},
	after(_ctx, info, outcome) {
		const w = windowFor(keyOf(info.baseUrl, info.credentials.apiKey));
		// n8n repeats a request after a 401; count what really left.
		if (outcome.requestsSent === 0) w.sent.pop();
		for (let i = 1; i < outcome.requestsSent; i++) w.sent.push(clock.now());
		const remaining = Number(outcome.headers['x-ratelimit-remaining']);
		if (outcome.headers['x-ratelimit-remaining'] !== undefined && remaining <= 0) {
			const reset = Number(outcome.headers['x-ratelimit-reset']);
			const latest = clock.now() + WINDOW_MS;
			w.pausedUntil = Number.isFinite(reset) && reset > 0 ? Math.min(reset * 1000, latest) : latest;
		}
	},
};

/** Requests counted in the current window (tests). */
export function sentInWindow(baseUrl: string, apiKey: string): number {
	return windowFor(keyOf(baseUrl, apiKey)).sent.length;
}

/** Forgets every window (tests, sandbox reset). */
export function resetPacing(): void {
	windows.clear();
}
