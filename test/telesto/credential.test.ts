import nock from 'nock';

import { clock } from '../../nodes/shared';
import { blockedUntil, recordBlock, usedInLastHour } from '../../nodes/Telesto/transport/budget';
import { testCredential } from '../harness/credential-test';
import { API_KEY, BASE, PRODUCTS, telestoHarness } from './helpers';

const HOST_BASE = `${BASE}/v2`;
const T0 = Date.parse('2026-03-02T10:00:00Z');

describe('Telesto credential test (testedBy)', () => {
	beforeEach(() => {
		jest.spyOn(clock, 'now').mockReturnValue(T0);
	});
	afterEach(() => jest.restoreAllMocks());

	it('sends one GET /products with the trimmed raw key and counts it in the hourly budget', async () => {
		const h = telestoHarness();
		const scope = nock(BASE, { reqheaders: { authorization: API_KEY, accept: 'application/json' } })
			.get('/v2/products')
			.reply(200, PRODUCTS);
		const result = await testCredential(h.credentials, 'telestoApi', { apiKey: `  ${API_KEY} `, baseUrl: `${HOST_BASE}/` });
		scope.done();
		expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		expect(await usedInLastHour(HOST_BASE)).toBe(1);
	});

	it('a wrong key costs one request (never repeated after the 401) and says what to do', async () => {
		const h = telestoHarness();
		const scope = nock(BASE)
			.get('/v2/products')
			.once()
			.reply(401, { statusCode: 401, error: { type: 'UNAUTHORIZED', description: 'Invalid API key' } });
		const result = await testCredential(h.credentials, 'telestoApi', { apiKey: 'bad', baseUrl: HOST_BASE });
		scope.done();
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'Telesto rejected the API key. Telesto said: "Invalid API key". Paste the key exactly as Telesto support sent it, without "Bearer"; if it still fails, ask Telesto support whether the key is active.',
		);
		expect(await usedInLastHour(HOST_BASE)).toBe(1);
	});

	it('a key of an account without Pro (403) is not reported as a wrong key', async () => {
		const h = telestoHarness();
		const scope = nock(BASE)
			.get('/v2/products')
			.reply(403, { statusCode: 403, error: { type: 'FORBIDDEN', description: 'Pro subscription required' } });
		const result = await testCredential(h.credentials, 'telestoApi', { apiKey: 'no-pro', baseUrl: HOST_BASE });
		scope.done();
		expect(result.message).toMatch(/^Telesto accepted the key, but this account has no API access: the Telesto API needs a Pro subscription\./);
		expect(result.message).toContain('Upgrade the Telesto account to Pro');
		expect(result.message).not.toMatch(/rejected/);
	});

	it('sends nothing while Telesto blocks the IP address, and says until when', async () => {
		const h = telestoHarness();
		await recordBlock(HOST_BASE, 10 * 60_000);
		const result = await testCredential(h.credentials, 'telestoApi', { apiKey: API_KEY, baseUrl: HOST_BASE });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Telesto rate limit reached');
		expect(result.message).toContain('10:10 (UTC) — 2026-03-02T10:10:00Z');
		expect(await usedInLastHour(HOST_BASE)).toBe(0);
	});

	it('sends nothing when the credential\'s Requests per Hour are used up', async () => {
		const h = telestoHarness();
		const scope = nock(BASE).get('/v2/products').reply(200, []);
		await testCredential(h.credentials, 'telestoApi', { apiKey: API_KEY, baseUrl: HOST_BASE, requestsPerHour: 1 });
		scope.done();
		const second = await testCredential(h.credentials, 'telestoApi', { apiKey: API_KEY, baseUrl: HOST_BASE, requestsPerHour: 1 });
		expect(second.message).toMatch(/^Telesto request budget used up: 1 requests in the last hour\. .*this request was not sent/);
	});

	it('a 429 records the block, so the next test sends nothing', async () => {
		const h = telestoHarness();
		const scope = nock(BASE)
			.get('/v2/products')
			.reply(429, { statusCode: 429, error: { type: 'TOO_MANY_REQUESTS', description: 'Rate limit exceeded' } });
		const first = await testCredential(h.credentials, 'telestoApi', { apiKey: API_KEY, baseUrl: HOST_BASE });
		scope.done();
		expect(first.message).toContain('The key itself may be right');
		expect((await blockedUntil(HOST_BASE))?.until).toBe(T0 + 15 * 60_000);
		const second = await testCredential(h.credentials, 'telestoApi', { apiKey: API_KEY, baseUrl: HOST_BASE });
		expect(second.message).toContain('Telesto rate limit reached');
	});

	it('names the host and the Base URL field when nothing answers, and when a web page answers', async () => {
		const h = telestoHarness();
		const scope = nock(BASE)
			.get('/v2/products')
			.replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND telesto.test' })
			.get('/v2/products')
			.reply(200, '<!DOCTYPE html><html><body>Login</body></html>', { 'content-type': 'text/html' });
		const unreachable = await testCredential(h.credentials, 'telestoApi', { apiKey: API_KEY, baseUrl: HOST_BASE });
		const page = await testCredential(h.credentials, 'telestoApi', { apiKey: API_KEY, baseUrl: HOST_BASE });
		scope.done();
		expect(unreachable.message).toBe(
			'The address telesto.test does not exist (no DNS name resolves). Check the Base URL: leave https://telesto.app/v2 unless Telesto gave you another address.',
		);
		expect(page.message).toMatch(/answered with a web page, not Telesto's API\. Check the Base URL/);
	});

	it('uses the default base URL when none is set', async () => {
		const h = telestoHarness();
		const scope = nock('https://telesto.app').get('/v2/products').reply(200, []);
		const result = await testCredential(h.credentials, 'telestoApi', { apiKey: API_KEY });
		scope.done();
		expect(result.status).toBe('OK');
	});
});
