import { LoggerProxy } from 'n8n-workflow';
import type nock from 'nock';

import { clock } from '../../nodes/shared';

import type { ExecuteResult } from './harness';

/** Serialises anything (errors included, circular references cut) to search it for a secret. */
export function dump(value: unknown): string {
	const seen = new WeakSet();
	return JSON.stringify(value, (_k, v: unknown) => {
		if (v instanceof Error) {
			const out: Record<string, unknown> = { message: v.message, stack: v.stack };
			for (const k of Object.getOwnPropertyNames(v)) out[k] = (v as unknown as Record<string, unknown>)[k];
			return out;
		}
		if (v && typeof v === 'object') {
			if (seen.has(v)) return '[circular]';
			seen.add(v);
		}
		return v;
	});
}

/** Everything n8n logs from now on, as text. */
export function captureLogs(): string[] {
	const lines: string[] = [];
	const capture = (...args: unknown[]) => lines.push(dump(args));
	LoggerProxy.init({ error: capture, warn: capture, info: capture, debug: capture } as never);
	return lines;
}

/**
 * None of the secrets appears in the error (message, description, its API body), the output
 * items (Continue On Fail), the run data or the log lines.
 */
export function expectNoSecret(result: ExecuteResult, secrets: string[], logs: string[]): void {
	const everything = dump({ error: result.error, items: result.items, run: result.run.data, logs });
	for (const secret of secrets) expect(everything).not.toContain(secret);
}

export type Reply = (interceptor: nock.Interceptor) => nock.Scope;

/**
 * One test per scenario: the node runs against the scenario's answer without and with Continue
 * On Fail, fails, and no secret appears anywhere (`run` asserts its own scopes done).
 */
export function itKeepsSecretsOut(options: {
	secrets: string[];
	scenarios: Array<[string, Reply]>;
	run: (reply: Reply, continueOnFail: boolean) => Promise<ExecuteResult>;
}): void {
	let logs: string[];
	beforeEach(() => {
		logs = captureLogs();
		jest.spyOn(clock, 'sleep').mockResolvedValue();
	});
	afterEach(() => jest.restoreAllMocks());

	it.each(options.scenarios)('%s, with and without Continue On Fail', async (_name, reply) => {
		for (const continueOnFail of [false, true]) {
			const result = await options.run(reply, continueOnFail);
			expect(continueOnFail ? result.items[0].json.error : result.error?.message).toBeTruthy();
			expectNoSecret(result, options.secrets, logs);
		}
	});
}
