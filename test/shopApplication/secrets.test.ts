import nock from 'nock';

import { itKeepsSecretsOut } from '../harness/secrets';
import { BASE, byKey, KEY, saHarness, saNode, SECRET, TOKEN, tokenScope } from './helpers';

const echo = `Authorization: Bearer ${TOKEN}`;

describe('Shop Application never shows the access token in an error of a business request', () => {
	// The token request's own errors are tested in credential.test.ts.
	itKeepsSecretsOut({
		secrets: [SECRET, TOKEN],
		scenarios: [
			// A GET is retried twice on 5xx and network errors.
			['a 500 page echoing the request headers', (s) => s.times(3).reply(500, `<html><pre>${echo}</pre></html>`)],
			['a 400 whose message repeats the token', (s) => s.reply(400, { error: true, message: `Jeton refusé : ${TOKEN}` })],
			['a 200 HTML page echoing the request', (s) => s.reply(200, `<html>${echo}</html>`, { 'content-type': 'text/html' })],
			['a network failure whose message holds the token', (s) => s.times(3).replyWithError(Object.assign(new Error(`socket hang up (${echo})`), { code: 'ECONNRESET' }))],
		],
		async run(reply, continueOnFail) {
			const h = saHarness();
			const token = tokenScope();
			const scope = reply(nock(BASE).get(`/interfaces/${KEY}`));
			const result = await h.execute({
				node: saNode({ resource: 'interface', operation: 'get', interface: byKey(KEY) }, { continueOnFail }),
			});
			token.done();
			scope.done();
			return result;
		},
	});
});
