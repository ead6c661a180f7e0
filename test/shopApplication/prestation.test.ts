import { api, CATALOGUE, saHarness, saNode, tokenScope } from './helpers';

describe('Shop Application Prestation (catalogue) → Get Many / Get', () => {
	it('Get Many returns the codes, limited client-side', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get('/prestations').query({}).reply(200, ['IN-BTQST-S', 'IN-BTQZ-AMM', 'MO-ARTCRITERES-S']);
		const { items } = await h.execute({
			node: saNode({ resource: 'prestation', operation: 'getAll', returnAll: false, limit: 2 }),
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: { code: 'IN-BTQST-S' }, pairedItem: { item: 0 } },
			{ json: { code: 'IN-BTQZ-AMM' }, pairedItem: { item: 0 } },
		]);
	});

	it('Get Many with Include Details reads GET /prestation/{code} (singular) for each kept code, setting a missing code', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get('/prestations')
			.query({})
			.reply(200, ['MO-ARTCRITERES-S', 'IN-BTQST-S', 'IN-CAISSE-S'])
			.get('/prestation/MO-ARTCRITERES-S')
			.query({})
			.reply(200, CATALOGUE['MO-ARTCRITERES-S'])
			.get('/prestation/IN-BTQST-S')
			.query({})
			.reply(200, CATALOGUE['IN-BTQST-S']);
		const { items } = await h.execute({
			node: saNode({ resource: 'prestation', operation: 'getAll', returnAll: false, limit: 2, options: { includeDetails: true } }),
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: { ...CATALOGUE['MO-ARTCRITERES-S'], code: 'MO-ARTCRITERES-S' }, pairedItem: { item: 0 } },
			{ json: CATALOGUE['IN-BTQST-S'], pairedItem: { item: 0 } },
		]);
	});

	it('Get reads one code per item; the same code is read once per execution', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get('/prestation/IN-BTQST-S')
			.query({})
			.reply(200, CATALOGUE['IN-BTQST-S'])
			.get('/prestation/IN-CAISSE-S')
			.query({})
			.reply(200, CATALOGUE['IN-CAISSE-S']);
		const { items } = await h.execute({
			node: saNode({ resource: 'prestation', operation: 'get', prestationCode: '={{ $json.code }}' }),
			input: [{ code: 'IN-BTQST-S' }, { code: 'in-caisse-s' }, { code: 'IN-BTQST-S' }],
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: CATALOGUE['IN-BTQST-S'], pairedItem: { item: 0 } },
			{ json: CATALOGUE['IN-CAISSE-S'], pairedItem: { item: 1 } },
			{ json: CATALOGUE['IN-BTQST-S'], pairedItem: { item: 2 } },
		]);
	});
});
