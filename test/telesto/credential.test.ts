import nock from 'nock';

import { testCredential } from '../harness/credential-test';
import { API_KEY, BASE, PRODUCTS, telestoHarness } from './helpers';

describe('Telesto credential', () => {
	it('tests the key with GET /products, sending the trimmed raw key', async () => {
		const h = telestoHarness();
		const scope = nock(BASE, { reqheaders: { authorization: API_KEY, accept: 'application/json' } })
			.get('/v2/products')
			.reply(200, PRODUCTS);
		const result = await testCredential(h.credentials, 'telestoApi', { apiKey: `  ${API_KEY} `, baseUrl: `${BASE}/v2/` });
		scope.done();
		expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully', httpStatus: 200 });
	});

	it('explains a rejected key and a missing Pro subscription', async () => {
		const h = telestoHarness();
		const scope = nock(BASE)
			.get('/v2/products')
			.reply(401, { statusCode: 401, error: { type: 'UNAUTHORIZED', description: 'Invalid API key' } })
			.get('/v2/products')
			.reply(403, { statusCode: 403, error: { type: 'FORBIDDEN', description: 'Pro' } });
		expect((await testCredential(h.credentials, 'telestoApi', { apiKey: 'bad', baseUrl: `${BASE}/v2` })).message).toBe(
			'Telesto rejected the API key',
		);
		expect((await testCredential(h.credentials, 'telestoApi', { apiKey: 'bad', baseUrl: `${BASE}/v2` })).message).toBe(
			'The Telesto account has no API access (a Pro subscription is required)',
		);
		scope.done();
	});

	it('uses the default base URL when none is set', async () => {
		const h = telestoHarness();
		const scope = nock('https://telesto.app').get('/v2/products').reply(200, []);
		const result = await testCredential(h.credentials, 'telestoApi', { apiKey: API_KEY });
		scope.done();
		expect(result.status).toBe('OK');
	});
});
