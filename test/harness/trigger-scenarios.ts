import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { clock, type EventTable } from '../../nodes/shared';
import type { SandboxFault } from '../sandbox/server';
import type { StartedSimulator } from '../sandbox/types';
import { Harness } from './harness';
import { cursorOf } from './trigger-output';

/** What every event of every trigger is tested for (the scenario table's columns). */
export const SCENARIOS = [
	'baseline',
	'oneChange',
	'failFirstRequest',
	'failMiddlePage',
	'failDetail',
	'restart',
	'overlap',
	'changedTwice',
	'sample',
] as const;
export type Scenario = (typeof SCENARIOS)[number];
type FaultScenario = 'failFirstRequest' | 'failMiddlePage' | 'failDetail';

/** One event of a trigger, driven through its simulator. */
export interface EventCase<S extends StartedSimulator> {
	event: string;
	parameters?: IDataObject;
	/** Data the event needs before the baseline (e.g. an interface installing). */
	setup?(sim: S): unknown;
	/** The n-th change this event reports (n = 1, 2…); each new n is another record where the API has several. */
	change(sim: S, n: number): unknown;
	/** The record of change 1 changed once more before the next poll. */
	again(sim: S): unknown;
	/** Checks what one poll emitted after change 1 (`once`) or after change 1 and `again` (`twice`). */
	expect(items: IDataObject[], after: 'once' | 'twice'): void;
	/** Faults for the failure scenarios; a scenario that cannot happen says why in `notApplicable`. */
	faults: Partial<Record<FaultScenario, (sim: S) => SandboxFault>>;
	notApplicable?: Partial<Record<Scenario, string>>;
	/** Changes to make so that a poll reads more than one page (failMiddlePage); default 1. */
	pageSpan?: number;
}

export interface TriggerUnderTest<S extends StartedSimulator> {
	/** n8n node type, e.g. `telestoTrigger`. */
	type: string;
	credentialType: string;
	events: EventTable;
	start(): Promise<S>;
	/** Puts the simulator back to its seed between tests. */
	reset(sim: S): void | Promise<void>;
	/** Forgets what this process keeps between polls besides static data (a shared token), so two polls start alike. */
	forgetProcessState?(): void;
	/** Fixed parameters (e.g. a minimum interval). */
	parameters?: IDataObject;
	/** Removes every record, for "Fetch Test Event" against an API with nothing to show. */
	empty(sim: S): unknown;
}

/** Fields an event adds to the record (previous values…): a sample must carry them too. */
const ADDED = /^(previous_|_previous|_change$|threshold$|removed$|service$)/;

/** Which cell of the table a case covers, or why it does not apply. */
export function cellOf<S extends StartedSimulator>(c: EventCase<S>, scenario: Scenario): 'tested' | string | undefined {
	if (c.notApplicable?.[scenario]) return `n/a: ${c.notApplicable[scenario]}`;
	if (scenario === 'failFirstRequest' || scenario === 'failMiddlePage' || scenario === 'failDetail') {
		return c.faults[scenario] ? 'tested' : undefined;
	}
	return 'tested';
}

/** Every event × scenario cell: a list of holes, empty when the table is complete. */
export function missingCells<S extends StartedSimulator>(events: EventTable, cases: Array<EventCase<S>>): string[] {
	const holes: string[] = [];
	for (const event of Object.keys(events)) {
		const c = cases.find((x) => x.event === event);
		for (const scenario of SCENARIOS) if (!c || !cellOf(c, scenario)) holes.push(`${event} × ${scenario}`);
	}
	return holes;
}

const STEP_MS = 61 * 60 * 1000;

function only(out: Awaited<ReturnType<Harness['poll']>>, event: string): IDataObject[] {
	if (!out) return [];
	return out[0].map((i) => {
		expect(i.json.event).toBe(event);
		const { event: _e, ...rest } = i.json;
		return rest;
	});
}

/**
 * Runs every applicable cell of the table for `cases` against the trigger's simulator, through
 * the engine harness, with time faked (each poll a step past the interval and any backoff).
 */
export function describeScenarios<S extends StartedSimulator>(trigger: TriggerUnderTest<S>, cases: Array<EventCase<S>>): void {
	describe(`${trigger.type}: event × scenario`, () => {
		let sim: S;
		let now = Date.parse('2030-01-01T08:00:00Z');
		beforeAll(async () => {
			nock.enableNetConnect('127.0.0.1');
			sim = await trigger.start();
		});
		afterAll(async () => {
			await sim.close();
			nock.disableNetConnect();
		});
		beforeEach(async () => {
			await trigger.reset(sim);
			sim.fault(undefined);
			jest.spyOn(clock, 'now').mockImplementation(() => now);
			jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
				now += ms;
			});
		});
		afterEach(() => jest.restoreAllMocks());

		const harness = () => new Harness().setCredentials(sim.credentialType, sim.credentials);

		for (const c of cases) {
			const node = {
				type: trigger.type,
				parameters: { ...trigger.parameters, event: c.event, ...c.parameters } as INodeParameters,
				credentials: [trigger.credentialType],
			};
			const h = () => harness();
			const poll = async (staticData: IDataObject) => {
				now += STEP_MS;
				return only(await h().poll({ node, staticData }), c.event);
			};
			const baseline = async (): Promise<IDataObject> => {
				const staticData: IDataObject = {};
				await c.setup?.(sim);
				expect(await poll(staticData)).toEqual([]);
				return staticData;
			};
			const run = (scenario: Scenario, body: () => Promise<void>) => {
				const cell = cellOf(c, scenario);
				if (cell === 'tested') it(`${c.event} × ${scenario}`, body);
			};

			run('baseline', async () => {
				const from = sim.log.length;
				const staticData = await baseline();
				expect(sim.log.length).toBeGreaterThan(from);
				expect(await poll(staticData)).toEqual([]);
			});

			run('oneChange', async () => {
				const staticData = await baseline();
				await c.change(sim, 1);
				c.expect(await poll(staticData), 'once');
				expect(await poll(staticData)).toEqual([]);
			});

			for (const scenario of ['failFirstRequest', 'failMiddlePage', 'failDetail'] as const) {
				run(scenario, async () => {
					const staticData = await baseline();
					const span = scenario === 'failMiddlePage' ? (c.pageSpan ?? 1) : 1;
					for (let n = 1; n <= span; n++) await c.change(sim, n);
					const before = cursorOf(staticData);
					sim.fault(c.faults[scenario]!(sim));
					const from = sim.log.length;
					const failed = await poll(staticData).then(
						(items) => ({ items, error: undefined }),
						(error: Error) => ({ items: [] as IDataObject[], error }),
					);
					expect(failed.items).toEqual([]);
					expect(sim.log.length).toBeGreaterThan(from);
					// A whole-poll failure changes nothing; a failed detail read sets only that record aside.
					if (failed.error) expect(cursorOf(staticData)).toBe(before);
					else expect(scenario).toBe('failDetail');
					sim.fault(undefined);
					const recovered = await poll(staticData);
					if (span === 1) c.expect(recovered, 'once');
					else expect(recovered).toHaveLength(span);
					expect(await poll(staticData)).toEqual([]);
				});
			}

			run('restart', async () => {
				let staticData = await baseline();
				const restart = () => (staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject);
				restart();
				await c.change(sim, 1);
				c.expect(await poll(restart()), 'once');
				expect(await poll(restart())).toEqual([]);
			});

			run('overlap', async () => {
				const staticData = await baseline();
				await c.change(sim, 1);
				const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
				now += STEP_MS;
				trigger.forgetProcessState?.();
				const from = sim.log.length;
				const [a, b] = await Promise.all([h().poll({ node, staticData }), h().poll({ node, staticData })]);
				const sent = sim.log.length - from;
				expect([a, b].filter((x) => x === null)).toHaveLength(1);
				c.expect(only(a ?? b, c.event), 'once');
				// The same poll alone (on a copy of the state) sends as many requests: the other sent none.
				const solo = sim.log.length;
				now -= STEP_MS;
				trigger.forgetProcessState?.();
				await poll(copy);
				expect(sent).toBe(sim.log.length - solo);
				expect(await poll(staticData)).toEqual([]);
			});

			run('sample', async () => {
				const staticData: IDataObject = {};
				await c.setup?.(sim);
				const example = trigger.events[c.event].example;
				const sample = only(await h().poll({ node, staticData, mode: 'manual' }), c.event);
				expect(sample.length).toBeGreaterThan(0);
				for (const item of sample) {
					for (const key of Object.keys(example).filter((k) => ADDED.test(k))) expect(item).toHaveProperty(key);
				}
				expect(staticData).toEqual({});
				await trigger.empty(sim);
				const shown = only(await h().poll({ node, staticData, mode: 'manual' }), c.event);
				expect(shown).toEqual([{ ...example, _sample: true }]);
			});

			run('changedTwice', async () => {
				const staticData = await baseline();
				await c.change(sim, 1);
				await c.again(sim);
				c.expect(await poll(staticData), 'twice');
				expect(await poll(staticData)).toEqual([]);
			});
		}
	});
}
