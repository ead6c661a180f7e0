import type { INodeListSearchResult } from 'n8n-workflow';

import { clock } from '../../nodes/shared';
import { api, byKey, CATALOGUE, KEY, KEY_2, saHarness, saNode, tokenScope } from './helpers';

const ACTIVE = {
	date_creation: '2017-11-10 10:04:10',
	statut: 1,
	url: 'https://www.boutique-martin.fr/',
	url_administration: 'https://www.boutique-martin.fr/superadmin/',
};
const INSTALLING = { date_creation: '2024-05-02 09:00:00', statut: 3, url_formulaire: 'https://forms.test/x' };

async function searchInterfaces(h: ReturnType<typeof saHarness>, filter?: string, paginationToken?: string) {
	return await h.loadOptions<INodeListSearchResult>({
		node: saNode({}),
		kind: 'listSearch',
		method: 'searchInterfaces',
		filter,
		paginationToken,
	});
}

describe('Shop Application interface picker', () => {
	it('labels interfaces with site address and status, and searches them without new requests for 2 minutes', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get('/interfaces')
			.query({})
			.reply(200, [KEY, KEY_2])
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(200, ACTIVE)
			.get(`/interfaces/${KEY_2}`)
			.query({})
			.reply(200, INSTALLING);
		const all = await searchInterfaces(h);
		const bySite = await searchInterfaces(h, 'boutique-martin');
		const byStatus = await searchInterfaces(h, 'Installing');
		const byKey = await searchInterfaces(h, KEY_2.slice(0, 8).toUpperCase());
		token.done();
		scope.done();
		const martin = {
			name: 'boutique-martin.fr (active)',
			value: KEY,
			description: `Key ${KEY}, created 2017-11-10 10:04:10`,
			url: ACTIVE.url_administration,
		};
		const installing = {
			name: 'no site address yet (installing)',
			value: KEY_2,
			description: `Key ${KEY_2}, created 2024-05-02 09:00:00`,
		};
		expect(all).toEqual({ results: [martin, installing] });
		expect(bySite).toEqual({ results: [martin] });
		expect(byStatus).toEqual({ results: [installing] });
		expect(byKey).toEqual({ results: [installing] });
	});

	it('leads with your own interface ID when the API sends it back', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get('/interfaces')
			.query({})
			.reply(200, [KEY])
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(200, { ...ACTIVE, guid: 'CMD-2024-0042' });
		const found = await searchInterfaces(h, 'cmd-2024');
		token.done();
		scope.done();
		expect(found.results.map((r) => r.name)).toEqual(['CMD-2024-0042 — boutique-martin.fr (active)']);
	});

	it('reads details 20 interfaces at a time and hands the editor a token for the next page', async () => {
		const h = saHarness();
		const token = tokenScope();
		const keys = Array.from({ length: 25 }, (_, n) => `k${String(n).padStart(2, '0')}`);
		const scope = api().get('/interfaces').query({}).reply(200, keys);
		for (const key of keys) {
			scope.get(`/interfaces/${key}`).query({}).reply(200, { ...ACTIVE, url: `https://${key}.example.com` });
		}
		const first = await searchInterfaces(h);
		expect(scope.pendingMocks()).toHaveLength(5);
		const second = await searchInterfaces(h, undefined, first.paginationToken);
		token.done();
		scope.done();
		expect(first.results).toHaveLength(20);
		expect(first.paginationToken).toBe('20');
		expect(second.results.map((r) => r.name)).toEqual(keys.slice(20).map((k) => `${k}.example.com (active)`));
		expect(second.paginationToken).toBeUndefined();
	});

	it('reads the list again after 2 minutes', async () => {
		const h = saHarness();
		const now = jest.spyOn(clock, 'now').mockReturnValue(Date.UTC(2026, 0, 1, 10, 0, 0));
		const token = tokenScope();
		const scope = api()
			.get('/interfaces')
			.query({})
			.twice()
			.reply(200, [KEY])
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(200, ACTIVE)
			.get(`/interfaces/${KEY}`)
			.query({})
			.reply(200, { ...ACTIVE, statut: 2 });
		await searchInterfaces(h);
		now.mockReturnValue(Date.UTC(2026, 0, 1, 10, 2, 0));
		const later = await searchInterfaces(h);
		token.done();
		scope.done();
		expect(later.results[0].name).toBe('boutique-martin.fr (deactivated)');
		now.mockRestore();
	});

	it('By URL finds the interface whose site or admin address it is, then runs the operation on its key', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get('/interfaces')
			.query({})
			.reply(200, [KEY_2, KEY])
			.get(`/interfaces/${KEY_2}`)
			.query({})
			.reply(200, INSTALLING)
			.get(`/interfaces/${KEY}`)
			.query({})
			.twice()
			.reply(200, ACTIVE);
		const { items } = await h.execute({
			node: saNode({
				resource: 'interface',
				operation: 'get',
				interface: { __rl: true, mode: 'url', value: 'http://boutique-martin.fr/superadmin/orders?page=2' },
			}),
		});
		token.done();
		scope.done();
		expect(items).toEqual([{ json: { key: KEY, ...ACTIVE, status_label: 'active' }, pairedItem: { item: 0 } }]);
	});

	it('By URL names the address when no interface has it', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get('/interfaces').query({}).reply(200, [KEY]).get(`/interfaces/${KEY}`).query({}).reply(200, ACTIVE);
		const { error } = await h.execute({
			node: saNode({ resource: 'interface', operation: 'get', interface: { __rl: true, mode: 'url', value: 'https://other.example.com' } }),
		});
		token.done();
		scope.done();
		expect(error?.message).toBe('No interface has the address https://other.example.com (item 0)');
	});
});

describe('Shop Application occurrence picker (Terminate)', () => {
	const occurrence = (code: string, reference: string, extra: Record<string, unknown> = {}) => ({
		code,
		date_creation: '2024-03-01 08:00:00',
		resilie: false,
		date_resiliation: '',
		reference_unique: reference,
		...extra,
	});

	it('lists the occurrences of the interface chosen in the node, with name, date and state, searchable', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.get(`/interfaces/${KEY}/prestations`)
			.query({})
			.twice()
			.reply(200, ['IN-BTQST-S', 'IN-BTQZ-AMM', 'IN-BTQZ-AMM'])
			.get('/prestation/IN-BTQST-S')
			.reply(200, CATALOGUE['IN-BTQST-S'])
			.get('/prestation/IN-BTQZ-AMM')
			.reply(200, CATALOGUE['IN-BTQZ-AMM'])
			.get(`/interfaces/${KEY}/prestations/IN-BTQST-S`)
			.query({})
			.twice()
			.reply(200, [occurrence('IN-BTQST-S', 'ref-setup')])
			.get(`/interfaces/${KEY}/prestations/IN-BTQZ-AMM`)
			.query({})
			.twice()
			.reply(200, [
				occurrence('IN-BTQZ-AMM', 'ref-old', { resilie: true, date_resiliation: '2024-04-01 00:00:00' }),
				occurrence('IN-BTQZ-AMM', 'ref-new', { date_creation: '2024-04-02 10:00:00' }),
			]);
		const node = saNode({ resource: 'interfacePrestation', operation: 'terminate', interface: byKey(KEY) });
		const all = await h.loadOptions<INodeListSearchResult>({ node, kind: 'listSearch', method: 'searchOccurrences' });
		const active = await h.loadOptions<INodeListSearchResult>({
			node,
			kind: 'listSearch',
			method: 'searchOccurrences',
			filter: 'Mensuel  active',
		});
		token.done();
		scope.done();
		expect(all.results).toEqual([
			{ name: 'IN-BTQST-S (active) — Boutique Standard, ordered 2024-03-01 08:00:00', value: 'ref-setup', description: 'Unique reference ref-setup' },
			{ name: 'IN-BTQZ-AMM (terminated 2024-04-01 00:00:00) — Abonnement mensuel, ordered 2024-03-01 08:00:00', value: 'ref-old', description: 'Unique reference ref-old' },
			{ name: 'IN-BTQZ-AMM (active) — Abonnement mensuel, ordered 2024-04-02 10:00:00', value: 'ref-new', description: 'Unique reference ref-new' },
		]);
		expect(active.results.map((r) => r.value)).toEqual(['ref-new']);
	});

	it('lists nothing, without a request, until an interface is chosen', async () => {
		const h = saHarness();
		const node = saNode({ resource: 'interfacePrestation', operation: 'terminate', interface: { __rl: true, mode: 'list', value: '' } });
		const found = await h.loadOptions<INodeListSearchResult>({ node, kind: 'listSearch', method: 'searchOccurrences' });
		expect(found).toEqual({ results: [] });
		expect(h.credentials.events.preAuthentications).toBe(0);
	});

	it('Terminate sends the picked occurrence; a reference saved as plain text still works', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.delete(`/interfaces/${KEY}/prestations/ref-new`)
			.reply(200, [{ code: 'IN-BTQZ-AMM', reference_unique: 'ref-new' }])
			.delete(`/interfaces/${KEY}/prestations/ref-old`)
			.reply(200, [{ code: 'IN-BTQZ-AMM', reference_unique: 'ref-old' }]);
		const picked = await h.execute({
			node: saNode({
				resource: 'interfacePrestation',
				operation: 'terminate',
				interface: byKey(KEY),
				terminateBy: 'reference',
				reference: { __rl: true, mode: 'list', value: 'ref-new', cachedResultName: 'IN-BTQZ-AMM …' },
			}),
		});
		const saved = await h.execute({
			node: saNode({ resource: 'interfacePrestation', operation: 'terminate', interface: byKey(KEY), reference: 'ref-old' }),
		});
		token.done();
		scope.done();
		expect(picked.items).toEqual([{ json: { key: KEY, code: 'IN-BTQZ-AMM', reference_unique: 'ref-new' }, pairedItem: { item: 0 } }]);
		expect(saved.items).toEqual([{ json: { key: KEY, code: 'IN-BTQZ-AMM', reference_unique: 'ref-old' }, pairedItem: { item: 0 } }]);
	});
});
