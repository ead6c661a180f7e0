import {
	compareSnapshot,
	idBaseline,
	idChanges,
	idReached,
	nextInTurn,
	readEach,
	Snapshot,
	timeBaseline,
	timeChanges,
	timeReached,
	type TimeSpec,
} from '../../nodes/shared';

type Row = { id: string; v: string; at?: string };

describe('Snapshot (compact fingerprints)', () => {
	const spec = { key: (r: Row) => r.id, value: (r: Row) => r.v };

	it('finds added, changed and removed records, and survives a round trip through text', () => {
		const before = Snapshot.parse(Snapshot.of<Row>([{ id: 'a', v: '1' }, { id: 'b', v: '2' }], spec).toString());
		const found = compareSnapshot(before, [{ id: 'a', v: '1' }, { id: 'b', v: '3' }, { id: 'c', v: '4' }], spec);
		expect(found.added.map((r) => r.id)).toEqual(['c']);
		expect(found.changed.map((c) => c.record.id)).toEqual(['b']);
		expect(found.removed).toEqual([]);
		expect(compareSnapshot(found.next, [{ id: 'c', v: '4' }], spec).removed).toEqual(['', '']);
		expect(Snapshot.parse(found.next.toString()).size).toBe(3);
	});

	it('keeps memos (previous values) and escapes the separator in them', () => {
		const memo = { key: (r: Row) => r.id, memo: (r: Row) => r.v };
		const text = Snapshot.of<Row>([{ id: 'a', v: '5|%7C' }], memo).toString();
		expect(Snapshot.parse(text).get('a')).toEqual({ value: '', memo: '5|%7C' });
		const found = compareSnapshot(Snapshot.parse(text), [{ id: 'a', v: '4' }], memo);
		expect(found.changed).toEqual([{ record: { id: 'a', v: '4' }, before: { value: '', memo: '5|%7C' } }]);
	});

	it('names removed records when keys are kept as text', () => {
		const keys = { key: (r: Row) => r.id, keepKeys: true };
		const before = Snapshot.parse(Snapshot.of<Row>([{ id: 'x|1', v: '' }, { id: 'y', v: '' }], keys).toString());
		expect(compareSnapshot(before, [{ id: 'y', v: '' }], keys).removed).toEqual(['x|1']);
	});

	it('is the same text whatever the order of the records, and empty for unreadable text', () => {
		const rows: Row[] = [{ id: 'a', v: '1' }, { id: 'b', v: '2' }];
		expect(Snapshot.of(rows, spec).toString()).toBe(Snapshot.of([...rows].reverse(), spec).toString());
		expect(Snapshot.parse({ old: 'object state' } as unknown as string).size).toBe(0);
	});

	it('stays under 1 MB for 100 000 records: key-only, fingerprint, memo and key-text forms', () => {
		const rows: Row[] = Array.from({ length: 100_000 }, (_, n) => ({ id: `p${String(n).padStart(7, '0')}`, v: String(n % 997) }));
		const back = Snapshot.parse(Snapshot.of(rows, spec).toString());
		expect(back.size).toBe(100_000);
		expect(back.changed({ id: 'p0000005', v: '5' }, spec)).toBe(false);
		expect(back.changed({ id: 'p0000005', v: '6' }, spec)).toBe(true);
		const sizes = [
			Snapshot.of(rows, { key: (r) => r.id }),
			Snapshot.of(rows, spec),
			Snapshot.of(rows, { key: (r) => r.id, memo: (r) => r.v }),
			Snapshot.of(rows, { key: (r) => r.id, keepKeys: true }),
		].map((s) => JSON.stringify(s.toString()).length);
		for (const size of sizes) expect(size).toBeLessThan(1_000_000);
	});
});

describe('id cursor', () => {
	const idOf = (r: { id: number }) => r.id;
	it('emits ids above the highest seen, oldest first, and knows where a newest-first walk can stop', () => {
		const state = idBaseline([{ id: 3 }, { id: 5 }], idOf);
		expect(state).toEqual({ maxId: 5 });
		const { fresh, next } = idChanges([{ id: 7 }, { id: 6 }, { id: 5 }], state, idOf);
		expect(fresh.map(idOf)).toEqual([6, 7]);
		expect(next).toEqual({ maxId: 7 });
		expect(idReached([{ id: 9 }, { id: 8 }], next, idOf)).toBe(false);
		expect(idReached([{ id: 8 }, { id: 7 }], next, idOf)).toBe(true);
	});
});

describe('time cursor', () => {
	const spec: TimeSpec<Row> = {
		time: (r) => r.at!,
		compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
		key: (r) => r.id,
		value: (r) => r.v,
	};

	it('emits records after the cursor, and at the cursor only when new or changed', () => {
		const state = timeBaseline<Row>([{ id: 'a', v: '1', at: '10' }, { id: 'b', v: '1', at: '09' }], spec);
		expect(state.at).toBe('10');
		const read: Row[] = [
			{ id: 'a', v: '1', at: '10' },
			{ id: 'c', v: '1', at: '10' },
			{ id: 'd', v: '1', at: '11' },
		];
		const { fresh, next } = timeChanges(read, state, spec);
		expect(fresh.map((r) => r.id)).toEqual(['c', 'd']);
		expect(next.at).toBe('11');
		expect(timeChanges([{ id: 'd', v: '1', at: '11' }], next, spec).fresh).toEqual([]);
		expect(timeChanges([{ id: 'd', v: '2', at: '11' }], next, spec).fresh.map((r) => r.v)).toEqual(['2']);
	});

	it('never moves back, and keeps the boundary when the time does not move', () => {
		const state = timeBaseline<Row>([{ id: 'a', v: '1', at: '10' }], spec);
		expect(timeChanges([{ id: 'z', v: '1', at: '05' }], state, spec).next).toEqual(state);
		const same = timeChanges([{ id: 'b', v: '1', at: '10' }], state, spec).next;
		expect(Snapshot.parse(same.boundary).has('a')).toBe(true);
		expect(Snapshot.parse(same.boundary).has('b')).toBe(true);
		expect(timeReached([{ id: 'q', v: '', at: '09' }], state, spec)).toBe(true);
		expect(timeReached([{ id: 'q', v: '', at: '10' }], state, spec)).toBe(false);
	});
});

describe('rotation over keys', () => {
	it('takes the next keys after the cursor in sorted order, wrapping around', () => {
		expect(nextInTurn(['c', 'a', 'b', 'd'], '', 2)).toEqual({ picked: ['a', 'b'], cursor: 'b' });
		expect(nextInTurn(['c', 'a', 'b', 'd'], 'c', 2)).toEqual({ picked: ['d', 'a'], cursor: 'a' });
		expect(nextInTurn(['a', 'b'], 'bb', 5)).toEqual({ picked: ['a', 'b'], cursor: 'b' });
		expect(nextInTurn([], 'x', 3)).toEqual({ picked: [], cursor: 'x' });
	});

	it('sets a failing key aside and goes on; throws when every key failed', async () => {
		const read = async (key: string) => {
			if (key.startsWith('bad')) throw new Error(`${key} failed`);
			return key.toUpperCase();
		};
		const out = await readEach(['a', 'bad1', 'b'], read);
		expect([...out.read.entries()]).toEqual([['a', 'A'], ['b', 'B']]);
		expect(out.failed).toEqual({ bad1: 'bad1 failed' });
		await expect(readEach(['bad1', 'bad2'], read)).rejects.toThrow('bad1 failed');
		expect((await readEach([], read)).read.size).toBe(0);
	});
});
