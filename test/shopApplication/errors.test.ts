import { api, byKey, fakeSleep, KEY, saHarness, saNode, tokenScope } from './helpers';

const get = saNode({ resource: 'interface', operation: 'get', interface: byKey(KEY) });

afterEach(() => jest.restoreAllMocks());

describe('Shop Application error envelope and retries', () => {
	it('reports error: true with HTTP 200 as an error with the vendor message', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get(`/interfaces/${KEY}`).query({}).reply(200, { error: true, message: 'Interface inconnue' });
		const { error, items } = await h.execute({ node: get });
		token.done();
		scope.done();
		expect(items).toEqual([]);
		expect(error?.message).toBe('Interface inconnue');
		expect(error?.httpCode).toBe('200');
	});

	it('explains a 400 on a path naming a key, and a 400 elsewhere', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(400, { error: true, message: 'Clé inconnue' })
			.get('/interfaces')
			.query({})
			.reply(400, { error: true, message: 'Route inconnue' });
		const one = await h.execute({ node: { ...get, continueOnFail: true } });
		const many = await h.execute({
			node: saNode({ resource: 'interface', operation: 'getAll', returnAll: true }, { continueOnFail: true }),
		});
		token.done();
		scope.done();
		expect(one.items).toEqual([
			{
				json: {
					error: {
						message: 'Clé inconnue',
						description:
							'Shop Application rejected the request. Check that the interface key / prestation code exists and is written exactly.',
						httpCode: '400',
					},
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(many.items[0].json).toEqual({
			error: {
				message: 'Route inconnue',
				description: 'Shop Application rejected the request as malformed.',
				httpCode: '400',
			},
		});
	});

	it('retries a GET twice on 5xx with backoff, then reports the failure', async () => {
		const sleep = fakeSleep();
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(502, 'Bad gateway')
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(500, { error: true, message: 'Erreur inconnue' })
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(200, { statut: 1 });
		const { items } = await h.execute({ node: get });
		token.done();
		scope.done();
		expect(items.map((i) => i.json)).toEqual([{ key: KEY, statut: 1, status_label: 'active' }]);
		expect(sleep).toHaveBeenCalledTimes(2);
		const [first, second] = sleep.mock.calls.map(([ms]) => ms as number);
		expect(first).toBeGreaterThanOrEqual(800);
		expect(first).toBeLessThanOrEqual(1000);
		expect(second).toBeGreaterThanOrEqual(1600);
		expect(second).toBeLessThanOrEqual(2000);
	});

	it('shows the status and the start of a non-JSON body', async () => {
		fakeSleep();
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get(`/interfaces/${KEY}`).query({}).times(3).reply(503, '<html>maintenance</html>');
		const { error } = await h.execute({ node: get });
		token.done();
		scope.done();
		expect(error?.message).toBe('Shop Application answered HTTP 503: <html>maintenance</html>');
		expect(error?.description).toBe('Shop Application had an unknown error. Try again later.');
	});

	it.each([
		['create', 'POST', '/interfaces', { resource: 'interface', operation: 'create', guid: 'g1', prestations: ['IN-CAISSE-S'], clientLastName: 'Martin', clientEmail: 'm@x.fr', options: { validateOrder: false } }],
		['request deletion', 'DELETE', `/interfaces/${KEY}`, { resource: 'interface', operation: 'delete', interface: byKey(KEY) }],
		['reactivate', 'POST', `/interfaces/${KEY}`, { resource: 'interface', operation: 'reactivate', interface: byKey(KEY) }],
		['add', 'POST', `/interfaces/${KEY}/prestations`, { resource: 'interfacePrestation', operation: 'add', interface: byKey(KEY), prestations: ['MO-ARTCRITERES-S'], options: { validateOrder: false } }],
		['terminate', 'DELETE', `/interfaces/${KEY}/prestations/5c34c58c2121e`, { resource: 'interfacePrestation', operation: 'terminate', interface: byKey(KEY), terminateBy: 'reference', reference: '5c34c58c2121e' }],
	])('never retries a %s after a 500', async (_name, method, path, parameters) => {
		const sleep = fakeSleep();
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.intercept(path, method as string)
			.reply(500, { error: true, message: 'Erreur inconnue' });
		const { error } = await h.execute({ node: saNode(parameters as never) });
		token.done();
		scope.done();
		expect(error?.message).toBe('Erreur inconnue');
		expect(sleep).not.toHaveBeenCalled();
	});
});
