import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import { backoffPolicy, clock, collect, request, requestRaw, retryAfterMs, type Paginator } from '../../nodes/shared';
import { scriptedContext, testProfile } from './fake-context';

describe('request()', () => {
	beforeEach(() => jest.spyOn(clock, 'sleep').mockResolvedValue(undefined));
	afterEach(() => jest.restoreAllMocks());

	it('joins base URL and path, drops undefined query values, and asks for the full response', async () => {
		const { ctx, sent } = scriptedContext([{ status: 200, body: { ok: 1 } }]);
		const body = await request(ctx, testProfile, { method: 'GET', path: '/things', query: { a: 1, b: undefined } });
		expect(body).toEqual({ ok: 1 });
		expect(sent[0]).toMatchObject({ method: 'GET', url: 'https://api.test/things', qs: { a: 1 }, returnFullResponse: true, timeout: 1000 });
	});

	it('validates the body with the schema and names the route when it does not fit', async () => {
		const { ctx } = scriptedContext([{ status: 200, body: { id: 'x' } }]);
		await expect(
			request(ctx, testProfile, { method: 'GET', path: '/one', schema: z.object({ id: z.number() }) }),
		).rejects.toThrow('Unexpected response from Test API to GET /one (HTTP 200): {"id":"x"}');
	});

	it('maps an error answer to a NodeApiError with the API message, hint and status', async () => {
		const { ctx } = scriptedContext([{ status: 404, body: { message: 'No such thing' } }]);
		const error = (await request(ctx, testProfile, { method: 'GET', path: '/x', itemIndex: 3 }).catch((e) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('No such thing');
		expect(error.description).toBe('Check the ID');
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(3);
	});

	it('reads the status and body of an n8n 1.x error, which has no response object', async () => {
		const { ctx } = scriptedContext([]);
		const legacy = Object.assign(new Error('404 - not found'), { httpCode: '404', context: { data: { message: 'No such thing' } } });
		(ctx.helpers.httpRequestWithAuthentication as unknown) = async () => {
			throw legacy;
		};
		const error = (await request(ctx, testProfile, { method: 'GET', path: '/x' }).catch((e) => e)) as NodeApiError;
		expect(error.message).toBe('No such thing');
		expect(error.description).toBe('Check the ID');
		expect(error.httpCode).toBe('404');
	});

	it('treats an error without any status as a network failure, retried for reads', async () => {
		const { ctx } = scriptedContext([]);
		let calls = 0;
		(ctx.helpers.httpRequestWithAuthentication as unknown) = async () => {
			calls++;
			throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', httpCode: 'ECONNREFUSED' });
		};
		const error = (await request(ctx, testProfile, { method: 'GET', path: '/x' }).catch((e) => e)) as NodeApiError;
		expect(error.message).toBe('Test API could not be reached (ECONNREFUSED)');
		expect(calls).toBe(3);
	});

	it('never sends a write again once it left without an answer, whatever the retry policy says', async () => {
		const { ctx } = scriptedContext([]);
		const calls: string[] = [];
		(ctx.helpers.httpRequestWithAuthentication as unknown) = async (_type: string, options: { method: string }) => {
			calls.push(options.method);
			throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		};
		const eager = { ...testProfile, retry: ({ attempt }: { attempt: number }) => (attempt < 3 ? 10 : undefined) };
		const post = (await request(ctx, eager, { method: 'POST', path: '/orders' }).catch((e) => e)) as NodeApiError;
		expect(calls).toEqual(['POST']);
		expect(post.message).toBe('Test API did not answer POST /orders (ECONNRESET), the change may have been applied');
		expect(post.description).toBe(
			'The request was sent, but the connection ended before an answer came back. Nothing was retried. Look the thing up before running again.',
		);
		calls.length = 0;
		const put = (await request(ctx, { ...eager, retry: ({ attempt }: { attempt: number }) => (attempt < 2 ? 10 : undefined) }, {
			method: 'PUT',
			path: '/orders/1',
			idempotent: true,
		}).catch((e) => e)) as NodeApiError;
		expect(calls).toEqual(['PUT', 'PUT']);
		expect(put.message).toBe('Test API did not answer PUT /orders/1 (ECONNRESET), the change may have been applied');
	});

	it('treats a gateway\'s 502/504 to a write as an unknown outcome, never sent again; a 503 and a read stay plain errors', async () => {
		const { ctx } = scriptedContext([]);
		const calls: string[] = [];
		let status = 504;
		(ctx.helpers.httpRequestWithAuthentication as unknown) = async (_type: string, options: { method: string }) => {
			calls.push(options.method);
			throw Object.assign(new Error(`Request failed with status code ${status}`), {
				httpCode: String(status),
				response: { status, headers: { 'content-type': 'text/html' }, data: '<html>Gateway Timeout</html>' },
			});
		};
		const eager = { ...testProfile, retry: ({ attempt }: { attempt: number }) => (attempt < 3 ? 10 : undefined) };
		const post = (await request(ctx, eager, { method: 'POST', path: '/orders' }).catch((e) => e)) as NodeApiError;
		expect(calls).toEqual(['POST']);
		expect(post.message).toBe('Test API answered POST /orders with HTTP 504, the change may have been applied');
		expect(post.description).toBe(
			'The answer came from a gateway in front of Test API, which may have received the request. Nothing was retried. Look the thing up before running again.',
		);
		status = 502;
		calls.length = 0;
		const del = (await request(ctx, eager, { method: 'DELETE', path: '/orders/1' }).catch((e) => e)) as NodeApiError;
		expect(calls).toEqual(['DELETE']);
		expect(del.message).toBe('Test API answered DELETE /orders/1 with HTTP 502, the change may have been applied');
		status = 503;
		calls.length = 0;
		const refused = (await request(ctx, eager, { method: 'POST', path: '/orders' }).catch((e) => e)) as NodeApiError;
		expect(refused.message).not.toMatch(/may have been applied/);
		status = 504;
		calls.length = 0;
		const read = (await request(ctx, eager, { method: 'GET', path: '/orders' }).catch((e) => e)) as NodeApiError;
		expect(calls).toEqual(['GET', 'GET', 'GET']);
		expect(read.message).not.toMatch(/may have been applied/);
	});

	it('reports a write refused at connection time as not reached: nothing was sent', async () => {
		const { ctx } = scriptedContext([]);
		(ctx.helpers.httpRequestWithAuthentication as unknown) = async () => {
			throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		};
		const error = (await request(ctx, testProfile, { method: 'POST', path: '/orders' }).catch((e) => e)) as NodeApiError;
		expect(error.message).toBe('Test API could not be reached (ECONNREFUSED)');
	});

	it('turns an error reported inside a 200 body into an error', async () => {
		const { ctx } = scriptedContext([{ status: 200, body: { error: true, message: 'Quota reached' } }]);
		await expect(request(ctx, testProfile, { method: 'POST', path: '/x' })).rejects.toThrow('Quota reached');
	});

	it('retries idempotent requests on listed statuses with exponential backoff', async () => {
		const { ctx, sent } = scriptedContext([{ status: 503 }, { status: 500 }, { status: 200, body: [] }]);
		await request(ctx, testProfile, { method: 'GET', path: '/x' });
		expect(sent).toHaveLength(3);
		expect(clock.sleep).toHaveBeenNthCalledWith(1, 100);
		expect(clock.sleep).toHaveBeenNthCalledWith(2, 200);
	});

	it('never retries a write after a server error', async () => {
		const { ctx, sent } = scriptedContext([{ status: 503, body: { message: 'busy' } }]);
		await expect(request(ctx, testProfile, { method: 'POST', path: '/x' })).rejects.toThrow('busy');
		expect(sent).toHaveLength(1);
	});

	it('retries a 429 after Retry-After when the profile says a 429 was not processed', async () => {
		const { ctx, sent } = scriptedContext([{ status: 429, headers: { 'Retry-After': '7' } }, { status: 201, body: { id: 1 } }]);
		const res = await requestRaw(ctx, testProfile, { method: 'POST', path: '/x' });
		expect(res).toEqual({ status: 201, headers: {}, body: { id: 1 } });
		expect(sent).toHaveLength(2);
		expect(clock.sleep).toHaveBeenCalledWith(7000);
	});

	it('treats an empty body as undefined, and keeps plain text only where the profile allows it', async () => {
		const { ctx } = scriptedContext([
			{ status: 204, body: '' },
			{ status: 200, body: 'plain' },
			{ status: 200, body: 'plain' },
		]);
		expect((await requestRaw(ctx, testProfile, { method: 'DELETE', path: '/x' })).body).toBeUndefined();
		expect(await request(ctx, { ...testProfile, textAnswers: true }, { method: 'GET', path: '/y' })).toBe('plain');
		await expect(request(ctx, testProfile, { method: 'GET', path: '/y' })).rejects.toThrow(
			'Unexpected response from Test API to GET /y (HTTP 200): plain',
		);
	});

	it('tells the gate how many requests were really sent', async () => {
		const after = jest.fn();
		const profile = { ...testProfile, gate: { before: jest.fn(async () => {}), after } };
		const { ctx } = scriptedContext([{ status: 401, body: { message: 'no' } }]);
		await expect(request(ctx, profile, { method: 'GET', path: '/x' })).rejects.toThrow('no');
		expect(profile.gate.before).toHaveBeenCalledTimes(1);
		expect(after.mock.calls[0][2]).toMatchObject({ status: 401, requestsSent: 2 });
	});
});

describe('retry policy', () => {
	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
		expect(retryAfterMs({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }, Date.parse('2015-10-21T07:28:00Z'))).toBe(10000);
		expect(retryAfterMs({})).toBeUndefined();
	});

	it('gives up past the retry count, on unlisted statuses, and on a too-long Retry-After', () => {
		const policy = backoffPolicy({ retries: 1, baseDelayMs: 10, maxDelayMs: 10, statuses: [500], on429: 'always', maxRetryAfterMs: 5000, jitter: 0 });
		const base = { headers: {}, idempotent: true, networkError: false };
		expect(policy({ ...base, attempt: 1, status: 500 })).toBe(10);
		expect(policy({ ...base, attempt: 2, status: 500 })).toBeUndefined();
		expect(policy({ ...base, attempt: 1, status: 400 })).toBeUndefined();
		expect(policy({ ...base, attempt: 1, networkError: true })).toBe(10);
		expect(policy({ ...base, attempt: 1, status: 429, headers: { 'retry-after': '60' } })).toBeUndefined();
		expect(backoffPolicy({ retries: 3, baseDelayMs: 1, maxDelayMs: 1, statuses: [], on429: 'never' })({ ...base, attempt: 1, status: 429 })).toBeUndefined();
	});
});

describe('collect()', () => {
	const pages: Paginator = {
		pageQuery: ({ page }) => ({ page: page + 1, per_page: 2 }),
		readPage: (body) => {
			const b = body as { data: Array<{ id: number }>; next: boolean };
			return { items: b.data, hasMore: b.next };
		},
	};

	it('walks pages until the API says there are no more', async () => {
		const { ctx, sent } = scriptedContext([
			{ status: 200, body: { data: [{ id: 1 }, { id: 2 }], next: true } },
			{ status: 200, body: { data: [{ id: 3 }], next: false } },
		]);
		const items = await collect(ctx, testProfile, { method: 'GET', path: '/l', query: { q: 'x' } }, { paginator: pages });
		expect(items).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
		expect(sent.map((s) => s.qs)).toEqual([
			{ q: 'x', page: 1, per_page: 2 },
			{ q: 'x', page: 2, per_page: 2 },
		]);
	});

	it('stops as soon as the limit is reached, requesting no further page', async () => {
		const { ctx, sent } = scriptedContext([{ status: 200, body: { data: [{ id: 1 }, { id: 2 }], next: true } }]);
		expect(await collect(ctx, testProfile, { method: 'GET', path: '/l' }, { paginator: pages, limit: 1 })).toEqual([{ id: 1 }]);
		expect(sent).toHaveLength(1);
	});

	it('stops at maxPages when an API keeps saying there is more', async () => {
		const replies = Array.from({ length: 3 }, () => ({ status: 200, body: { data: [{ id: 1 }], next: true } }));
		const { ctx, sent } = scriptedContext(replies);
		await collect(ctx, testProfile, { method: 'GET', path: '/l' }, { paginator: { ...pages, maxPages: 3 } });
		expect(sent).toHaveLength(3);
	});
});
