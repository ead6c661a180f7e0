import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { backoffMs, clock, KEY_FAILURE_LIMIT, runPoll, type PollDefinition } from '../../nodes/shared';

const warnings: string[] = [];

function pollContext(staticData: IDataObject, mode = 'trigger') {
	return {
		getWorkflowStaticData: () => staticData,
		getMode: () => mode,
		getNode: () => ({ name: 'Trigger', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
		logger: { warn: (m: string) => warnings.push(m) },
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IPollFunctions;
}

type Rows = Array<{ id: number; v: string }>;

function definition(rows: () => Rows, overrides: Partial<PollDefinition<Rows, number>> = {}): PollDefinition<Rows, number> {
	return {
		watch: { event: 'new' },
		fetch: async () => rows(),
		baseline: (r) => Math.max(0, ...r.map((x) => x.id)),
		diff: (r, last) => ({ items: r.filter((x) => x.id > last), state: Math.max(last, ...r.map((x) => x.id)) }),
		sample: (r) => r.slice(0, 1),
		...overrides,
	};
}

const MINUTE = 60_000;
const stored = (staticData: IDataObject) => staticData.poll as IDataObject;

describe('runPoll()', () => {
	let now = 1_000_000;
	beforeEach(() => {
		now = 1_000_000;
		warnings.length = 0;
		jest.spyOn(clock, 'now').mockImplementation(() => now);
	});
	afterEach(() => jest.restoreAllMocks());

	it('stores a baseline first and emits only later changes, tagged with the event', async () => {
		const staticData: IDataObject = {};
		let rows: Rows = [{ id: 1, v: 'a' }];
		const def = () => definition(() => rows, { event: 'newRow' });
		expect(await runPoll(pollContext(staticData), def())).toBeNull();
		rows = [...rows, { id: 2, v: 'b' }];
		expect(await runPoll(pollContext(staticData), def())).toEqual([[{ json: { event: 'newRow', id: 2, v: 'b' } }]]);
		expect(await runPoll(pollContext(staticData), def())).toBeNull();
	});

	it('returns a sample in manual mode without touching the state, or the example marked _sample when there is none', async () => {
		const staticData: IDataObject = {};
		const out = await runPoll(pollContext(staticData, 'manual'), definition(() => [{ id: 5, v: 'x' }], { event: 'newRow' }));
		expect(out).toEqual([[{ json: { event: 'newRow', id: 5, v: 'x' } }]]);
		const empty = await runPoll(
			pollContext(staticData, 'manual'),
			definition(() => [], { event: 'newRow', example: { id: 0, v: 'example' } }),
		);
		expect(empty).toEqual([[{ json: { event: 'newRow', id: 0, v: 'example', _sample: true } }]]);
		expect(staticData).toEqual({});
	});

	it('keeps the committed state when the fetch or the diff fails, records the attempt, and throws', async () => {
		const staticData: IDataObject = {};
		await runPoll(pollContext(staticData), definition(() => [{ id: 1, v: 'a' }]));
		const state = stored(staticData).state;
		now += MINUTE;
		await expect(runPoll(pollContext(staticData), definition(() => { throw new Error('down'); }))).rejects.toThrow('down');
		expect(stored(staticData)).toMatchObject({ state, failures: 1, lastRequestAt: now });
		now += backoffMs(undefined, 1);
		await expect(
			runPoll(pollContext(staticData), definition(() => [{ id: 2, v: 'b' }], { diff: () => { throw new Error('bad'); } })),
		).rejects.toThrow('bad');
		expect(stored(staticData)).toMatchObject({ state, failures: 2 });
		now += backoffMs(undefined, 2);
		expect(await runPoll(pollContext(staticData), definition(() => [{ id: 2, v: 'b' }]))).toEqual([[{ json: { id: 2, v: 'b' } }]]);
		expect(stored(staticData)).toMatchObject({ failures: 0 });
		expect(stored(staticData).lease).toBeUndefined();
	});

	it('takes a new baseline when the watched target changes, keeping the attempt times', async () => {
		const staticData: IDataObject = {};
		await runPoll(pollContext(staticData), definition(() => [{ id: 1, v: 'a' }], { minIntervalMs: 10 * MINUTE }));
		now += 10 * MINUTE;
		const out = await runPoll(pollContext(staticData), definition(() => [{ id: 9, v: 'z' }], { watch: { event: 'other' } }));
		expect(out).toBeNull();
		expect(stored(staticData).state).toBe(9);
	});

	it('sends nothing before the minimum interval, counted from the last attempt', async () => {
		const staticData: IDataObject = {};
		const fetch = jest.fn(async () => [{ id: 1, v: 'a' }]);
		await runPoll(pollContext(staticData), definition(() => [], { fetch, minIntervalMs: MINUTE }));
		now += 54_000;
		expect(await runPoll(pollContext(staticData), definition(() => [], { fetch, minIntervalMs: MINUTE }))).toBeNull();
		expect(fetch).toHaveBeenCalledTimes(1);
		// n8n's poll times jitter: a poll up to 5 s early is on time.
		now += 1_000;
		await runPoll(pollContext(staticData), definition(() => [], { fetch, minIntervalMs: MINUTE }));
		expect(fetch).toHaveBeenCalledTimes(2);
	});

	it('backs off after failures: the interval doubled per failure up to an hour, so a dead API costs one attempt an hour', async () => {
		expect([1, 2, 3, 4, 5].map((n) => backoffMs(10 * MINUTE, n) / MINUTE)).toEqual([10, 20, 40, 60, 60]);
		expect([1, 2, 3, 7, 8].map((n) => backoffMs(undefined, n) / MINUTE)).toEqual([1, 2, 4, 60, 60]);
		expect(backoffMs(120 * MINUTE, 3)).toBe(120 * MINUTE);

		const staticData: IDataObject = {};
		const fetch = jest.fn(async (): Promise<Rows> => [{ id: 1, v: 'a' }]);
		const def = definition(() => [], { fetch, minIntervalMs: 10 * MINUTE });
		await runPoll(pollContext(staticData), def);
		fetch.mockImplementation(async () => {
			throw new Error('500');
		});
		const attempts: number[] = [];
		const start = now;
		// Polled every minute for 5 hours against a failing API.
		for (let minute = 1; minute <= 300; minute++) {
			now = start + minute * MINUTE;
			const before = fetch.mock.calls.length;
			await runPoll(pollContext(staticData), def).catch(() => undefined);
			if (fetch.mock.calls.length > before) attempts.push(minute);
		}
		expect(attempts).toEqual([10, 20, 40, 80, 140, 200, 260]);
	});

	it('lets one poll work at a time: a poll started while another runs returns without fetching', async () => {
		const staticData: IDataObject = {};
		await runPoll(pollContext(staticData), definition(() => [{ id: 1, v: 'a' }]));
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const fetch = jest.fn(async () => {
			await gate;
			return [{ id: 1, v: 'a' }, { id: 2, v: 'b' }];
		});
		const first = runPoll(pollContext(staticData), definition(() => [], { fetch }));
		const second = await runPoll(pollContext(staticData), definition(() => [], { fetch }));
		expect(second).toBeNull();
		expect(fetch).toHaveBeenCalledTimes(1);
		release();
		expect(await first).toEqual([[{ json: { id: 2, v: 'b' } }]]);
		expect(stored(staticData).lease).toBeUndefined();
	});

	it('ignores a lease left by another n8n process or run out', async () => {
		const staticData: IDataObject = {};
		await runPoll(pollContext(staticData), definition(() => [{ id: 1, v: 'a' }]));
		const rows = [{ id: 1, v: 'a' }, { id: 2, v: 'b' }];
		stored(staticData).lease = { by: 'an earlier process', until: now + 10 * MINUTE };
		const restarted = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		expect(await runPoll(pollContext(restarted), definition(() => rows))).toEqual([[{ json: { id: 2, v: 'b' } }]]);
	});

	it('sets aside keys that failed, counts them, and reports a key only after repeated failures', async () => {
		const staticData: IDataObject = {};
		let failed: Record<string, string> = { k1: 'HTTP 500' };
		let items: IDataObject[] = [];
		const def = () =>
			definition(() => [], {
				diff: (_r, last) => ({ items, state: last, failedKeys: failed, readKeys: ['k2'] }),
			});
		await runPoll(pollContext(staticData), def());
		for (let n = 1; n < KEY_FAILURE_LIMIT; n++) {
			expect(await runPoll(pollContext(staticData), def())).toBeNull();
			expect(stored(staticData).keyFailures).toEqual({ k1: n });
		}
		items = [{ id: 3 }];
		expect(await runPoll(pollContext(staticData), def())).toEqual([[{ json: { id: 3 } }]]);
		expect(warnings[0]).toContain('"k1" (3×: HTTP 500)');
		items = [];
		const error = await runPoll(pollContext(staticData), def()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('"k1" (4×: HTTP 500)');
		// Not an API failure: no backoff, and the failure count was committed.
		expect(stored(staticData)).toMatchObject({ failures: 0, keyFailures: { k1: 4 } });
		failed = {};
		expect(await runPoll(pollContext(staticData), { ...def(), diff: (_r, last) => ({ items: [], state: last, readKeys: ['k1'] }) })).toBeNull();
		expect(stored(staticData).keyFailures).toEqual({});
	});

	it('drops changes already emitted, remembering a bounded number of keys', async () => {
		const staticData: IDataObject = {};
		const rows: Rows = [{ id: 1, v: 'a' }];
		// A cursor that does not move (same timestamp twice) would emit the same record again.
		const sticky = definition(() => rows, {
			baseline: () => 0,
			diff: (r) => ({ items: r, state: 0 }),
			dedupeKey: (i) => `${i.id}:${i.v}`,
			dedupeMemory: 2,
		});
		await runPoll(pollContext(staticData), sticky);
		expect(await runPoll(pollContext(staticData), sticky)).toEqual([[{ json: { id: 1, v: 'a' } }]]);
		expect(await runPoll(pollContext(staticData), sticky)).toBeNull();
		rows.push({ id: 2, v: 'b' }, { id: 3, v: 'c' });
		expect((await runPoll(pollContext(staticData), sticky))?.[0].map((i) => i.json.id)).toEqual([2, 3]);
		expect(((staticData.poll as IDataObject).seen as string[]).length).toBe(2);
	});
});
