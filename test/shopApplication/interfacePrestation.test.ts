import { api, byKey, KEY, saHarness, saNode, tokenScope } from './helpers';

const OCCURRENCE = {
	code: 'IN-CAISSE-S',
	date_creation: '2018-12-19 11:44:22',
	resilie: false,
	date_resiliation: '',
	reference_unique: '5c34c58c2121e',
};

describe('Shop Application Interface Prestation → Get Many / Get / Terminate', () => {
	it('Get Many returns one item per listed code (duplicates kept), limited client-side', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get(`/interfaces/${KEY}/prestations`)
			.query({})
			.reply(200, ['IN-BTQST-S', 'MO-X', 'MO-X', 'IN-BTQZ-AMM']);
		const { items } = await h.execute({
			node: saNode({ resource: 'interfacePrestation', operation: 'getAll', interface: byKey(KEY), returnAll: false, limit: 3 }),
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: { key: KEY, code: 'IN-BTQST-S' }, pairedItem: { item: 0 } },
			{ json: { key: KEY, code: 'MO-X' }, pairedItem: { item: 0 } },
			{ json: { key: KEY, code: 'MO-X' }, pairedItem: { item: 0 } },
		]);
	});

	it('Get Many with Include Details reads each distinct code once and returns every occurrence', async () => {
		const h = saHarness();
		const token = tokenScope();
		const second = { ...OCCURRENCE, code: 'MO-X', reference_unique: 'r2', resilie: true, date_resiliation: '2024-01-01 00:00:00' };
		const scope = api()
			.get(`/interfaces/${KEY}/prestations`)
			.query({})
			.reply(200, ['IN-CAISSE-S', 'MO-X', 'MO-X'])
			.get(`/interfaces/${KEY}/prestations/IN-CAISSE-S`)
			.query({})
			.reply(200, [OCCURRENCE])
			.get(`/interfaces/${KEY}/prestations/MO-X`)
			.query({})
			.reply(200, [second, { ...second, reference_unique: 'r3', resilie: false, date_resiliation: '' }]);
		const { items } = await h.execute({
			node: saNode({
				resource: 'interfacePrestation',
				operation: 'getAll',
				interface: byKey(KEY),
				returnAll: true,
				options: { includeDetails: true },
			}),
		});
		token.done();
		scope.done();
		expect(items.map((i) => [i.json.code, i.json.reference_unique, i.json.key, i.pairedItem])).toEqual([
			['IN-CAISSE-S', '5c34c58c2121e', KEY, { item: 0 }],
			['MO-X', 'r2', KEY, { item: 0 }],
			['MO-X', 'r3', KEY, { item: 0 }],
		]);
		expect(items[0].json).toEqual({ key: KEY, ...OCCURRENCE });
	});

	it('Get returns one item per occurrence, with the code upper-cased', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get(`/interfaces/${KEY}/prestations/IN-CAISSE-S`)
			.query({})
			.reply(200, [OCCURRENCE, { ...OCCURRENCE, reference_unique: 'second' }]);
		const { items } = await h.execute({
			node: saNode({ resource: 'interfacePrestation', operation: 'get', interface: byKey(KEY), prestationCode: ' in-caisse-s' }),
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: { key: KEY, ...OCCURRENCE }, pairedItem: { item: 0 } },
			{ json: { key: KEY, ...OCCURRENCE, reference_unique: 'second' }, pairedItem: { item: 0 } },
		]);
	});

	it('Terminate by unique reference ends one occurrence', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.delete(`/interfaces/${KEY}/prestations/5c34c58c2121e`)
			.query({})
			.reply(200, [{ code: 'MO-ARTCRITERES-S', reference_unique: '5c34c58c2121e' }]);
		const { items } = await h.execute({
			node: saNode({ resource: 'interfacePrestation', operation: 'terminate', interface: byKey(KEY), reference: ' 5c34c58c2121e ' }),
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: { key: KEY, code: 'MO-ARTCRITERES-S', reference_unique: '5c34c58c2121e' }, pairedItem: { item: 0 } },
		]);
	});

	it('Terminate by code ends every occurrence, one item each', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.delete(`/interfaces/${KEY}/prestations/MO-X`)
			.query({})
			.reply(200, [
				{ code: 'MO-X', reference_unique: 'r1' },
				{ code: 'MO-X', reference_unique: 'r2' },
			]);
		const { items } = await h.execute({
			node: saNode({
				resource: 'interfacePrestation',
				operation: 'terminate',
				interface: byKey(KEY),
				terminateBy: 'code',
				prestationCode: 'MO-X',
			}),
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: { key: KEY, code: 'MO-X', reference_unique: 'r1' }, pairedItem: { item: 0 } },
			{ json: { key: KEY, code: 'MO-X', reference_unique: 'r2' }, pairedItem: { item: 0 } },
		]);
	});

	it('Terminate refuses an empty reference before any request', async () => {
		const h = saHarness();
		const { error } = await h.execute({
			node: saNode({ resource: 'interfacePrestation', operation: 'terminate', interface: byKey(KEY), reference: '  ' }),
		});
		expect(error?.message).toBe('Occurrence is empty on item 0');
		expect(h.credentials.events.preAuthentications).toBe(0);
	});
});
