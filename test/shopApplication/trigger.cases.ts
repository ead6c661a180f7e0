import { resetSharedTokens } from '../../nodes/ShopApplication/transport/token-share';
import { clock } from '../../nodes/shared';
import { shopApplicationEvents } from '../../nodes/ShopApplication/trigger/events';
import type { EventCase, TriggerUnderTest } from '../harness/trigger-scenarios';
import { sampleCatalogue, startShopApplicationSandbox, type SandboxInterface, type ShopApplicationSandbox } from '../sandbox/shopApplication';

const A = 'e831c78b-a576-4aad-8d5f-d594b0ccadbe';
const B = '902dcbe4-04dd-4150-8436-2757fd53ce51';
const FAR = Date.parse('2100-01-01T00:00:00Z');
const NO_PAGES = 'no pagination in this API';
const list = { failFirstRequest: () => ({ status: 500, path: '/interfaces' }) };

function set(sim: ShopApplicationSandbox, key: string, fields: Partial<SandboxInterface>): void {
	Object.assign(sim.interfaces.get(key)!, { installAt: 0 }, fields);
}

function status(event: string, options: { setup?: Partial<SandboxInterface>; key: string; to: number; again?: number; from: number; twice?: number }): EventCase<ShopApplicationSandbox> {
	return {
		event,
		setup: options.setup ? (sim) => set(sim, options.key, options.setup!) : undefined,
		faults: { ...list, failDetail: () => ({ status: 500, path: `/interfaces/${options.key}` }) },
		notApplicable: {
			failMiddlePage: NO_PAGES,
			...(options.again === undefined ? { changedTwice: 'status 0 (deleted) is final' } : {}),
		},
		change: (sim) => set(sim, options.key, { statut: options.to, deleteAt: FAR }),
		again: (sim) => set(sim, options.key, { statut: options.again }),
		// Twice between reads: compared from the status at the last read to the status now.
		expect: (items, after) => {
			const now = after === 'once' ? options.to : options.again!;
			if (after === 'twice' && options.twice === undefined) return expect(items).toEqual([]);
			expect(items).toEqual([expect.objectContaining({ key: options.key, statut: now, previous_statut: options.from })]);
		},
	};
}

const occurrence = (code: string, ref: string) => ({ code, date_creation: '2030-01-01 10:00:00', resilie: false, date_resiliation: '', reference_unique: ref });

export const shopApplicationCases: Array<EventCase<ShopApplicationSandbox>> = [
	{
		event: 'newInterface',
		faults: { ...list, failDetail: () => ({ status: 500, path: '/interfaces/new-1' }) },
		notApplicable: { failMiddlePage: NO_PAGES },
		change: (sim, n) =>
			void sim.interfaces.set(`new-${n}`, { key: `new-${n}`, guid: `g${n}`, client: {}, statut: 3, createdAt: clock.now(), installAt: FAR, occurrences: [] }),
		again: (sim) => set(sim, 'new-1', { statut: 1 }),
		// Ordered and installed between two polls: one emission, with the status now.
		expect: (items, after) => expect(items).toEqual([expect.objectContaining({ key: 'new-1', statut: after === 'once' ? 3 : 1 })]),
	},
	status('interfaceInstalled', { key: B, from: 3, to: 1, again: 2 }),
	status('deletionRequested', { key: A, from: 1, to: 2, again: 1 }),
	status('interfaceDeleted', { key: A, setup: { statut: 2, deleteAt: FAR }, from: 2, to: 0 }),
	status('interfaceReactivated', { key: A, setup: { statut: 2, deleteAt: FAR }, from: 2, to: 1, again: 2 }),
	status('interfaceStatusChanged', { key: A, from: 1, to: 2, again: 0, twice: 0 }),
	{
		event: 'prestationAdded',
		faults: { ...list, failDetail: () => ({ status: 500, path: `/interfaces/${A}/prestations` }) },
		notApplicable: { failMiddlePage: NO_PAGES },
		change: (sim, n) => void sim.interfaces.get(A)!.occurrences.push(occurrence('MO-ARTCRITERES-S', `ref-${n}`)),
		again: (sim) => Object.assign(sim.interfaces.get(A)!.occurrences.find((o) => o.reference_unique === 'ref-1')!, { resilie: true }),
		// Added and terminated between two polls: never seen active, nothing to report.
		expect: (items, after) =>
			expect(items).toEqual(after === 'once' ? [expect.objectContaining({ key: A, code: 'MO-ARTCRITERES-S', reference_unique: 'ref-1' })] : []),
	},
	{
		event: 'prestationTerminated',
		faults: { ...list, failDetail: () => ({ status: 500, path: `/interfaces/${A}/prestations` }) },
		notApplicable: { failMiddlePage: NO_PAGES, changedTwice: 'a terminated occurrence stays terminated' },
		change: (sim) => Object.assign(sim.interfaces.get(A)!.occurrences.find((o) => o.code === 'IN-BTQZ-AMM')!, { resilie: true }),
		again: () => undefined,
		expect: (items) => expect(items).toEqual([expect.objectContaining({ key: A, code: 'IN-BTQZ-AMM', resilie: true })]),
	},
	{
		event: 'newPrestation',
		faults: { failFirstRequest: () => ({ status: 500, path: '/prestations' }), failDetail: () => ({ status: 500, path: '/prestation/NEW-1' }) },
		notApplicable: { failMiddlePage: NO_PAGES },
		change: (sim, n) =>
			void sim.catalogue.set(`NEW-${n}`, { code: `NEW-${n}`, nom: `New ${n}`, descriptif_court: '', descriptif_long: '', prix: 1, prestations_associees: [] }),
		again: (sim) => Object.assign(sim.catalogue.get('NEW-1')!, { nom: 'New 1 renamed' }),
		expect: (items, after) => expect(items).toEqual([expect.objectContaining({ code: 'NEW-1', nom: after === 'once' ? 'New 1' : 'New 1 renamed' })]),
	},
];

export const shopApplicationTrigger: TriggerUnderTest<ShopApplicationSandbox> = {
	type: 'shopApplicationTrigger',
	credentialType: 'shopApplicationApi',
	events: shopApplicationEvents,
	start: async () => await startShopApplicationSandbox(),
	empty: (sim) => {
		sim.interfaces.clear();
		sim.catalogue.clear();
	},
	reset: (sim) => {
		sim.reset();
		sim.catalogue.clear();
		for (const entry of sampleCatalogue()) sim.catalogue.set(entry.code, entry);
	},
	// Tokens are kept per process (and in Redis in queue mode): each poll of a scenario asks its own.
	forgetProcessState: () => resetSharedTokens(),
};
