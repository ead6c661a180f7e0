import { api, BASE, CLIENT_ID, KEY, saHarness, saNode, SECRET, TOKEN, TOKEN_2, tokenScope } from './helpers';

const listInterfaces = () => saNode({ resource: 'interface', operation: 'getAll', returnAll: true });

describe('Shop Application token, shared by the executions of one process', () => {
	it('asks one token for a cold burst of executions that all started without one', async () => {
		const h = saHarness();
		const token = tokenScope(TOKEN);
		const scope = api(TOKEN).get('/interfaces').query({}).times(10).reply(200, [KEY]);
		const runs = await Promise.all(Array.from({ length: 10 }, async () => await h.execute({ node: listInterfaces() })));
		token.done();
		scope.done();
		for (const run of runs) {
			expect(run.error).toBeUndefined();
			expect(run.items).toEqual([{ json: { key: KEY }, pairedItem: { item: 0 } }]);
		}
		// Each execution read the empty credential and ran preAuthentication; one asked /token.
		expect(h.credentials.events.preAuthentications).toBe(10);
		expect(h.credentials.stored('shopApplicationApi')?.accessToken).toBe(TOKEN);
	});

	it('asks one new token when a burst of executions meets a 401 on the same revoked token', async () => {
		const h = saHarness();
		h.setCredentials('shopApplicationApi', {
			baseUrl: BASE,
			clientId: CLIENT_ID,
			clientSecret: SECRET,
			accessToken: TOKEN,
			accessTokenExpiresAt: Date.now() + 3_000_000,
		});
		const refused = api(TOKEN).get('/interfaces').query({}).times(5).reply(401, { error: true, message: 'Jeton invalide' });
		const token = tokenScope(TOKEN_2);
		const retried = api(TOKEN_2).get('/interfaces').query({}).times(5).reply(200, [KEY]);
		const runs = await Promise.all(Array.from({ length: 5 }, async () => await h.execute({ node: listInterfaces() })));
		[refused, token, retried].forEach((s) => s.done());
		for (const run of runs) expect(run.error).toBeUndefined();
		expect(h.credentials.stored('shopApplicationApi')?.accessToken).toBe(TOKEN_2);
	});
});
