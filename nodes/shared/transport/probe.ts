import type { ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

export interface ProbeSpec {
	url: string;
	qs?: IDataObject;
	headers?: Record<string, string>;
	auth?: { user: string; pass: string };
	timeoutMs?: number;
}

export type ProbeAnswer =
	| { kind: 'response'; status: number; body: unknown; headers: Record<string, string> }
	| { kind: 'network'; code?: string; message: string };

/**
 * One GET for a credential test, answered whatever its status, so the test function can say
 * what to fix. n8n gives test functions only its legacy `request` helper; unlike
 * `httpRequestWithAuthentication` it never repeats a request after a 401.
 */
export async function probe(ctx: ICredentialTestFunctions, spec: ProbeSpec): Promise<ProbeAnswer> {
	try {
		const answer = (await ctx.helpers.request({
			method: 'GET',
			uri: spec.url,
			qs: spec.qs,
			headers: spec.headers ?? {},
			auth: spec.auth,
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: spec.timeoutMs ?? 30_000,
		})) as { statusCode?: unknown; body?: unknown; headers?: Record<string, string> };
		return { kind: 'response', status: Number(answer.statusCode), body: parsed(answer.body), headers: answer.headers ?? {} };
	} catch (error) {
		// n8n 1.x throws for some statuses even with `simple: false`.
		const failure = error as { code?: unknown; message?: unknown; statusCode?: unknown; response?: { status?: unknown; data?: unknown; body?: unknown; headers?: Record<string, string> }; error?: unknown };
		const status = Number(failure.statusCode ?? failure.response?.status);
		if (Number.isInteger(status) && status > 0) {
			return { kind: 'response', status, body: parsed(failure.error ?? failure.response?.data ?? failure.response?.body), headers: failure.response?.headers ?? {} };
		}
		const code = typeof failure.code === 'string' ? failure.code : undefined;
		return { kind: 'network', code, message: typeof failure.message === 'string' ? failure.message : String(error) };
	}
}

function parsed(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

/** What a user can do about a request that got no answer, in words, naming the host. */
export function networkProblem(answer: { code?: string; message: string }, host: string, timeoutMs = 30_000): string {
	const code = answer.code ?? '';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The address ${host} does not exist (no DNS name resolves)`;
	if (code === 'ECONNREFUSED') return `Nothing answers at ${host} (connection refused)`;
	if (code === 'ETIMEDOUT' || code === 'ECONNABORTED' || /timeout/i.test(answer.message)) {
		return `${host} did not answer within ${Math.round(timeoutMs / 1000)} seconds`;
	}
	if (/CERT|SSL|self.signed/i.test(`${code} ${answer.message}`)) return `The HTTPS certificate of ${host} is not trusted (${code || answer.message})`;
	return `${host} could not be reached (${code || answer.message})`;
}

export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/** The API's own message from a JSON error body (`message`, `Message`, `error.description`…). */
export function bodyMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 200) : undefined;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const b = body as IDataObject;
	const nested = b.error && typeof b.error === 'object' ? (b.error as IDataObject) : undefined;
	for (const v of [b.message, b.Message, nested?.description, nested?.message, b.error]) {
		if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
	}
	return undefined;
}

/** Whether a 2xx body looks like an HTML page (a login page, a proxy's notice) rather than the API. */
export function isHtml(body: unknown): boolean {
	return typeof body === 'string' && /^\s*<(!doctype|html|head|body)/i.test(body);
}

export const testFailed = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

export const testPassed = (message = 'Connection tested successfully'): INodeCredentialTestResult => ({ status: 'OK', message });
