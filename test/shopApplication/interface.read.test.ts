import { api, byKey, KEY, KEY_2, saHarness, saNode, tokenScope } from './helpers';

describe('Shop Application Interface → Get Many / Get', () => {
	it('Get Many lists keys with the limit applied client-side, paired to the input', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get('/interfaces').query({}).reply(200, [KEY, KEY_2, 'third']);
		const { items, error } = await h.execute({
			node: saNode({ resource: 'interface', operation: 'getAll', returnAll: false, limit: 2 }),
		});
		expect(error).toBeUndefined();
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: { key: KEY }, pairedItem: { item: 0 } },
			{ json: { key: KEY_2 }, pairedItem: { item: 0 } },
		]);
	});

	it('Get Many with Include Details reads each kept interface once, adding key and status_label', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get('/interfaces')
			.query({})
			.reply(200, [KEY, KEY_2, 'not-read'])
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(200, { date_creation: '2017-11-10 10:04:10', statut: 1, url: 'http://nomdusite.com' })
			.get(`/interfaces/${KEY_2}`)
			.query({})
			.reply(200, { date_creation: '2018-01-01 09:00:00', statut: 3, url_formulaire: 'https://form' });
		const { items } = await h.execute({
			node: saNode({ resource: 'interface', operation: 'getAll', returnAll: false, limit: 2, options: { includeDetails: true } }),
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{
				json: { key: KEY, date_creation: '2017-11-10 10:04:10', statut: 1, url: 'http://nomdusite.com', status_label: 'active' },
				pairedItem: { item: 0 },
			},
			{
				json: { key: KEY_2, date_creation: '2018-01-01 09:00:00', statut: 3, url_formulaire: 'https://form', status_label: 'installing' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Get Many reads a list wrapped in an object from its first array', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get('/interfaces').query({}).reply(200, { total: 1, interfaces: [KEY] });
		const { items } = await h.execute({ node: saNode({ resource: 'interface', operation: 'getAll', returnAll: true }) });
		token.done();
		scope.done();
		expect(items.map((i) => i.json)).toEqual([{ key: KEY }]);
	});

	it('Get reads one interface per item, labels every status, and URL-encodes the key', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(200, { statut: 2, date_suppression: '2025-03-01 00:00:00' })
			.get('/interfaces/a%20b')
			.query({})
			.reply(200, { statut: 0 })
			.get('/interfaces/odd')
			.query({})
			.reply(200, { statut: 7 });
		const { items } = await h.execute({
			node: saNode({ resource: 'interface', operation: 'get', interface: '={{ $json.rl }}' }),
			input: [{ rl: byKey(KEY) }, { rl: byKey('a b') }, { rl: { __rl: true, mode: 'list', value: 'odd' } }],
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: { key: KEY, statut: 2, date_suppression: '2025-03-01 00:00:00', status_label: 'deactivated' }, pairedItem: { item: 0 } },
			{ json: { key: 'a b', statut: 0, status_label: 'deleted' }, pairedItem: { item: 1 } },
			{ json: { key: 'odd', statut: 7, status_label: 'unknown' }, pairedItem: { item: 2 } },
		]);
	});

	it('Get refuses an empty key or one with "/" before any request, per item with Continue On Fail', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get(`/interfaces/${KEY}`).query({}).reply(200, { statut: 1 });
		const { items } = await h.execute({
			node: saNode({ resource: 'interface', operation: 'get', interface: '={{ $json.rl }}' }, { continueOnFail: true }),
			input: [{ rl: byKey('') }, { rl: byKey('a/b') }, { rl: byKey(KEY) }],
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{
				json: { error: { message: 'Interface is empty on item 0', description: 'Pick an interface from the list or enter its key alone, e.g. e831c78b-a576-4aad-8d5f-d594b0ccadbe.' } },
				pairedItem: { item: 0 },
			},
			{
				json: {
					error: {
						message: "Interface 'a/b' on item 1 contains \"/\"",
						description: 'Pick an interface from the list or enter its key alone, e.g. e831c78b-a576-4aad-8d5f-d594b0ccadbe.',
					},
				},
				pairedItem: { item: 1 },
			},
			{ json: { key: KEY, statut: 1, status_label: 'active' }, pairedItem: { item: 2 } },
		]);
	});
});
