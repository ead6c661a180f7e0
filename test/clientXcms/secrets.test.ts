import nock from 'nock';

import { itKeepsSecretsOut } from '../harness/secrets';
import { API_KEY, BASE, cxHarness, cxNode, PREFIX } from './helpers';

const echo = `Authorization: Bearer ${API_KEY}`;

const get = (continueOnFail: boolean) =>
	cxNode({ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '1' } }, { continueOnFail });

describe('ClientXCMS never shows the API key in an error', () => {
	// The Bearer token, and its part after the bar (what Sanctum checks).
	itKeepsSecretsOut({
		secrets: [API_KEY, API_KEY.slice(API_KEY.indexOf('|') + 1)],
		scenarios: [
			// 500 is not retried; n8n repeats a 401 once itself; a GET is retried twice on network errors.
			['a 500 debug page echoing the request headers', (s) => s.reply(500, { message: 'Server Error', exception: 'QueryException', headers: { authorization: [`Bearer ${API_KEY}`] } })],
			['a 401 whose message repeats the key', (s) => s.times(2).reply(401, { message: `Unauthenticated (${echo})` })],
			['a 200 HTML page echoing the request', (s) => s.reply(200, `<html>${echo}</html>`, { 'content-type': 'text/html' })],
			['a network failure whose message holds the key', (s) => s.times(3).replyWithError(Object.assign(new Error(`socket hang up (${echo})`), { code: 'ECONNRESET' }))],
		],
		async run(reply, continueOnFail) {
			const h = cxHarness();
			const scope = reply(nock(`${BASE}${PREFIX}`).get('/customers/1'));
			const result = await h.execute({ node: get(continueOnFail) });
			scope.done();
			return result;
		},
	});

	it('keeps the rest of the error readable', async () => {
		const h = cxHarness();
		const scope = nock(`${BASE}${PREFIX}`).get('/customers/1').times(2).reply(401, { message: `Unauthenticated (${echo})` });
		const { error } = await h.execute({ node: get(false) });
		scope.done();
		expect(error?.message).toBe('ClientXCMS rejected the API key (401 Unauthenticated)');
		expect(JSON.stringify((error as { errorResponse?: unknown }).errorResponse)).toContain('Bearer ***');
	});
});
