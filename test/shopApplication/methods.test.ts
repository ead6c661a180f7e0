import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { api, CATALOGUE, KEY, KEY_2, saHarness, saNode, tokenScope } from './helpers';

describe('Shop Application pickers', () => {
	it('labels catalogue codes with name, kind (setup, subscription, module), price and what they need, read once per 10-minute window', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get('/prestations')
			.query({})
			.reply(200, ['IN-BTQST-S', 'IN-BTQZ-AMM', 'MO-ARTCRITERES-S'])
			.get('/prestation/IN-BTQST-S')
			.reply(200, { ...CATALOGUE['IN-BTQST-S'], descriptif_court: 'Une boutique en ligne' })
			.get('/prestation/IN-BTQZ-AMM')
			.reply(200, CATALOGUE['IN-BTQZ-AMM'])
			.get('/prestation/MO-ARTCRITERES-S')
			.reply(200, { nom: 'Module critères' });
		const load = async () =>
			await h.loadOptions<INodePropertyOptions[]>({ node: saNode({}), kind: 'loadOptions', method: 'getPrestationCodes' });
		const options = await load();
		const again = await load();
		token.done();
		scope.done();
		expect(options).toEqual([
			{
				name: 'IN-BTQST-S — Boutique Standard (setup, 490 € excl. VAT)',
				value: 'IN-BTQST-S',
				description: 'Needs one of IN-BTQZ-AMM, IN-BTQZ-AMA in the same order. Une boutique en ligne',
			},
			{ name: 'IN-BTQZ-AMM — Abonnement mensuel (subscription, 29.9 € excl. VAT)', value: 'IN-BTQZ-AMM' },
			{ name: 'MO-ARTCRITERES-S — Module critères (module)', value: 'MO-ARTCRITERES-S' },
		]);
		expect(again).toEqual(options);
	});

	it('lists codes alone, without detail requests, past 100 codes', async () => {
		const h = saHarness();
		const token = tokenScope();
		const codes = [...Array.from({ length: 100 }, (_, n) => `MO-${n}`), 'IN-X-S'];
		const scope = api().get('/prestations').query({}).reply(200, codes);
		const options = await h.loadOptions<INodePropertyOptions[]>({
			node: saNode({}),
			kind: 'loadOptions',
			method: 'getPrestationCodes',
		});
		token.done();
		scope.done();
		expect(options).toHaveLength(101);
		expect(options[0]).toEqual({ name: 'MO-0', value: 'MO-0' });
		expect(options[100]).toEqual({ name: 'IN-X-S (setup)', value: 'IN-X-S' });
	});
});
