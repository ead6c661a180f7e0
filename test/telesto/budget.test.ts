import nock from 'nock';

import { clock } from '../../nodes/shared';
import { usedInLastHour } from '../../nodes/Telesto/transport/budget';
import { API_KEY, BASE, PRODUCTS, telestoHarness, telestoNode } from './helpers';

const freshList = (input: number) => ({
	node: telestoNode({ resource: 'product', operation: 'getAll', returnAll: true, options: { forceFresh: true } }),
	input: Array.from({ length: input }, (_, n) => ({ n })),
});

const getAll = () => ({ node: telestoNode({ resource: 'product', operation: 'getAll', returnAll: true }) });

describe('Telesto request budget and rate limit', () => {
	let now: number;
	beforeEach(() => {
		now = Date.parse('2024-01-15T13:22:00Z');
		jest.spyOn(clock, 'now').mockImplementation(() => now);
		jest.spyOn(clock, 'sleep').mockResolvedValue(undefined);
	});
	afterEach(() => jest.restoreAllMocks());

	it('refuses the 101st request of an hour without sending it, then frees up as the hour slides', async () => {
		const h = telestoHarness();
		const scope = nock(BASE, { reqheaders: { authorization: API_KEY } }).get('/v2/products').times(100).reply(200, PRODUCTS);
		const { error, items } = await h.execute({ ...freshList(101), timezone: 'Europe/Brussels' });
		scope.done();
		expect(items).toEqual([]);
		expect(error?.message).toBe('Telesto request budget used up: 100 requests in the last hour');
		expect(error?.description).toContain('The next one can go at about 15:22 (Europe/Brussels) — 2024-01-15T14:22:00Z');
		expect(error?.context?.itemIndex).toBe(100);
		expect(await usedInLastHour(`${BASE}/v2`)).toBe(100);

		now += 60 * 60 * 1000 + 1;
		const again = nock(BASE).get('/v2/products').reply(200, PRODUCTS);
		const second = await h.execute(getAll());
		again.done();
		expect(second.error).toBeUndefined();
	});

	it('honours a lower Requests per Hour from the credential', async () => {
		const h = telestoHarness().setCredentials('telestoApi', { apiKey: API_KEY, baseUrl: `${BASE}/v2`, requestsPerHour: 2 });
		const scope = nock(BASE).get('/v2/products').times(2).reply(200, PRODUCTS);
		const { error } = await h.execute(freshList(3));
		scope.done();
		expect(error?.message).toBe('Telesto request budget used up: 2 requests in the last hour');
	});

	it('never retries a 429, says until when the IP is blocked, and sends nothing until then', async () => {
		const h = telestoHarness();
		const scope = nock(BASE)
			.get('/v2/products')
			.reply(429, { statusCode: 429, error: { type: 'TOO_MANY_REQUESTS', description: 'Rate limit exceeded' } });
		const first = await h.execute({ ...getAll(), timezone: 'Europe/Brussels' });
		scope.done();
		expect(clock.sleep).not.toHaveBeenCalled();
		expect(first.error?.message).toBe('Telesto rate limit reached (100 requests per hour per IP address)');
		expect(first.error?.description).toBe(
			"Telesto blocks this n8n server's IP address until about 14:37 (Europe/Brussels) — 2024-01-15T13:37:00Z. Requests sent before then will fail, so this node sends none until then.",
		);
		expect(first.error?.httpCode).toBe('429');

		now += 14 * 60 * 1000;
		const during = await h.execute(getAll());
		expect(during.error?.message).toBe('Telesto rate limit reached (100 requests per hour per IP address)');

		now += 61 * 1000;
		const after = nock(BASE).get('/v2/products').reply(200, PRODUCTS);
		const later = await h.execute(getAll());
		after.done();
		expect(later.error).toBeUndefined();
	});

	it('uses Retry-After for the block when Telesto sends it', async () => {
		const h = telestoHarness();
		const scope = nock(BASE).get('/v2/products').reply(429, { statusCode: 429, error: { type: 'TOO_MANY_REQUESTS', description: 'x' } }, { 'Retry-After': '120' });
		const { error } = await h.execute(getAll());
		scope.done();
		expect(error?.description).toContain('until about 13:24 (UTC) — 2024-01-15T13:24:00Z');
	});

	it('retries a GET once after 3 s on a server error, and reports the second failure', async () => {
		const h = telestoHarness();
		const scope = nock(BASE)
			.get('/v2/products')
			.reply(503, { statusCode: 503, error: { type: 'SERVER_ERROR', description: 'Down for maintenance' } })
			.get('/v2/products')
			.reply(500, { statusCode: 500, error: { type: 'SERVER_ERROR', description: 'Internal error' } });
		const { error } = await h.execute(getAll());
		scope.done();
		expect(clock.sleep).toHaveBeenCalledTimes(1);
		expect(clock.sleep).toHaveBeenCalledWith(3000);
		expect(error?.message).toBe('Internal error');
		expect(error?.description).toBe('Telesto had a server error. Try again later.');
		expect(await usedInLastHour(`${BASE}/v2`)).toBe(2);
	});

	it('succeeds when the retry after a server error succeeds', async () => {
		const h = telestoHarness();
		const scope = nock(BASE).get('/v2/products').reply(502, 'Bad gateway').get('/v2/products').reply(200, PRODUCTS);
		const { items, error } = await h.execute(getAll());
		scope.done();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
	});

	it('reports a rejected key with Telesto\'s message and counts the repeat n8n makes after a 401', async () => {
		const h = telestoHarness();
		const body = { statusCode: 401, error: { type: 'UNAUTHORIZED', description: 'Invalid API key' } };
		const scope = nock(BASE).get('/v2/products').twice().reply(401, body);
		const { error } = await h.execute(getAll());
		scope.done();
		expect(error?.message).toBe('Invalid API key');
		expect(error?.description).toBe(
			'Telesto rejected the API key. Check the key in the Telesto credential; keys are issued by Telesto support.',
		);
		expect(await usedInLastHour(`${BASE}/v2`)).toBe(2);
		expect(clock.sleep).not.toHaveBeenCalled();
	});

	it('explains a 403 (no Pro subscription) and a non-JSON error body', async () => {
		const h = telestoHarness();
		const scope = nock(BASE)
			.get('/v2/products')
			.reply(403, { statusCode: 403, error: { type: 'FORBIDDEN', description: 'Pro subscription required' } })
			.get('/v2/products')
			.reply(418, '<html>teapot</html>');
		const forbidden = await h.execute(getAll());
		expect(forbidden.error?.message).toBe('Pro subscription required');
		expect(forbidden.error?.description).toBe('This Telesto account has no API access. The API needs a Pro subscription.');
		const odd = await h.execute(getAll());
		scope.done();
		expect(odd.error?.message).toBe('Telesto answered HTTP 418: <html>teapot</html>');
	});
});
