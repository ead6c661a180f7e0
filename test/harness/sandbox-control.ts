import type { StartedSimulator } from '../sandbox/types';

/** Calls a simulator's `/__sandbox` control route (outside nock: undici's fetch). */
export async function control(sim: StartedSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
	const res = await fetch(`${sim.url}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (res.status >= 400) throw new Error(`${method} ${path} answered ${res.status}`);
	const text = await res.text();
	return text ? (JSON.parse(text) as unknown) : undefined;
}
