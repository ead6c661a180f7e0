import nock from 'nock';

import { captureLogs, expectNoSecret } from '../harness/secrets';
import { API_KEY, BASE, cxHarness, cxNode, fakeSleep, PREFIX } from './helpers';

/** The Bearer token, and its part after the bar (what Sanctum checks). */
const SECRETS = [API_KEY, API_KEY.slice(API_KEY.indexOf('|') + 1)];
const echo = `Authorization: Bearer ${API_KEY}`;

const get = (continueOnFail: boolean) =>
	cxNode({ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '1' } }, { continueOnFail });

describe('ClientXCMS never shows the API key in an error', () => {
	let logs: string[];
	beforeEach(() => {
		logs = captureLogs();
		fakeSleep();
	});
	afterEach(() => jest.restoreAllMocks());

	it.each([
		// 500 is not retried; n8n repeats a 401 once itself; a GET is retried twice on network errors.
		['a 500 debug page echoing the request headers', (s: nock.Interceptor) => s.reply(500, { message: 'Server Error', exception: 'QueryException', headers: { authorization: [`Bearer ${API_KEY}`] } })],
		['a 401 whose message repeats the key', (s: nock.Interceptor) => s.times(2).reply(401, { message: `Unauthenticated (${echo})` })],
		['a 200 HTML page echoing the request', (s: nock.Interceptor) => s.reply(200, `<html>${echo}</html>`, { 'content-type': 'text/html' })],
		['a network failure whose message holds the key', (s: nock.Interceptor) => s.times(3).replyWithError(Object.assign(new Error(`socket hang up (${echo})`), { code: 'ECONNRESET' }))],
	])('%s, with and without Continue On Fail', async (_name, reply) => {
		for (const continueOnFail of [false, true]) {
			const h = cxHarness();
			const scope = reply(nock(`${BASE}${PREFIX}`).get('/customers/1'));
			const result = await h.execute({ node: get(continueOnFail) });
			scope.done();
			expect(continueOnFail ? result.items[0].json.error : result.error?.message).toBeTruthy();
			expectNoSecret(result, SECRETS, logs);
		}
	});

	it('keeps the rest of the message readable', async () => {
		const h = cxHarness();
		const scope = nock(`${BASE}${PREFIX}`).get('/customers/1').times(2).reply(401, { message: `Unauthenticated (${echo})` });
		const { error } = await h.execute({ node: get(false) });
		scope.done();
		expect(error?.message).toBe('ClientXCMS rejected the API key (401 Unauthenticated)');
		expect(JSON.stringify((error as { errorResponse?: unknown }).errorResponse)).toContain('Bearer ***');
	});
});
