import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { clock, runPoll, type PollDefinition } from '../../nodes/shared';

function pollContext(staticData: IDataObject, mode = 'trigger') {
	return {
		getWorkflowStaticData: () => staticData,
		getMode: () => mode,
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

describe('runPoll()', () => {
	let now = 1_000_000;
	beforeEach(() => jest.spyOn(clock, 'now').mockImplementation(() => now));
	afterEach(() => jest.restoreAllMocks());

	it('stores a baseline first and emits only later changes', async () => {
		const staticData: IDataObject = {};
		let rows: Rows = [{ id: 1, v: 'a' }];
		expect(await runPoll(pollContext(staticData), definition(() => rows))).toBeNull();
		rows = [...rows, { id: 2, v: 'b' }];
		expect(await runPoll(pollContext(staticData), definition(() => rows))).toEqual([[{ json: { id: 2, v: 'b' } }]]);
		expect(await runPoll(pollContext(staticData), definition(() => rows))).toBeNull();
	});

	it('returns a sample in manual mode without touching the state', async () => {
		const staticData: IDataObject = {};
		const out = await runPoll(pollContext(staticData, 'manual'), definition(() => [{ id: 5, v: 'x' }]));
		expect(out).toEqual([[{ json: { id: 5, v: 'x' } }]]);
		expect(staticData).toEqual({});
	});

	it('keeps the committed state when the fetch or the diff fails', async () => {
		const staticData: IDataObject = {};
		await runPoll(pollContext(staticData), definition(() => [{ id: 1, v: 'a' }]));
		const before = JSON.stringify(staticData);
		await expect(
			runPoll(pollContext(staticData), definition(() => { throw new Error('down'); })),
		).rejects.toThrow('down');
		await expect(
			runPoll(pollContext(staticData), definition(() => [{ id: 2, v: 'b' }], { diff: () => { throw new Error('bad'); } })),
		).rejects.toThrow('bad');
		expect(JSON.stringify(staticData)).toBe(before);
		expect(await runPoll(pollContext(staticData), definition(() => [{ id: 2, v: 'b' }]))).toEqual([[{ json: { id: 2, v: 'b' } }]]);
	});

	it('takes a new baseline when the watched target changes', async () => {
		const staticData: IDataObject = {};
		await runPoll(pollContext(staticData), definition(() => [{ id: 1, v: 'a' }]));
		const out = await runPoll(pollContext(staticData), definition(() => [{ id: 9, v: 'z' }], { watch: { event: 'other' } }));
		expect(out).toBeNull();
	});

	it('sends nothing before the minimum interval', async () => {
		const staticData: IDataObject = {};
		const fetch = jest.fn(async () => [{ id: 1, v: 'a' }]);
		await runPoll(pollContext(staticData), definition(() => [], { fetch, minIntervalMs: 60_000 }));
		now += 59_000;
		expect(await runPoll(pollContext(staticData), definition(() => [], { fetch, minIntervalMs: 60_000 }))).toBeNull();
		expect(fetch).toHaveBeenCalledTimes(1);
		now += 2_000;
		await runPoll(pollContext(staticData), definition(() => [], { fetch, minIntervalMs: 60_000 }));
		expect(fetch).toHaveBeenCalledTimes(2);
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
