import { api, byKey, CATALOGUE, KEY, saHarness, saNode, tokenScope } from './helpers';

const DETAILS = {
	date_creation: '2017-11-10 10:04:10',
	statut: 2,
	url: 'http://nomdusite.com',
	url_administration: 'http://nomdusite.com/superadmin/',
	date_suppression: '2018-02-08 10:04:10',
};

describe('Shop Application Simplify', () => {
	it('is on for new (version 2) nodes: English names and typed values', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(200, DETAILS)
			.get(`/interfaces/${KEY}/prestations/IN-BTQZ-AMM`)
			.query({})
			.reply(200, [
				{ code: 'IN-BTQZ-AMM', date_creation: '2018-12-19 11:44:22', resilie: '1', date_resiliation: '2019-01-01 00:00:00', reference_unique: 'r1' },
				{ code: 'IN-BTQZ-AMM', date_creation: '2019-02-01 09:00:00', resilie: false, date_resiliation: '', reference_unique: 'r2' },
			])
			.get('/prestation/IN-BTQST-S')
			.reply(200, { ...CATALOGUE['IN-BTQST-S'], prix: '490,50', descriptif_court: 'Une boutique' });
		const v2 = { typeVersion: 2 };
		const site = await h.execute({ node: saNode({ resource: 'interface', operation: 'get', interface: byKey(KEY) }, v2) });
		const occurrences = await h.execute({
			node: saNode({ resource: 'interfacePrestation', operation: 'get', interface: byKey(KEY), prestationCode: 'IN-BTQZ-AMM' }, v2),
		});
		const prestation = await h.execute({ node: saNode({ resource: 'prestation', operation: 'get', prestationCode: 'IN-BTQST-S' }, v2) });
		token.done();
		scope.done();
		expect(site.items).toEqual([
			{
				json: {
					key: KEY,
					createdAt: '2017-11-10 10:04:10',
					statusCode: 2,
					siteUrl: 'http://nomdusite.com',
					adminUrl: 'http://nomdusite.com/superadmin/',
					deletionDate: '2018-02-08 10:04:10',
					status: 'deactivated',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(occurrences.items.map((i) => i.json)).toEqual([
			{ key: KEY, code: 'IN-BTQZ-AMM', createdAt: '2018-12-19 11:44:22', terminated: true, terminatedAt: '2019-01-01 00:00:00', uniqueReference: 'r1' },
			{ key: KEY, code: 'IN-BTQZ-AMM', createdAt: '2019-02-01 09:00:00', terminated: false, terminatedAt: null, uniqueReference: 'r2' },
		]);
		expect(prestation.items).toEqual([
			{
				json: {
					code: 'IN-BTQST-S',
					name: 'Boutique Standard',
					priceExclVat: 490.5,
					requiresOneOf: ['IN-BTQZ-AMM', 'IN-BTQZ-AMA'],
					shortDescription: 'Une boutique',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('off, or on a version 1 node saved before it existed, gives the raw record', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get(`/interfaces/${KEY}`).query({}).twice().reply(200, DETAILS);
		const raw = { key: KEY, ...DETAILS, status_label: 'deactivated' };
		const off = await h.execute({
			node: saNode({ resource: 'interface', operation: 'get', interface: byKey(KEY), simplify: false }, { typeVersion: 2 }),
		});
		const v1 = await h.execute({ node: saNode({ resource: 'interface', operation: 'get', interface: byKey(KEY) }) });
		token.done();
		scope.done();
		expect(off.items).toEqual([{ json: raw, pairedItem: { item: 0 } }]);
		expect(v1.items).toEqual([{ json: raw, pairedItem: { item: 0 } }]);
	});

	it('drops the duplicate sa_key of Create and names your own ID', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.post('/interfaces', { guid: 'CMD-42', prestations: ['IN-CAISSE-S'], client: { nom: 'Martin', email: 'marie@example.com' } })
			.reply(200, { sa_key: KEY });
		const { items } = await h.execute({
			node: saNode(
				{
					resource: 'interface',
					operation: 'create',
					guid: 'CMD-42',
					prestations: ['IN-CAISSE-S'],
					clientLastName: 'Martin',
					clientEmail: 'marie@example.com',
					options: { validateOrder: false },
				},
				{ typeVersion: 2 },
			),
		});
		token.done();
		scope.done();
		expect(items).toEqual([{ json: { key: KEY, yourInterfaceId: 'CMD-42' }, pairedItem: { item: 0 } }]);
	});
});
