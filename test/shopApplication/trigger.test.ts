import { clock, Snapshot } from '../../nodes/shared';
import { cursorOf } from '../harness/trigger-output';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { NodeUnderTest } from '../harness/harness';

import { api, CATALOGUE, fakeSleep, saHarness, tokenScope } from './helpers';

const A = 'aaaa-0001';
const B = 'bbbb-0002';
const C = 'cccc-0003';

function trigger(parameters: INodeParameters): NodeUnderTest {
	return { type: 'shopApplicationTrigger', parameters, credentials: ['shopApplicationApi'] };
}

function json(out: Awaited<ReturnType<ReturnType<typeof saHarness>['poll']>>) {
	return out
		? out[0].map((i) => {
				const { event, ...rest } = i.json;
				expect(event).toEqual(expect.any(String));
				return rest;
			})
		: null;
}

/** Status per key as the trigger keeps it (−1: not read yet). */
function statusesOf(staticData: IDataObject, keys: string[]): Record<string, number> {
	const kept = Snapshot.parse(((staticData.poll as IDataObject).state as { statuses: string }).statuses);
	return Object.fromEntries(keys.filter((k) => kept.has(k)).map((k) => [k, Number(kept.get(k)!.memo)]));
}

let now = Date.parse('2024-05-01T08:00:00Z');
beforeEach(() => jest.spyOn(clock, 'now').mockImplementation(() => now));
afterEach(() => jest.restoreAllMocks());

describe('Shop Application Trigger: New Interface', () => {
	it('takes a baseline, emits new keys with details, de-duplicates, and keeps state on failure', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'newInterface' });
		const token = tokenScope();

		const s1 = api().get('/interfaces').query({}).reply(200, [A, B]);
		expect(await h.poll({ node, staticData })).toBeNull();
		s1.done();

		const s2 = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A, B, C])
			.get(`/interfaces/${C}`)
			.query({})
			.reply(200, { statut: 3, date_creation: '2024-05-01 10:00:00', url_formulaire: 'https://form/c' });
		expect(json(await h.poll({ node, staticData }))).toEqual([
			{ key: C, statut: 3, date_creation: '2024-05-01 10:00:00', url_formulaire: 'https://form/c', status_label: 'installing' },
		]);
		s2.done();

		// C vanishes, then comes back: still known, so neither read again nor emitted twice.
		const s3 = api().get('/interfaces').query({}).reply(200, [A, B]);
		expect(await h.poll({ node, staticData })).toBeNull();
		const s4 = api().get('/interfaces').query({}).reply(200, [A, B, C]);
		expect(await h.poll({ node, staticData })).toBeNull();
		s3.done();
		s4.done();

		// A failed poll leaves the state as it was, so the next poll still sees the new key.
		fakeSleep();
		const before = structuredClone(staticData);
		const s5 = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A, B, C, 'dddd'])
			.get('/interfaces/dddd')
			.query({})
			.reply(500, { error: true, message: 'Erreur inconnue' });
		await expect(h.poll({ node, staticData })).rejects.toThrow('Erreur inconnue');
		expect(cursorOf(staticData)).toBe(cursorOf(before));
		now += 60_000;
		const s6 = api().get('/interfaces').query({}).reply(200, [A, B, C, 'dddd']).get('/interfaces/dddd').query({}).reply(200, { statut: 3 });
		expect(json(await h.poll({ node, staticData }))).toEqual([{ key: 'dddd', statut: 3, status_label: 'installing' }]);
		[token, s5, s6].forEach((s) => s.done());
	});

	it('shows up to 5 current interfaces in manual mode without touching the state', async () => {
		const h = saHarness();
		const staticData: IDataObject = { untouched: true };
		const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
		const token = tokenScope();
		const scope = api().get('/interfaces').query({}).reply(200, keys);
		for (const k of keys.slice(1)) scope.get(`/interfaces/${k}`).query({}).reply(200, { statut: 1 });
		const out = json(await h.poll({ node: trigger({ event: 'newInterface' }), staticData, mode: 'manual' }));
		token.done();
		scope.done();
		expect(out?.map((i) => i.key)).toEqual(['k2', 'k3', 'k4', 'k5', 'k6']);
		expect(staticData).toEqual({ untouched: true });
	});

	it('takes a new baseline when the event changes', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const token = tokenScope();
		const scope = api().get('/interfaces').query({}).reply(200, [A]).get('/interfaces').query({}).reply(200, [A]);
		scope.get(`/interfaces/${A}`).query({}).reply(200, { statut: 1 });
		expect(await h.poll({ node: trigger({ event: 'newInterface' }), staticData })).toBeNull();
		expect(await h.poll({ node: trigger({ event: 'interfaceStatusChanged' }), staticData })).toBeNull();
		token.done();
		scope.done();
		expect(statusesOf(staticData, [A])).toEqual({ [A]: 1 });
	});
});

describe('Shop Application Trigger: status events', () => {
	async function transition(event: string, from: number, to: number, extra: INodeParameters = {}) {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event, maxChecks: 10, ...extra });
		const token = tokenScope();
		const scope = api()
			.get('/interfaces')
			.query({})
			.twice()
			.reply(200, [A])
			.get(`/interfaces/${A}`)
			.query({})
			.reply(200, { statut: from })
			.get(`/interfaces/${A}`)
			.query({})
			.reply(200, { statut: to, date_suppression: to === 2 ? '2025-06-01 00:00:00' : undefined });
		expect(await h.poll({ node, staticData })).toBeNull();
		const out = json(await h.poll({ node, staticData }));
		token.done();
		scope.done();
		return out;
	}

	it.each([
		['interfaceInstalled', 3, 1],
		['deletionRequested', 1, 2],
		['deletionRequested', 3, 2],
		['interfaceDeleted', 2, 0],
		['interfaceReactivated', 2, 1],
		['interfaceStatusChanged', 1, 2],
	])('%s fires on %i → %i, with the previous status', async (event, from, to) => {
		const out = await transition(event, from, to);
		expect(out).toEqual([
			expect.objectContaining({
				key: A,
				statut: to,
				status_label: ['deleted', 'active', 'deactivated', 'installing'][to],
				previous_statut: from,
				previous_status_label: ['deleted', 'active', 'deactivated', 'installing'][from],
			}),
		]);
	});

	it.each([
		['interfaceInstalled', 2, 1],
		['interfaceReactivated', 3, 1],
		['interfaceDeleted', 1, 2],
		['deletionRequested', 2, 0],
	])('%s stays quiet on %i → %i', async (event, from, to) => {
		expect(await transition(event, from, to)).toBeNull();
	});

	it('Interface Status Changed honours Only When New Status Is', async () => {
		expect(await transition('interfaceStatusChanged', 1, 2, { statuses: [1, 0] })).toBeNull();
		expect(await transition('interfaceStatusChanged', 3, 1, { statuses: [1] })).toHaveLength(1);
	});

	it('reads every interface at activation, then new, in-transition ones every poll and at most Max Rotating Checks of the others', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'interfaceInstalled', maxChecks: 2 });
		const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
		const token = tokenScope();
		const detail = (scope: ReturnType<typeof api>, key: string, statut: number) =>
			scope.get(`/interfaces/${key}`).query({}).reply(200, { statut });

		// Activation: the list and every interface once (a status is only known once read).
		const p1 = api().get('/interfaces').query({}).reply(200, keys);
		[3, 1, 3, 0, 1].forEach((statut, n) => detail(p1, keys[n], statut));
		expect(await h.poll({ node, staticData })).toBeNull();
		p1.done();

		// k1, k3 installing: read every poll (k3 was never in a rotating turn: 3 → 1 still fires).
		// k4 deleted is never read again; k2, k5 in turn.
		const p2 = api().get('/interfaces').query({}).reply(200, keys);
		detail(p2, 'k1', 3);
		detail(p2, 'k3', 1);
		detail(p2, 'k2', 1);
		detail(p2, 'k5', 1);
		expect(json(await h.poll({ node, staticData }))).toEqual([
			{ key: 'k3', statut: 1, status_label: 'active', previous_statut: 3, previous_status_label: 'installing' },
		]);
		p2.done();

		// k6 is new (started at 3); k1 installing; k2, k3 in turn (wrapping after k5).
		const p3 = api().get('/interfaces').query({}).reply(200, [...keys, 'k6']);
		detail(p3, 'k6', 3);
		detail(p3, 'k1', 1);
		detail(p3, 'k2', 1);
		detail(p3, 'k3', 1);
		expect(json(await h.poll({ node, staticData }))).toEqual([
			{ key: 'k1', statut: 1, status_label: 'active', previous_statut: 3, previous_status_label: 'installing' },
		]);
		p3.done();
		token.done();
		expect(statusesOf(staticData, [...keys, 'k6'])).toEqual({ k1: 1, k2: 1, k3: 1, k4: 0, k5: 1, k6: 3 });
		expect(((staticData.poll as IDataObject).state as IDataObject).cursor).toBe('k3');
	});

	it('samples current interfaces in manual mode', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api().get('/interfaces').query({}).reply(200, [A]).get(`/interfaces/${A}`).query({}).reply(200, { statut: 2 });
		const out = json(await h.poll({ node: trigger({ event: 'deletionRequested' }), staticData: {}, mode: 'manual' }));
		token.done();
		scope.done();
		expect(out).toEqual([
			{ key: A, statut: 2, status_label: 'deactivated', previous_statut: null, previous_status_label: null },
		]);
	});
});

describe('Shop Application Trigger: prestation events', () => {
	const occ = (code: string, ref: string, resilie = false) => ({
		code,
		date_creation: '2024-01-01 10:00:00',
		resilie,
		date_resiliation: resilie ? '2024-06-01 10:00:00' : '',
		reference_unique: ref,
	});

	it('Prestation Added emits the new occurrence of a watched interface, reading details only for codes whose count rose', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'prestationAdded', watch: 'selected', interfaceKeys: [A] });
		const token = tokenScope();
		const base = `/interfaces/${A}/prestations`;

		const p1 = api()
			.get(base)
			.query({})
			.reply(200, ['IN-BTQST-S', 'MO-X'])
			.get(`${base}/IN-BTQST-S`)
			.query({})
			.reply(200, [occ('IN-BTQST-S', 'r1')])
			.get(`${base}/MO-X`)
			.query({})
			.reply(200, [occ('MO-X', 'r2')]);
		expect(await h.poll({ node, staticData })).toBeNull();
		p1.done();

		const p2 = api()
			.get(base)
			.query({})
			.reply(200, ['IN-BTQST-S', 'MO-X', 'MO-X'])
			.get(`${base}/MO-X`)
			.query({})
			.reply(200, [occ('MO-X', 'r2'), occ('MO-X', 'r3')]);
		expect(json(await h.poll({ node, staticData }))).toEqual([{ key: A, ...occ('MO-X', 'r3') }]);
		p2.done();

		const p3 = api().get(base).query({}).reply(200, ['IN-BTQST-S', 'MO-X', 'MO-X']);
		expect(await h.poll({ node, staticData })).toBeNull();
		p3.done();
		token.done();
	});

	it('Prestation Terminated sees terminations that stay listed and codes that leave the list, on all interfaces in turn', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'prestationTerminated', watch: 'all', maxChecks: 5 });
		const token = tokenScope();
		const base = `/interfaces/${A}/prestations`;

		const p1 = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A])
			.get(base)
			.query({})
			.reply(200, ['MO-X', 'MO-Y'])
			.get(`${base}/MO-X`)
			.query({})
			.reply(200, [occ('MO-X', 'x1'), occ('MO-X', 'x0', true)])
			.get(`${base}/MO-Y`)
			.query({})
			.reply(200, [occ('MO-Y', 'y1')]);
		expect(await h.poll({ node, staticData })).toBeNull();
		p1.done();

		const p2 = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A])
			.get(base)
			.query({})
			.reply(200, ['MO-X'])
			.get(`${base}/MO-X`)
			.query({})
			.reply(200, [occ('MO-X', 'x1', true), occ('MO-X', 'x0', true)]);
		expect(json(await h.poll({ node, staticData }))).toEqual([
			{ key: A, ...occ('MO-X', 'x1', true) },
			{ key: A, code: 'MO-Y', reference_unique: 'y1', resilie: true, no_longer_listed: true },
		]);
		p2.done();
		token.done();
		expect((staticData.poll as IDataObject).state).toEqual({
			interfaces: { [A]: { counts: { 'MO-X': 1 }, active: {} } },
			cursor: A,
		});
	});

	it('Prestation Terminated skips an interface whose check fails, emits the others once, and reads it again at its next turn', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'prestationTerminated', watch: 'selected', interfaceKeys: [A, B] });
		const token = tokenScope();
		const baseA = `/interfaces/${A}/prestations`;
		const baseB = `/interfaces/${B}/prestations`;

		const p1 = api()
			.get(baseA)
			.query({})
			.reply(200, ['MO-X'])
			.get(`${baseA}/MO-X`)
			.query({})
			.reply(200, [occ('MO-X', 'x1')])
			.get(baseB)
			.query({})
			.reply(200, []);
		expect(await h.poll({ node, staticData })).toBeNull();
		p1.done();

		// A's termination is read, then B fails: A is emitted, B keeps what was known of it.
		const p2 = api()
			.get(baseA)
			.query({})
			.reply(200, ['MO-X'])
			.get(`${baseA}/MO-X`)
			.query({})
			.reply(200, [occ('MO-X', 'x1', true)])
			.get(baseB)
			.query({})
			.reply(400, { error: true, message: 'Interface inconnue' });
		expect(json(await h.poll({ node, staticData }))).toEqual([{ key: A, ...occ('MO-X', 'x1', true) }]);
		expect((staticData.poll as IDataObject).keyFailures).toEqual({ [B]: 1 });
		p2.done();
		// x1 is no longer active: MO-X is not read again, and nothing is emitted twice.
		const p4 = api().get(baseA).query({}).reply(200, ['MO-X']).get(baseB).query({}).reply(200, []);
		expect(await h.poll({ node, staticData })).toBeNull();
		p4.done();
		token.done();
		expect((staticData.poll as IDataObject).keyFailures).toEqual({});
	});

	it('status events skip an interface whose read fails and emit the others once', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'interfaceInstalled', maxChecks: 10 });
		const token = tokenScope();
		const p1 = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A, B])
			.get(`/interfaces/${A}`)
			.query({})
			.reply(200, { statut: 3 })
			.get(`/interfaces/${B}`)
			.query({})
			.reply(200, { statut: 1 });
		expect(await h.poll({ node, staticData })).toBeNull();
		p1.done();

		const p2 = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A, B])
			.get(`/interfaces/${A}`)
			.query({})
			.reply(200, { statut: 1 })
			.get(`/interfaces/${B}`)
			.query({})
			.reply(400, { error: true, message: 'Interface inconnue' });
		expect(json(await h.poll({ node, staticData }))).toEqual([
			{ key: A, statut: 1, status_label: 'active', previous_statut: 3, previous_status_label: 'installing' },
		]);
		p2.done();

		const p3 = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A, B])
			.get(`/interfaces/${A}`)
			.query({})
			.reply(200, { statut: 1 })
			.get(`/interfaces/${B}`)
			.query({})
			.reply(200, { statut: 1 });
		expect(await h.poll({ node, staticData })).toBeNull();
		p3.done();
		const p4 = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A, B])
			.get(`/interfaces/${A}`)
			.query({})
			.reply(200, { statut: 1 })
			.get(`/interfaces/${B}`)
			.query({})
			.reply(200, { statut: 1 });
		expect(await h.poll({ node, staticData })).toBeNull();
		p4.done();
		token.done();
	});

	it('refuses a selection without interfaces', async () => {
		const h = saHarness();
		await expect(
			h.poll({ node: trigger({ event: 'prestationAdded', watch: 'selected', interfaceKeys: [] }), staticData: {} }),
		).rejects.toThrow('No interface selected');
	});
});

describe('Shop Application Trigger: New Catalogue Prestation', () => {
	it('emits the details of a code that appears in the catalogue', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'newPrestation' });
		const token = tokenScope();
		const scope = api()
			.get('/prestations')
			.query({})
			.reply(200, ['IN-BTQST-S'])
			.get('/prestations')
			.query({})
			.reply(200, ['IN-BTQST-S', 'MO-ARTCRITERES-S'])
			.get('/prestation/MO-ARTCRITERES-S')
			.query({})
			.reply(200, CATALOGUE['MO-ARTCRITERES-S']);
		expect(await h.poll({ node, staticData })).toBeNull();
		expect(json(await h.poll({ node, staticData }))).toEqual([{ ...CATALOGUE['MO-ARTCRITERES-S'], code: 'MO-ARTCRITERES-S' }]);
		token.done();
		scope.done();
	});
});

describe('Shop Application Trigger: a list that briefly loses entries', () => {
	// GET /interfaces answering [] (or a partial list) once must not make every interface "new"
	// when it comes back: that would re-run provisioning flows for existing customers.
	it('New Interface does not emit interfaces that vanish from the list and come back', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'newInterface' });
		const token = tokenScope();
		const scope = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A, B])
			.get('/interfaces')
			.query({})
			.reply(200, [])
			.get('/interfaces')
			.query({})
			.reply(200, [A, B]);
		expect(await h.poll({ node, staticData })).toBeNull();
		expect(await h.poll({ node, staticData })).toBeNull();
		expect(await h.poll({ node, staticData })).toBeNull();
		token.done();
		scope.done();
	});

	it('New Catalogue Prestation does not emit codes that vanish from the catalogue and come back', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'newPrestation' });
		const token = tokenScope();
		const scope = api()
			.get('/prestations')
			.query({})
			.reply(200, ['IN-BTQST-S', 'IN-CAISSE-S'])
			.get('/prestations')
			.query({})
			.reply(200, [])
			.get('/prestations')
			.query({})
			.reply(200, ['IN-BTQST-S', 'IN-CAISSE-S']);
		expect(await h.poll({ node, staticData })).toBeNull();
		expect(await h.poll({ node, staticData })).toBeNull();
		expect(await h.poll({ node, staticData })).toBeNull();
		token.done();
		scope.done();
	});

	it('status events do not take a returning interface for a new one that finished installing', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'interfaceInstalled', maxChecks: 10 });
		const token = tokenScope();
		const scope = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A])
			.get(`/interfaces/${A}`)
			.query({})
			.reply(200, { statut: 1 })
			.get('/interfaces')
			.query({})
			.reply(200, [])
			.get('/interfaces')
			.query({})
			.reply(200, [A])
			.get(`/interfaces/${A}`)
			.query({})
			.reply(200, { statut: 1 });
		expect(await h.poll({ node, staticData })).toBeNull();
		expect(await h.poll({ node, staticData })).toBeNull();
		expect(await h.poll({ node, staticData })).toBeNull();
		token.done();
		scope.done();
		expect(statusesOf(staticData, [A])).toEqual({ [A]: 1 });
	});

	it('Prestation Added still sees an addition made while the interface was missing from the list', async () => {
		const h = saHarness();
		const staticData: IDataObject = {};
		const node = trigger({ event: 'prestationAdded', watch: 'all', maxChecks: 5 });
		const token = tokenScope();
		const base = `/interfaces/${A}/prestations`;
		const occurrence = (ref: string) => ({ code: 'MO-X', resilie: false, date_resiliation: '', reference_unique: ref });
		const scope = api()
			.get('/interfaces')
			.query({})
			.reply(200, [A])
			.get(base)
			.query({})
			.reply(200, ['MO-X'])
			.get(`${base}/MO-X`)
			.query({})
			.reply(200, [occurrence('x1')])
			.get('/interfaces')
			.query({})
			.reply(200, [])
			.get('/interfaces')
			.query({})
			.reply(200, [A])
			.get(base)
			.query({})
			.reply(200, ['MO-X', 'MO-X'])
			.get(`${base}/MO-X`)
			.query({})
			.reply(200, [occurrence('x1'), occurrence('x2')]);
		expect(await h.poll({ node, staticData })).toBeNull();
		expect(await h.poll({ node, staticData })).toBeNull();
		expect(json(await h.poll({ node, staticData }))).toEqual([{ key: A, ...occurrence('x2') }]);
		token.done();
		scope.done();
	});
});
