import { Snapshot } from './snapshot';

/** Increasing id: a record above the highest id seen is new. */
export interface IdState {
	maxId: number;
}

export function idBaseline<R>(records: R[], idOf: (r: R) => number): IdState {
	return { maxId: records.reduce((m, r) => Math.max(m, idOf(r)), 0) };
}

/** Records above the cursor, oldest first, and the cursor after them. */
export function idChanges<R>(records: R[], state: IdState, idOf: (r: R) => number): { fresh: R[]; next: IdState } {
	const fresh = records.filter((r) => idOf(r) > state.maxId).sort((a, b) => idOf(a) - idOf(b));
	return { fresh, next: { maxId: fresh.reduce((m, r) => Math.max(m, idOf(r)), state.maxId) } };
}

/** Whether a page read newest first reaches what the id cursor already covers. */
export function idReached<R>(page: R[], state: IdState, idOf: (r: R) => number): boolean {
	return page.some((r) => idOf(r) <= state.maxId);
}

export interface TimeSpec<R> {
	/** The record's change time as the API writes it. */
	time(r: R): string;
	compare(a: string, b: string): number;
	key(r: R): string;
	/** When set, a record at the cursor instant whose value changed counts as changed again. */
	value?(r: R): unknown;
}

/** Updated-at time: the latest time seen, and the records at exactly that time (they come back). */
export interface TimeState {
	at?: string;
	/** Snapshot text of the records at `at`. */
	boundary: string;
}

function latest<R>(records: R[], spec: TimeSpec<R>): string | undefined {
	let at: string | undefined;
	for (const r of records) if (at === undefined || spec.compare(spec.time(r), at) > 0) at = spec.time(r);
	return at;
}

export function timeBaseline<R>(records: R[], spec: TimeSpec<R>): TimeState {
	const at = latest(records, spec);
	const atCursor = at === undefined ? [] : records.filter((r) => spec.compare(spec.time(r), at) === 0);
	return { at, boundary: Snapshot.of(atCursor, spec).toString() };
}

/**
 * Records changed since the cursor, oldest first: after it, or at it and not seen there before
 * (or seen with another value). The cursor never moves back: a read that returns only older
 * records (an ERP ignoring the filter) keeps it.
 */
export function timeChanges<R>(records: R[], state: TimeState, spec: TimeSpec<R>): { fresh: R[]; next: TimeState } {
	const boundary = Snapshot.parse(state.boundary);
	const fresh: R[] = [];
	for (const r of records) {
		const order = state.at === undefined ? 1 : spec.compare(spec.time(r), state.at);
		if (order > 0) fresh.push(r);
		else if (order === 0 && (!boundary.has(spec.key(r)) || boundary.changed(r, spec))) fresh.push(r);
	}
	fresh.sort((a, b) => spec.compare(spec.time(a), spec.time(b)));
	const at = latest(records, spec);
	if (at === undefined || (state.at !== undefined && spec.compare(at, state.at) < 0)) return { fresh, next: state };
	const next = state.at !== undefined && spec.compare(at, state.at) === 0 ? boundary : Snapshot.of<R>([], spec);
	for (const r of records) if (spec.compare(spec.time(r), at) === 0) next.put(spec.key(r), next.entryOf(r, spec));
	return { fresh, next: { at, boundary: next.toString() } };
}

/** Whether a page read newest first reaches records older than the cursor. */
export function timeReached<R>(page: R[], state: TimeState, spec: TimeSpec<R>): boolean {
	return state.at !== undefined && page.some((r) => spec.compare(spec.time(r), state.at!) < 0);
}
