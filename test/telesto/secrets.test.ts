import nock from 'nock';

import { itKeepsSecretsOut } from '../harness/secrets';
import { API_KEY, BASE, telestoHarness, telestoNode } from './helpers';

const echo = `Authorization: ${API_KEY}`;

const get = (continueOnFail: boolean) =>
	telestoNode({ resource: 'product', operation: 'get', product: { __rl: true, mode: 'id', value: 'p1' } }, { continueOnFail });

describe('Telesto never shows the API key in an error', () => {
	// Telesto sends the raw key as the Authorization header: any echo of the request shows it.
	itKeepsSecretsOut({
		secrets: [API_KEY],
		scenarios: [
			// A GET is retried once on 5xx and on network errors; n8n repeats a 401 once itself.
			['a 500 page echoing the request headers', (s) => s.times(2).reply(500, `<html><pre>GET /v2/products\n${echo}</pre></html>`)],
			['a 401 whose message repeats the key', (s) => s.times(2).reply(401, { statusCode: 401, error: { type: 'UNAUTHORIZED', description: `Invalid API key ${API_KEY}` } })],
			['a 200 HTML page echoing the request', (s) => s.reply(200, `<html>${echo}</html>`, { 'content-type': 'text/html' })],
			['a network failure whose message holds the key', (s) => s.times(2).replyWithError(Object.assign(new Error(`socket hang up (${echo})`), { code: 'ECONNRESET' }))],
		],
		async run(reply, continueOnFail) {
			const h = telestoHarness();
			const scope = reply(nock(BASE).get('/v2/products'));
			const result = await h.execute({ node: get(continueOnFail) });
			scope.done();
			return result;
		},
	});

	it('keeps the rest of the message readable', async () => {
		const h = telestoHarness();
		const scope = nock(BASE).get('/v2/products').times(2).reply(500, `<html>${echo}</html>`);
		const { error } = await h.execute({ node: get(false) });
		scope.done();
		expect(error?.message).toBe('Telesto answered HTTP 500: <html>Authorization: ***</html>');
	});
});
