import { api, byKey, catalogueScope, KEY, saHarness, saNode, tokenScope } from './helpers';

function add(parameters: Record<string, unknown>, extra = {}) {
	return saNode({ resource: 'interfacePrestation', operation: 'add', interface: byKey(KEY), ...parameters }, extra);
}

describe('Shop Application Interface Prestation → Add', () => {
	it('sends the codes as a bare JSON array and returns one item per added prestation', async () => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(['MO-ARTCRITERES-S']);
		const order = api()
			.post(`/interfaces/${KEY}/prestations`, ['MO-ARTCRITERES-S', 'MO-ARTCRITERES-S'])
			.query({})
			.reply(200, [
				{ code: 'MO-ARTCRITERES-S', reference_unique: 'r1' },
				{ code: 'MO-ARTCRITERES-S', reference_unique: 'r2', url_formulaire: 'https://form' },
			]);
		const { items, error } = await h.execute({ node: add({ prestations: ['mo-artcriteres-s', 'MO-ARTCRITERES-S'] }) });
		expect(error).toBeUndefined();
		token.done();
		catalogue.done();
		order.done();
		expect(items).toEqual([
			{ json: { key: KEY, code: 'MO-ARTCRITERES-S', reference_unique: 'r1' }, pairedItem: { item: 0 } },
			{
				json: { key: KEY, code: 'MO-ARTCRITERES-S', reference_unique: 'r2', url_formulaire: 'https://form' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends {"prestations": [...]} with the object body format', async () => {
		const h = saHarness();
		const token = tokenScope();
		const order = api()
			.post(`/interfaces/${KEY}/prestations`, { prestations: ['MO-ARTCRITERES-S'] })
			.reply(200, [{ code: 'MO-ARTCRITERES-S', reference_unique: 'r1' }]);
		const { items } = await h.execute({
			node: add({ prestations: ['MO-ARTCRITERES-S'], options: { validateOrder: false, bodyFormat: 'object' } }),
		});
		token.done();
		order.done();
		expect(items.map((i) => i.json)).toEqual([{ key: KEY, code: 'MO-ARTCRITERES-S', reference_unique: 'r1' }]);
	});

	it('refuses a setup on Add, with every other problem, before sending', async () => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(['IN-CAISSE-S']);
		const { error } = await h.execute({ node: add({ prestations: ['IN-CAISSE-S', 'NOPE'] }) });
		token.done();
		catalogue.done();
		expect(error?.message).toBe('Prestation order not sent (item 0): 2 problems');
		expect(error?.description).toContain(
			'<li>IN-CAISSE-S is a setup prestation; a setup can only be ordered with a new interface (Interface → Create)</li>\n<li>Unknown prestation code NOPE (not in your Shop Application catalogue)</li>',
		);
	});

	it('accepts a prestation whose associated code is active on the interface (R4)', async () => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(['MO-STATS-AMM']);
		const onInterface = api()
			.get(`/interfaces/${KEY}/prestations`)
			.query({})
			.reply(200, ['IN-BTQST-S', 'MO-STATS-S'])
			.get(`/interfaces/${KEY}/prestations/MO-STATS-S`)
			.query({})
			.reply(200, [
				{ code: 'MO-STATS-S', resilie: true, reference_unique: 'old' },
				{ code: 'MO-STATS-S', resilie: false, reference_unique: 'live' },
			]);
		const order = api()
			.post(`/interfaces/${KEY}/prestations`, ['MO-STATS-AMM'])
			.reply(200, [{ code: 'MO-STATS-AMM', reference_unique: 'r9' }]);
		const { items } = await h.execute({ node: add({ prestations: ['MO-STATS-AMM'] }) });
		[token, catalogue, onInterface, order].forEach((s) => s.done());
		expect(items.map((i) => i.json)).toEqual([{ key: KEY, code: 'MO-STATS-AMM', reference_unique: 'r9' }]);
	});

	it('refuses it when the associated code on the interface is terminated', async () => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(['MO-STATS-AMM']);
		const onInterface = api()
			.get(`/interfaces/${KEY}/prestations`)
			.query({})
			.reply(200, ['MO-STATS-S'])
			.get(`/interfaces/${KEY}/prestations/MO-STATS-S`)
			.query({})
			.reply(200, [{ code: 'MO-STATS-S', resilie: true, reference_unique: 'old' }]);
		const { error } = await h.execute({ node: add({ prestations: ['MO-STATS-AMM'] }) });
		[token, catalogue, onInterface].forEach((s) => s.done());
		expect(error?.message).toBe(
			'Prestation order not sent (item 0): MO-STATS-AMM needs one of MO-STATS-S in the same order or active on the interface',
		);
	});

	it('does not look at the interface when the order holds the associated code', async () => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(['MO-STATS-AMM', 'MO-STATS-S']);
		const order = api()
			.post(`/interfaces/${KEY}/prestations`, ['MO-STATS-AMM', 'MO-STATS-S'])
			.reply(200, [
				{ code: 'MO-STATS-AMM', reference_unique: 'a' },
				{ code: 'MO-STATS-S', reference_unique: 'b' },
			]);
		const { items } = await h.execute({ node: add({ prestations: 'MO-STATS-AMM, MO-STATS-S' }) });
		[token, catalogue, order].forEach((s) => s.done());
		expect(items).toHaveLength(2);
	});
});
