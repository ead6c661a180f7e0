import type { RetryDecisionInput, RetryPolicy } from './types';

export interface BackoffOptions {
	/** Retries after the first attempt. */
	retries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Statuses worth another try for idempotent requests (network errors always are). */
	statuses: number[];
	/**
	 * How a 429 is treated: `never` (the API punishes retries), or `always` when the API states
	 * a 429 request was not processed, which makes repeating it safe for any method.
	 */
	on429: 'never' | 'always';
	/** Upper bound for a server's Retry-After before giving up instead of waiting. */
	maxRetryAfterMs?: number;
	/** 0..1 share of the delay randomised, so parallel workflows do not retry in lockstep. */
	jitter?: number;
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
	const value = headers['retry-after'];
	if (!value) return undefined;
	const seconds = Number(value);
	if (!Number.isNaN(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff for idempotent requests only: a create or other write is never sent twice
 * because of a failure we cannot see through.
 */
export function backoffPolicy(options: BackoffOptions): RetryPolicy {
	const jitter = options.jitter ?? 0.2;
	return ({ attempt, status, headers, idempotent, networkError }: RetryDecisionInput) => {
		if (attempt > options.retries) return undefined;
		if (status === 429) {
			if (options.on429 === 'never') return undefined;
			const wait = retryAfterMs(headers) ?? options.baseDelayMs * 2 ** (attempt - 1);
			if (options.maxRetryAfterMs !== undefined && wait > options.maxRetryAfterMs) return undefined;
			return wait;
		}
		if (!idempotent) return undefined;
		if (!networkError && (status === undefined || !options.statuses.includes(status))) return undefined;
		const exp = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
		return Math.round(exp * (1 - jitter + Math.random() * jitter));
	};
}

export const noRetry: RetryPolicy = () => undefined;
