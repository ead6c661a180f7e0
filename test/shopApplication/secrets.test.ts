import nock from 'nock';

import { captureLogs, expectNoSecret } from '../harness/secrets';
import { BASE, byKey, fakeSleep, KEY, saHarness, saNode, SECRET, TOKEN, tokenScope } from './helpers';

/** The client secret and the access token (the token request's own errors are tested in credential.test.ts). */
const SECRETS = [SECRET, TOKEN];
const echo = `Authorization: Bearer ${TOKEN}`;

const get = (continueOnFail: boolean) => saNode({ resource: 'interface', operation: 'get', interface: byKey(KEY) }, { continueOnFail });

describe('Shop Application never shows the access token in an error of a business request', () => {
	let logs: string[];
	beforeEach(() => {
		logs = captureLogs();
		fakeSleep();
	});
	afterEach(() => jest.restoreAllMocks());

	it.each([
		// A GET is retried twice on 5xx and network errors.
		['a 500 page echoing the request headers', (s: nock.Interceptor) => s.times(3).reply(500, `<html><pre>${echo}</pre></html>`)],
		['a 400 whose message repeats the token', (s: nock.Interceptor) => s.reply(400, { error: true, message: `Jeton refusé : ${TOKEN}` })],
		['a 200 HTML page echoing the request', (s: nock.Interceptor) => s.reply(200, `<html>${echo}</html>`, { 'content-type': 'text/html' })],
		['a network failure whose message holds the token', (s: nock.Interceptor) => s.times(3).replyWithError(Object.assign(new Error(`socket hang up (${echo})`), { code: 'ECONNRESET' }))],
	])('%s, with and without Continue On Fail', async (_name, reply) => {
		for (const continueOnFail of [false, true]) {
			const h = saHarness();
			const token = tokenScope();
			const scope = reply(nock(BASE).get(`/interfaces/${KEY}`));
			const result = await h.execute({ node: get(continueOnFail) });
			token.done();
			scope.done();
			expect(continueOnFail ? result.items[0].json.error : result.error?.message).toBeTruthy();
			expectNoSecret(result, SECRETS, logs);
		}
	});
});
