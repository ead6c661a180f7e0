import { LoggerProxy } from 'n8n-workflow';
import nock from 'nock';

import { clock } from '../../nodes/shared';
import { tokenExpiresAt } from '../../nodes/ShopApplication/transport/token';
import { testCredential } from '../harness/credential-test';
import {
	api,
	BASE,
	byKey,
	CLIENT_ID,
	dump,
	fakeSleep,
	KEY,
	saHarness,
	saNode,
	SECRET,
	TOKEN,
	TOKEN_2,
	tokenScope,
} from './helpers';

const logLines: string[] = [];
const capture = (...args: unknown[]) => logLines.push(dump(args));

beforeAll(() => {
	LoggerProxy.init({ error: capture, warn: capture, info: capture, debug: capture } as never);
});
afterEach(() => {
	jest.restoreAllMocks();
});

const getInterface = (key = KEY) => saNode({ resource: 'interface', operation: 'get', interface: byKey(key) });

describe('Shop Application credential and token', () => {
	it('costs one token request for 500 items over 3 executions', async () => {
		const h = saHarness();
		const token = tokenScope();
		const keys = Array.from({ length: 500 }, (_, n) => `key-${n}`);
		const scope = api()
			.get(/^\/interfaces\/key-\d+$/)
			.query({})
			.times(500)
			.reply(200, (uri) => ({ statut: 1, date_creation: '2024-01-01 10:00:00', uri }));
		const batches = [keys.slice(0, 200), keys.slice(200, 400), keys.slice(400)];
		let total = 0;
		for (const batch of batches) {
			const { items, error } = await h.execute({
				node: saNode({ resource: 'interface', operation: 'get', interface: '={{ { __rl: true, mode: "key", value: $json.key } }}' }),
				input: batch.map((key) => ({ key })),
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(batch.length);
			expect(items[0].json.key).toBe(batch[0]);
			total += items.length;
		}
		token.done();
		scope.done();
		expect(total).toBe(500);
		expect(h.credentials.events.preAuthentications).toBe(1);
		expect(h.credentials.stored('shopApplicationApi')?.accessToken).toBe(TOKEN);
	});

	it('sends client_id and client_secret as query parameters of GET /token, and the token only as Bearer header', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get('/interfaces').query({}).reply(200, [KEY]);
		const { items } = await h.execute({ node: saNode({ resource: 'interface', operation: 'getAll', returnAll: true }) });
		token.done();
		scope.done();
		expect(items).toEqual([{ json: { key: KEY }, pairedItem: { item: 0 } }]);
	});

	it('gets one new token and repeats the request once after a 401 (revoked token)', async () => {
		const h = saHarness();
		h.setCredentials('shopApplicationApi', {
			baseUrl: BASE,
			clientId: CLIENT_ID,
			clientSecret: SECRET,
			accessToken: TOKEN,
			accessTokenExpiresAt: Date.now() + 3_000_000,
		});
		const first = api(TOKEN).get(`/interfaces/${KEY}`).query({}).reply(401, { error: true, message: 'Jeton invalide' });
		const token = tokenScope(TOKEN_2);
		const retried = api(TOKEN_2).get(`/interfaces/${KEY}`).query({}).reply(200, { statut: 1 });
		const { items, error } = await h.execute({ node: getInterface() });
		expect(error).toBeUndefined();
		first.done();
		token.done();
		retried.done();
		expect(items).toEqual([{ json: { key: KEY, statut: 1, status_label: 'active' }, pairedItem: { item: 0 } }]);
		expect(h.credentials.events.preAuthentications).toBe(1);
		expect(h.credentials.stored('shopApplicationApi')?.accessToken).toBe(TOKEN_2);
	});

	it('reports a second 401 as a credentials error, after exactly one refresh', async () => {
		const h = saHarness();
		const token1 = tokenScope(TOKEN);
		const first = api(TOKEN).get('/interfaces').query({}).reply(401, { error: true, message: 'Jeton invalide' });
		const token2 = tokenScope(TOKEN_2);
		const second = api(TOKEN_2).get('/interfaces').query({}).reply(401, { error: true, message: 'Accès refusé' });
		const { error } = await h.execute({ node: saNode({ resource: 'interface', operation: 'getAll', returnAll: true }) });
		[token1, first, token2, second].forEach((s) => s.done());
		expect(error?.message).toBe('Accès refusé');
		expect(error?.description).toBe(
			'Shop Application rejected the credentials. Check the Client ID and Client Secret.',
		);
		expect(h.credentials.events.preAuthentications).toBe(2);
	});

	it('refreshes a token past expires_in − 60 s before the request, which is sent once', async () => {
		const h = saHarness();
		const token1 = tokenScope(TOKEN, 3600);
		const a = api(TOKEN).get('/interfaces').query({}).reply(200, [KEY]);
		await h.execute({ node: saNode({ resource: 'interface', operation: 'getAll', returnAll: true }) });
		token1.done();
		a.done();

		const real = Date.now;
		jest.spyOn(clock, 'now').mockImplementation(() => real() + 3541_000);
		const token2 = tokenScope(TOKEN_2, 3600);
		const b = api(TOKEN_2).get('/interfaces').query({}).reply(200, [KEY]);
		const { items, error } = await h.execute({ node: saNode({ resource: 'interface', operation: 'getAll', returnAll: true }) });
		expect(error).toBeUndefined();
		token2.done();
		b.done();
		expect(items).toHaveLength(1);
		expect(h.credentials.events.preAuthentications).toBe(2);
	});

	it('dates a refreshed token with the same clock that ages it: one new token for the rest of the run', async () => {
		const h = saHarness();
		const token1 = tokenScope(TOKEN, 3600);
		const a = api(TOKEN).get(`/interfaces/${KEY}`).query({}).reply(200, { statut: 1 });
		await h.execute({ node: getInterface() });
		token1.done();
		a.done();

		const real = Date.now;
		jest.spyOn(clock, 'now').mockImplementation(() => real() + 3541_000);
		const token2 = tokenScope(TOKEN_2, 3600);
		const b = api(TOKEN_2).get(`/interfaces/${KEY}`).query({}).times(3).reply(200, { statut: 1 });
		const { items, error } = await h.execute({ node: getInterface(), input: [{}, {}, {}] });
		expect(error).toBeUndefined();
		token2.done();
		b.done();
		expect(items).toHaveLength(3);
		expect(h.credentials.events.preAuthentications).toBe(2);
		expect(Number(h.credentials.stored('shopApplicationApi')?.accessTokenExpiresAt)).toBeGreaterThan(clock.now() + 3500_000);
	});

	it('computes the token lifetime from expires_in (A3), never from the JWT', () => {
		expect(tokenExpiresAt(3600, 0)).toBe(3540_000);
		expect(tokenExpiresAt(100, 0)).toBe(50_000);
		expect(tokenExpiresAt(undefined, 0)).toBe(3540_000);
		expect(tokenExpiresAt('3600', 0)).toBe(3540_000);
		expect(tokenExpiresAt(-5, 1000)).toBe(3541_000);
	});

	describe('never lets the client secret out', () => {
		async function failingRun(reply: (scope: nock.Interceptor) => nock.Scope, continueOnFail = false) {
			logLines.length = 0;
			const h = saHarness();
			const scope = reply(nock(BASE).get('/token').query({ client_id: CLIENT_ID, client_secret: SECRET }));
			const result = await h.execute({ node: { ...getInterface(), continueOnFail } });
			scope.done();
			const everything = dump({ error: result.error, items: result.items, run: result.run.data, logs: logLines });
			expect(everything).not.toContain(SECRET);
			expect(everything).not.toContain('client_secret');
			return { ...result, h };
		}

		it('on a refused Client ID / Client Secret (vendor message echoing the secret), with one token request', async () => {
			const { error, h } = await failingRun((s) =>
				s.reply(401, { error: true, message: `Identifiants invalides (${SECRET})` }),
			);
			expect(error?.message).toBe('Shop Application refused the Client ID / Client Secret: Identifiants invalides (***)');
			expect(error?.description).toBe(
				'Shop Application rejected the credentials. Check the Client ID and Client Secret.',
			);
			expect(error?.httpCode).toBe('401');
			expect(h.credentials.events.preAuthentications).toBe(1);
		});

		it('on a 400 from /token, with the credentials hint rather than one about the interface key', async () => {
			const { error } = await failingRun((s) => s.reply(400, { error: true, message: 'Paramètres invalides' }));
			expect(error?.message).toBe('Shop Application refused the Client ID / Client Secret: Paramètres invalides');
			expect(error?.description).toBe(
				'Shop Application rejected the credentials. Check the Client ID and Client Secret.',
			);
			expect(error?.httpCode).toBe('400');
		});

		it('on error: true with HTTP 200 and on an answer without access_token', async () => {
			const { error } = await failingRun((s) => s.reply(200, { error: true, message: 'Compte suspendu' }));
			expect(error?.message).toBe('Shop Application refused the Client ID / Client Secret: Compte suspendu');
			const second = await failingRun((s) => s.reply(200, { token_type: 'bearer' }));
			expect(second.error?.message).toBe(
				'Shop Application refused the Client ID / Client Secret (no access_token in the answer)',
			);
		});

		it('on a server error of /token (GET retried with backoff), with continueOnFail', async () => {
			const sleep = fakeSleep();
			const { items } = await failingRun((s) => s.times(3).reply(500, '<html>Internal error</html>'), true);
			expect(items).toEqual([
				{
					json: {
						error: {
							message: 'Shop Application could not issue a token (HTTP 500): <html>Internal error</html>',
							description: 'Shop Application had an unknown error. Try again later.',
							httpCode: '500',
						},
					},
					pairedItem: { item: 0 },
				},
			]);
			expect(sleep).toHaveBeenCalledTimes(2);
		});

		it('on a refusal whose body echoes the token URL, with the secret URL-encoded', async () => {
			logLines.length = 0;
			const secret = 'p@ss w/rd&x=1+é';
			const h = saHarness();
			h.setCredentials('shopApplicationApi', { baseUrl: BASE, clientId: CLIENT_ID, clientSecret: secret });
			const echoed = [
				`client_secret=${encodeURIComponent(secret)}`,
				new URLSearchParams({ client_secret: secret }).toString(),
			];
			const scope = nock(BASE)
				.get('/token')
				.query({ client_id: CLIENT_ID, client_secret: secret })
				.reply(400, `Cannot GET /token?client_id=${CLIENT_ID}&${echoed[0]} (or ${echoed[1]})`);
			const result = await h.execute({ node: getInterface() });
			scope.done();
			const everything = dump({ error: result.error, items: result.items, run: result.run.data, logs: logLines });
			for (const form of [secret, encodeURIComponent(secret), echoed[1].slice('client_secret='.length)]) {
				expect(everything).not.toContain(form);
			}
			expect(result.error?.message).toBe(
				`Shop Application refused the Client ID / Client Secret: Cannot GET /token?client_id=${CLIENT_ID}&client_secret=*** (or client_secret=***)`,
			);
		});

		it('on a network failure of /token, whose error message holds the URL', async () => {
			fakeSleep();
			const { error } = await failingRun((s) =>
				s
					.times(3)
					.replyWithError(Object.assign(new Error(`socket hang up ${BASE}/token?client_secret=${SECRET}`), { code: 'ECONNRESET' })),
			);
			expect(error?.message).toBe('Shop Application could not be reached (ECONNRESET)');
		});
	});

	it('tests the credential with a token and GET /prestations', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get('/prestations').reply(200, ['IN-BTQST-S']);
		const result = await testCredential(h.credentials, 'shopApplicationApi', {
			baseUrl: BASE,
			clientId: CLIENT_ID,
			clientSecret: SECRET,
		});
		token.done();
		scope.done();
		expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully' });
	});

	it('a refused pair names both fields (the API does not say which is wrong), quotes the API, never the secret', async () => {
		const h = saHarness();
		const token = nock(BASE)
			.get('/token')
			.query({ client_id: CLIENT_ID, client_secret: `${SECRET} ` })
			.reply(401, { error: true, message: `Identifiants invalides pour client_secret=${SECRET}` });
		const failure = await testCredential(h.credentials, 'shopApplicationApi', {
			baseUrl: BASE,
			clientId: CLIENT_ID,
			clientSecret: `${SECRET} `,
		});
		token.done();
		expect(failure).toEqual({
			status: 'Error',
			message:
				'Shop Application refused this Client ID and Client Secret; it does not say which of the two is wrong. Shop Application said: "Identifiants invalides pour client_secret=***". Check both fields: the Client ID is the reseller login and the Client Secret its password, exactly as Cegid gave them to you. Note: the Client Secret you entered starts or ends with a space.',
		});
		expect(failure.message).not.toMatch(/Authorization failed/);
	});

	it('a token answer with HTTP 200 and error: true is a refusal too; nothing else is sent', async () => {
		const h = saHarness();
		const token = nock(BASE).get('/token').query(true).reply(200, { error: true, message: 'Compte inconnu' });
		const failure = await testCredential(h.credentials, 'shopApplicationApi', { baseUrl: BASE, clientId: 'nobody', clientSecret: SECRET });
		token.done();
		expect(failure.message).toMatch(/^Shop Application refused this Client ID and Client Secret; .* said: "Compte inconnu"\. Check both fields/);
	});

	it('a wrong Base URL is not blamed on the Client ID or Client Secret', async () => {
		const h = saHarness();
		const scope = nock(BASE)
			.get('/token')
			.query(true)
			.reply(404, '<!DOCTYPE html><html><body>Not Found</body></html>', { 'content-type': 'text/html' })
			.get('/token')
			.query(true)
			.replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
		const page = await testCredential(h.credentials, 'shopApplicationApi', { baseUrl: BASE, clientId: CLIENT_ID, clientSecret: SECRET });
		const refused = await testCredential(h.credentials, 'shopApplicationApi', { baseUrl: BASE, clientId: CLIENT_ID, clientSecret: SECRET });
		scope.done();
		expect(page.message).toBe(
			'sa.test has no Shop Application token service at /token. Check the Base URL: leave https://api.cegid.shop-application.io unless Cegid gave you a test platform address.',
		);
		expect(refused.message).toBe(
			'Nothing answers at sa.test (connection refused). Check the Base URL: leave https://api.cegid.shop-application.io unless Cegid gave you a test platform address.',
		);
	});

	it('a token refused on the catalogue says the account lacks API access', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get('/prestations').reply(401, { error: true, message: 'Jeton manquant ou invalide' });
		const result = await testCredential(h.credentials, 'shopApplicationApi', { baseUrl: BASE, clientId: CLIENT_ID, clientSecret: SECRET });
		token.done();
		scope.done();
		expect(result.message).toMatch(/^Shop Application issued a token for this Client ID and Client Secret but then refused it/);
	});
});
