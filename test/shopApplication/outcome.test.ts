import { clock } from '../../nodes/shared';
import { Harness } from '../harness/harness';
import { droppingServer } from '../harness/servers';
import { api, byKey, CLIENT_ID, fakeSleep, KEY, saHarness, saNode, SECRET, TOKEN, tokenScope, ORDER, ORDER_HINT } from './helpers';

describe('Shop Application: an order whose outcome is unknown says so', () => {
	afterEach(() => jest.restoreAllMocks());

	it('an order that timed out may have been placed: find it by your own Interface ID, never "check the Base URL"', async () => {
		const sleep = fakeSleep();
		const h = saHarness();
		const token = tokenScope();
		const scope = api().post('/interfaces').once().delay(70_000).reply(200, { sa_key: KEY });
		const { error, items } = await h.execute({ node: ORDER });
		token.done();
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^Shop Application did not answer POST \/interfaces \(E[A-Z]+\), the change may have been applied$/);
		expect(error?.description).toBe(
			`The request was sent, but the connection ended before an answer came back. Nothing was retried. ${ORDER_HINT}`,
		);
	}, 15_000);

	it('a termination whose connection was reset may have been applied, and is sent once', async () => {
		const server = await droppingServer({ serve: { '/api/token': { access_token: TOKEN, expires_in: 3600 } } });
		try {
			const h = new Harness().setCredentials('shopApplicationApi', { baseUrl: server.url, clientId: CLIENT_ID, clientSecret: SECRET });
			const { error } = await h.execute({
				node: saNode({
					resource: 'interfacePrestation',
					operation: 'terminate',
					interface: byKey(KEY),
					terminateBy: 'reference',
					reference: '5c34c58c2121e',
				}),
			});
			expect(server.requests()).toBe(1);
			expect(error?.message).toBe(
				`Shop Application did not answer DELETE /interfaces/${KEY}/prestations/5c34c58c2121e (ECONNRESET), the change may have been applied`,
			);
			expect(error?.description).toContain(
				'Nothing was retried. Check with Interface Prestation → Get whether the prestation is terminated before running it again.',
			);
		} finally {
			await server.close();
		}
	});

	it('an order whose token request failed was never sent, and says so', async () => {
		jest.spyOn(clock, 'sleep').mockResolvedValue();
		const server = await droppingServer();
		try {
			const h = new Harness().setCredentials('shopApplicationApi', { baseUrl: server.url, clientId: CLIENT_ID, clientSecret: SECRET });
			const { error } = await h.execute({ node: ORDER });
			expect(server.requests()).toBe(1);
			expect(error?.message).toBe('Shop Application could not be reached (ECONNRESET)');
			expect(error?.message).not.toContain('may have been applied');
		} finally {
			await server.close();
		}
	});
});
