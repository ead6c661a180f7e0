import nock from 'nock';

import { testCredential } from '../harness/credential-test';
import { API_KEY, BASE, cxHarness, PREFIX } from './helpers';

describe('ClientXCMS credential test (testedBy)', () => {
	it('tests the key with GET /license, Bearer prefix and pasted /api/application handled', async () => {
		const h = cxHarness();
		const scope = nock(`${BASE}${PREFIX}`, { reqheaders: { authorization: `Bearer ${API_KEY}`, accept: 'application/json' } })
			.get('/license')
			.reply(200, { status: 'error', message: 'License not found' });
		const result = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: ` ${BASE}/api/application/ `, apiKey: `Bearer ${API_KEY}` });
		scope.done();
		expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully' });
	});

	it('an expired or deleted key (401) says to create a new one and paste it whole', async () => {
		const h = cxHarness();
		const scope = nock(`${BASE}${PREFIX}`).get('/license').once().reply(401, { message: 'Unauthenticated.' });
		const expired = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: BASE, apiKey: '3|expired' });
		scope.done();
		expect(expired).toEqual({
			status: 'Error',
			message:
				'ClientXCMS did not accept this API key: it has expired (keys expire 30 days after creation unless made otherwise), was deleted, or was not pasted whole. Create a new key in ClientXCMS (Settings → Security → API Keys) and paste all of it, including the number and "|" at its start.',
		});
	});

	it('a key without the `license` permission (403) is told apart from a bad key', async () => {
		const h = cxHarness();
		const scope = nock(`${BASE}${PREFIX}`).get('/license').reply(403, { message: 'Invalid ability provided.' });
		const limited = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: BASE, apiKey: 'limited' });
		scope.done();
		expect(limited.message).toBe(
			'ClientXCMS accepted the key, but it lacks the `license` permission used by this test. Use an Administrator key, or add the `license` permission to the key.',
		);
	});

	it('accepts plain http:// when Allow Plain HTTP is on', async () => {
		const h = cxHarness();
		const scope = nock('http://billing.local/api/application').get('/license').reply(200, { status: 'ok' });
		const allowed = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: 'http://billing.local', apiKey: API_KEY, allowHttp: true });
		scope.done();
		expect(allowed.status).toBe('OK');
	});

	it('refuses plain http:// without Allow Plain HTTP before sending anything, naming both fixes', async () => {
		const h = cxHarness();
		// No interceptor: any request would fail the test (nock guard).
		const result = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: 'http://billing.local', apiKey: API_KEY });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'The Instance URL starts with http://, and "Allow Plain HTTP" is off, so nothing was sent: the API key would travel unencrypted. Use the https:// address of your ClientXCMS, or turn on "Allow Plain HTTP" for a private test instance.',
		);
		expect(result.message).not.toMatch(/ENOTFOUND|Couldn't connect/);
	});

	it('says what to check for an unknown host, a missing API and a web page', async () => {
		const h = cxHarness();
		const scope = nock(`${BASE}${PREFIX}`)
			.get('/license')
			.replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND billing.test' })
			.get('/license')
			.reply(404, { message: 'The route api/application/license could not be found.' })
			.get('/license')
			.reply(200, '<!DOCTYPE html><html><body>Client area</body></html>', { 'content-type': 'text/html' });
		const unknown = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: BASE, apiKey: API_KEY });
		const missing = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: BASE, apiKey: API_KEY });
		const page = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: BASE, apiKey: API_KEY });
		scope.done();
		expect(unknown.message).toBe(
			'The address billing.test does not exist (no DNS name resolves). Check the Instance URL: the address of your ClientXCMS client area, e.g. https://billing.example.com.',
		);
		expect(missing.message).toBe(
			'https://billing.test/api/application/license does not exist. Check the Instance URL (the address of your client area, without /admin); the API needs ClientXCMS 2.15 or later.',
		);
		expect(page.message).toMatch(/^billing\.test answered with a web page, not the ClientXCMS API/);
	});

	it('a rate-limited test says when to try again; an empty or odd Instance URL is named', async () => {
		const h = cxHarness();
		const scope = nock(`${BASE}${PREFIX}`).get('/license').reply(429, { message: 'Too Many Attempts.' }, { 'Retry-After': '42' });
		const limited = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: BASE, apiKey: API_KEY });
		scope.done();
		expect(limited.message).toBe('ClientXCMS is rate limiting this admin account (60 requests per minute). Test again in 42 seconds.');
		const odd = await testCredential(h.credentials, 'clientXcmsApi', { instanceUrl: 'billing.example.com', apiKey: API_KEY });
		expect(odd.message).toBe('The Instance URL "billing.example.com" is not a web address. Enter the address of your ClientXCMS client area, e.g. https://billing.example.com.');
	});
});
