import { api, catalogueScope, saHarness, saNode, tokenScope } from './helpers';

const SA_KEY = 'a4be38de-c03d-446f-94e7-b90784f35bc8';

function create(parameters: Record<string, unknown> = {}, extra = {}) {
	return saNode(
		{
			resource: 'interface',
			operation: 'create',
			guid: 'order-42',
			prestations: ['IN-BTQST-S', 'IN-BTQZ-AMM'],
			clientLastName: 'Martin',
			clientEmail: 'marie@boulangerie.fr',
			...parameters,
		},
		extra,
	);
}

describe('Shop Application Interface → Create', () => {
	it('validates against the catalogue, then sends guid, codes, client (empty fields omitted) and sous_domaine', async () => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(['IN-BTQST-S', 'IN-BTQZ-AMM', 'MO-ARTCRITERES-S']);
		const order = api()
			.post('/interfaces', {
				guid: 'order-42',
				prestations: ['IN-BTQST-S', 'IN-BTQZ-AMM', 'MO-ARTCRITERES-S', 'MO-ARTCRITERES-S'],
				client: { nom: 'Martin', email: 'marie@boulangerie.fr', prenom: 'Marie', societe: 'Boulangerie Martin', pays: 'France' },
				sous_domaine: 'boulangerie-martin',
			})
			.query({})
			.matchHeader('content-type', /application\/json/)
			.reply(200, { sa_key: SA_KEY });
		const { items, error } = await h.execute({
			node: create({
				prestations: [' in-btqst-s ', 'IN-BTQZ-AMM', 'MO-ARTCRITERES-S', 'MO-ARTCRITERES-S'],
				clientFields: { firstName: 'Marie', company: 'Boulangerie Martin', country: 'France', phone: '  ', city: '' },
				additionalFields: { subDomain: 'Boulangerie-Martin' },
			}),
		});
		expect(error).toBeUndefined();
		token.done();
		catalogue.done();
		order.done();
		expect(items).toEqual([{ json: { sa_key: SA_KEY, key: SA_KEY, guid: 'order-42' }, pairedItem: { item: 0 } }]);
	});

	it('accepts a comma-separated expression and reads the catalogue once for all items of the run', async () => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(['IN-CAISSE-S']);
		const orders = api()
			.post('/interfaces', (body: { guid: string; prestations: string[] }) => body.prestations.join() === 'IN-CAISSE-S')
			.times(2)
			.reply(200, (_uri, body) => ({ sa_key: `key-${(body as { guid: string }).guid}` }));
		const { items } = await h.execute({
			node: create({ guid: '={{ $json.id }}', prestations: '={{ $json.codes }}' }),
			input: [
				{ id: 'a', codes: 'in-caisse-s' },
				{ id: 'b', codes: 'IN-CAISSE-S,' },
			],
		});
		token.done();
		catalogue.done();
		orders.done();
		expect(items).toEqual([
			{ json: { sa_key: 'key-a', key: 'key-a', guid: 'a' }, pairedItem: { item: 0 } },
			{ json: { sa_key: 'key-b', key: 'key-b', guid: 'b' }, pairedItem: { item: 1 } },
		]);
	});

	it.each([
		[
			'no setup',
			['IN-BTQZ-AMM'],
			['The order has no setup prestation (IN-…-S); exactly one is required'],
			['IN-BTQZ-AMM'],
		],
		[
			'two setups',
			['IN-BTQST-S', 'IN-CAISSE-S', 'IN-BTQZ-AMA'],
			['The order has 2 setup prestations (IN-BTQST-S, IN-CAISSE-S); exactly one is required'],
			['IN-BTQST-S', 'IN-CAISSE-S', 'IN-BTQZ-AMA'],
		],
		[
			'an unknown code',
			['IN-CAISSE-S', 'XX-NOPE'],
			['Unknown prestation code XX-NOPE (not in your Shop Application catalogue)'],
			['IN-CAISSE-S'],
		],
		[
			'a missing associated code',
			['IN-BTQST-S'],
			['IN-BTQST-S needs one of IN-BTQZ-AMM, IN-BTQZ-AMA in the same order'],
			['IN-BTQST-S'],
		],
	])('refuses an order with %s before sending it', async (_name, codes, problems, detailed) => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(detailed);
		const { error } = await h.execute({ node: create({ prestations: codes }) });
		token.done();
		catalogue.done();
		expect(error?.message).toBe(`Interface order not sent (item 0): ${problems[0]}`);
		expect(error?.description).not.toContain("<li>");
		expect(error?.description).toContain('Nothing was sent to Shop Application.');
	});

	it('lists every problem of an item in one error (fields and order rules), sending nothing', async () => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(['IN-BTQST-S', 'MO-STATS-AMM', 'IN-CAISSE-S']);
		const { error } = await h.execute({
			node: create({
				guid: ' ',
				clientEmail: 'not-an-email',
				prestations: ['IN-BTQST-S', 'IN-CAISSE-S', 'MO-STATS-AMM', 'ZZ-1', 'ZZ-2'],
				additionalFields: { subDomain: '-bad-' },
			}),
		});
		token.done();
		catalogue.done();
		expect(error?.message).toBe('Interface order not sent (item 0): 7 problems');
		expect(error?.description).toBe(
			[
				'<ul>',
				'<li>Your Interface ID is empty</li>',
				"<li>Client Email 'not-an-email' is not an e-mail address</li>",
				'<li>Sub-Domain \'-bad-\' must be 1–63 letters a–z, digits or "-", not starting or ending with "-"</li>',
				'<li>The order has 2 setup prestations (IN-BTQST-S, IN-CAISSE-S); exactly one is required</li>',
				'<li>Unknown prestation codes ZZ-1, ZZ-2 (not in your Shop Application catalogue)</li>',
				'<li>IN-BTQST-S needs one of IN-BTQZ-AMM, IN-BTQZ-AMA in the same order</li>',
				'<li>MO-STATS-AMM needs one of MO-STATS-S in the same order</li>',
				'</ul>',
				'Nothing was sent to Shop Application. Correct the fields above, or turn off "Validate Before Sending" to let Shop Application judge the prestations.',
			].join('\n'),
		);
	});

	it('refuses an empty order without any request, and goes on with the next item under Continue On Fail', async () => {
		const h = saHarness();
		const token = tokenScope();
		const catalogue = catalogueScope(['IN-CAISSE-S']);
		const order = api().post('/interfaces').reply(200, { sa_key: 'k2' });
		const { items } = await h.execute({
			node: create({ prestations: '={{ $json.codes }}' }, { continueOnFail: true }),
			input: [{ codes: [] }, { codes: ['IN-CAISSE-S'] }],
		});
		token.done();
		catalogue.done();
		order.done();
		expect(items[0]).toEqual({
			json: {
				error: {
					message: 'Interface order not sent (item 0): The order has no prestation codes; at least one is required',
					description: expect.stringContaining('Nothing was sent to Shop Application.'),
				},
			},
			pairedItem: { item: 0 },
		});
		expect(items[1]).toEqual({ json: { sa_key: 'k2', key: 'k2', guid: 'order-42' }, pairedItem: { item: 1 } });
	});

	it('sends the order as is with Validate Before Sending off, and shows the API refusal', async () => {
		const h = saHarness();
		const token = tokenScope();
		const order = api()
			.post('/interfaces', (b: { prestations: string[] }) => b.prestations.join() === 'IN-BTQST-S,IN-CAISSE-S')
			.reply(200, { error: true, message: 'Une seule prestation de setup est autorisée' });
		const { error } = await h.execute({
			node: create({ prestations: ['IN-BTQST-S', 'IN-CAISSE-S'], options: { validateOrder: false } }),
		});
		token.done();
		order.done();
		expect(error?.message).toBe('Une seule prestation de setup est autorisée');
	});

	it('keeps the catalogue detail cache per execution (a new run reads it again)', async () => {
		const h = saHarness();
		const token = tokenScope();
		const first = catalogueScope(['IN-CAISSE-S']);
		const second = catalogueScope(['IN-CAISSE-S']);
		const orders = api().post('/interfaces').times(2).reply(200, { sa_key: 'k' });
		await h.execute({ node: create({ prestations: ['IN-CAISSE-S'] }) });
		await h.execute({ node: create({ prestations: ['IN-CAISSE-S'] }) });
		[token, first, second, orders].forEach((s) => s.done());
	});
});
