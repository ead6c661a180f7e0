import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<true>();

/**
 * Runs a trigger poll's requests without the transport's retries: after a failure the engine's
 * backoff decides when to try again, so a failing API costs one request per attempt.
 */
export async function singleAttempt<T>(fn: () => Promise<T>): Promise<T> {
	return await scope.run(true, fn);
}

/** Whether the current request belongs to a trigger poll (no retries). */
export function inSingleAttempt(): boolean {
	return scope.getStore() === true;
}
