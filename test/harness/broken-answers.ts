import type { ExecuteResult } from './harness';

export interface BrokenAnswer {
	name: string;
	status: number;
	body: string;
	headers: Record<string, string>;
	/** What the error's description says about it. */
	problem: RegExp;
}

const json = { 'content-type': 'application/json' };

/**
 * 2xx answers no API of the package ever sends for data: cut-off JSON, nothing, a web page, and
 * JSON of another shape (given per endpoint).
 */
export function brokenAnswers(options: { status?: number; wrongShape: unknown; skipEmpty?: boolean }): BrokenAnswer[] {
	const status = options.status ?? 200;
	const all: BrokenAnswer[] = [
		{ name: 'truncated JSON', status, body: '{"data":[{"id":1,"name":"trunc', headers: json, problem: /incomplete or malformed JSON/ },
		{ name: 'an empty body', status, body: '', headers: json, problem: /empty where this endpoint sends data/ },
		{
			name: 'an HTML page',
			status,
			body: '<!DOCTYPE html><html><head><title>Login</title></head><body>Please sign in</body></html>',
			headers: { 'content-type': 'text/html' },
			problem: /HTML page, not JSON/,
		},
		{
			name: 'a shape the endpoint never returns',
			status,
			body: JSON.stringify(options.wrongShape),
			headers: json,
			problem: /does not have the shape this endpoint sends/,
		},
	];
	return options.skipEmpty ? all.filter((a) => a.name !== 'an empty body') : all;
}

/**
 * The run failed with "Unexpected response from …", its status and the body's start, and no
 * item came out; for a write, the message says the change may have been applied.
 */
export function expectUnexpected(
	result: ExecuteResult,
	options: { api: string; method: string; path: string; answer: BrokenAnswer; write: boolean; hint?: string },
): void {
	const { error, items } = result;
	const { answer } = options;
	expect(items).toEqual([]);
	expect(error?.httpCode).toBe(String(answer.status));
	const head = `Unexpected response from ${options.api} to ${options.method} ${options.path} (HTTP ${answer.status})`;
	const tail = answer.body ? answer.body.slice(0, 80) : 'an empty body';
	expect(error?.message).toBe(`${head}${options.write ? ', the change may have been applied' : ''}: ${tail}${answer.body.length > 80 ? '…' : ''}`);
	expect(error?.description).toMatch(answer.problem);
	if (options.write) {
		expect(error?.description).toContain(`Nothing was retried. ${options.hint ?? ''}`);
	} else {
		expect(error?.description ?? '').not.toContain('Nothing was retried');
		expect(error?.message).not.toMatch(/not found|No \w+ with/i);
	}
}
