import { createHash } from 'node:crypto';

import { clock, coordination, retryAfterMs, type RequestGate } from '../../shared';

const WINDOW_MS = 60_000;
/** ClientXCMS allows 60 per minute per admin account; stay a little under it. */
export const REQUESTS_PER_MINUTE = 55;

/**
 * Per instance and key, shared by every workflow using the key: in this process (regular mode),
 * or by every process of a queue-mode installation through n8n's Redis. The key is hashed.
 */
export function keyOf(baseUrl: string, apiKey: unknown): string {
	return `clientXcms:${createHash('sha256').update(`${baseUrl}|${String(apiKey ?? '')}`).digest('hex').slice(0, 24)}`;
}

/** The pacing reservation of each request in flight, from `before` to `after`. */
const tickets = new WeakMap<object, string>();

/**
 * Paces requests so that no 60-second window holds more than REQUESTS_PER_MINUTE of them:
 * a request that would exceed it waits (clock.sleep) until the oldest one leaves the window, and
 * every request waits while the server said none is left (429, X-RateLimit-Remaining: 0).
 */
export const pacingGate: RequestGate = {
	async before(_ctx, info) {
		const key = keyOf(info.baseUrl, info.credentials.apiKey);
		const processes = Number(info.credentials.processesSharingKey ?? 1) || 1;
		for (;;) {
			const pause = await coordination.blocked(`${key}:pause`);
			let wait = pause ? pause.until - clock.now() : 0;
			if (wait <= 0) {
				const result = await coordination.reserve({ key, limit: REQUESTS_PER_MINUTE, windowMs: WINDOW_MS, processes });
				if (result.ok) {
					tickets.set(info, result.ticket);
					return;
				}
				wait = result.retryAt - clock.now();
			}
			await clock.sleep(Math.max(wait, 1));
		}
	},
	async after(_ctx, info, outcome) {
		const key = keyOf(info.baseUrl, info.credentials.apiKey);
		const ticket = tickets.get(info);
		tickets.delete(info);
		// n8n repeats a request after a 401; count what really left.
		if (ticket !== undefined) {
			await coordination.settle({ key, ticket, sent: outcome.requestsSent, windowMs: WINDOW_MS });
		}
		const remaining = outcome.headers['x-ratelimit-remaining'];
		const latest = clock.now() + WINDOW_MS;
		let until: number | undefined;
		if (outcome.status === 429) until = Math.min(clock.now() + (retryAfterMs(outcome.headers) ?? WINDOW_MS), latest);
		else if (remaining !== undefined && Number(remaining) <= 0) {
			const reset = Number(outcome.headers['x-ratelimit-reset']);
			until = Number.isFinite(reset) && reset > 0 ? Math.min(reset * 1000, latest) : latest;
		}
		if (until !== undefined) await coordination.block(`${key}:pause`, { until, reason: 'ClientXCMS said no request is left' });
	},
};

/** Requests counted in the current window (tests). */
export async function sentInWindow(baseUrl: string, apiKey: string): Promise<number> {
	return await coordination.used(keyOf(baseUrl, apiKey), WINDOW_MS);
}

/** Forgets this process's windows and pauses (tests, sandbox reset). */
export function resetPacing(): void {
	coordination.resetMemory('clientXcms:');
}
