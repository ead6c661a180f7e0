import nock from 'nock';

import { testCredential } from '../harness/credential-test';
import { API_KEY, BASE, cxHarness, PREFIX } from './helpers';

describe('ClientXCMS credential', () => {
	it('tests the key with GET /license, Bearer prefix and pasted /api/application handled', async () => {
		const h = cxHarness();
		const scope = nock(`${BASE}${PREFIX}`, { reqheaders: { authorization: `Bearer ${API_KEY}`, accept: 'application/json' } })
			.get('/license')
			.reply(200, { status: 'error', message: 'License not found' });
		const result = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: ` ${BASE}/api/application/ `, apiKey: `Bearer ${API_KEY}` });
		scope.done();
		expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully', httpStatus: 200 });
	});

	it('explains an expired key (401) and a key without `license` (403)', async () => {
		const h = cxHarness();
		const scope = nock(`${BASE}${PREFIX}`)
			.get('/license')
			.reply(401, { message: 'Unauthenticated.' })
			.get('/license')
			.reply(403, { message: 'Invalid ability provided.' });
		const expired = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: BASE, apiKey: 'old' });
		const limited = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: BASE, apiKey: 'limited' });
		expect(expired.message).toContain('expire after 30 days');
		expect(expired.message).toContain('Settings → Security → API Keys');
		expect(limited.message).toContain('lacks the `license` permission');
		scope.done();
	});

	it('accepts plain http:// when Allow Plain HTTP is on', async () => {
		const h = cxHarness();
		const scope = nock('http://billing.local/api/application').get('/license').reply(200, { status: 'ok' });
		const allowed = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: 'http://billing.local', apiKey: API_KEY, allowHttp: true });
		scope.done();
		expect(allowed.status).toBe('OK');
	});

	it('refuses plain http:// without Allow Plain HTTP: nothing is sent to the instance, the error says how to fix it', async () => {
		const h = cxHarness();
		const refused = nock('https://use-https-or-tick-allow-plain-http.invalid')
			.get('/license')
			.replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND use-https-or-tick-allow-plain-http.invalid' });
		const result = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: 'http://billing.local', apiKey: API_KEY });
		refused.done();
		expect(result.status).toBe('Error');
		expect(result.message).toContain('use-https-or-tick-allow-plain-http');
	});
});
