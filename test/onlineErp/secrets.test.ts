import nock from 'nock';

import { itKeepsSecretsOut } from '../harness/secrets';
import { BASIC, erpNode, exactly, HOST, LICENCE, onlineErpHarness, SECRET } from './helpers';

const echo = `Authorization: ${BASIC}`;

const getMany = (continueOnFail: boolean) =>
	erpNode({ operation: 'getAll', entity: 'Customer', returnAll: false, limit: 5 }, { continueOnFail });

describe('OnlineERP never shows the secret key or the Basic header in an error', () => {
	// The secret key as typed and URL-encoded, and the Basic header's base64 (the company id is no secret).
	itKeepsSecretsOut({
		secrets: [SECRET, encodeURIComponent(SECRET), BASIC.slice('Basic '.length)],
		scenarios: [
			// 500 is not retried; n8n repeats a 401 once itself; a reset connection is retried once.
			['a 500 page echoing the request headers', (s) => s.reply(500, `<html><pre>${echo}\nCOMPANY_ID: 2</pre></html>`)],
			['a 401 whose message repeats the licence and secret', (s) => s.times(2).reply(401, { Message: `Licence ${LICENCE} / ${SECRET} refusée` })],
			['a 200 HTML page echoing the request', (s) => s.reply(200, `<html>${echo}</html>`, { 'content-type': 'text/html' })],
			['a network failure whose message holds the header', (s) => s.times(2).replyWithError(Object.assign(new Error(`socket hang up (${echo})`), { code: 'ECONNRESET' }))],
		],
		async run(reply, continueOnFail) {
			const h = onlineErpHarness();
			const scope = reply(nock(HOST).get(exactly('/api/Entity/Customer?$top=5')));
			const result = await h.execute({ node: getMany(continueOnFail) });
			scope.done();
			return result;
		},
	});

	it('keeps the rest of the message readable, the licence code and company id included', async () => {
		const h = onlineErpHarness();
		const scope = nock(HOST).get(exactly('/api/Entity/Customer?$top=5')).times(2).reply(401, { Message: `Licence ${LICENCE} / ${SECRET} refusée` });
		const { error } = await h.execute({ node: getMany(false) });
		scope.done();
		expect(error?.message).toBe(`Licence ${LICENCE} / *** refusée`);
	});
});
