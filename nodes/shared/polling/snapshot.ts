import { shortHash } from './hash';

/** 36 bits: two of 100 000 keys share a hash with a probability of about 7 %, a new key hides behind an old one about once in 700 000. */
const KEY_CHARS = 6;
/** 24 bits: a change goes unseen about once in 16 million. */
const VALUE_CHARS = 4;
const SEPARATOR = '|';

/** What a snapshot keeps of each record; everything else is dropped. */
export interface SnapshotSpec<R> {
	key(record: R): string;
	/** Fingerprinted: a change of this value is a change of the record. Omit for key-only snapshots. */
	value?(record: R): unknown;
	/** Kept as text because the event emits it later (a previous stock, the id of a removed record). */
	memo?(record: R): string;
}

export interface SnapshotEntry {
	value: string;
	memo: string;
}

function escapeMemo(text: string): string {
	return text.replace(/%/g, '%25').replace(/\|/g, '%7C');
}

function unescapeMemo(text: string): string {
	return text.replace(/%7C/g, SEPARATOR).replace(/%25/g, '%');
}

/**
 * Key → fingerprint table of every record seen, kept in static data as one string (about 10
 * bytes per record without memo), so 100 000 records stay under 1 MB. Keys are hashed too: an
 * entry can say whether a key was seen and whether its value changed, not which keys exist
 * (an event that must name a vanished record keeps its id as memo).
 */
export class Snapshot {
	private constructor(
		private readonly entries: Map<string, SnapshotEntry>,
		private readonly valueChars: number,
		private readonly withMemo: boolean,
	) {}

	static keyHash(key: string): string {
		return shortHash(key, KEY_CHARS);
	}

	static of<R>(records: Iterable<R>, spec: SnapshotSpec<R>): Snapshot {
		const snapshot = new Snapshot(new Map(), spec.value ? VALUE_CHARS : 0, spec.memo !== undefined);
		for (const record of records) snapshot.put(spec.key(record), snapshot.entryOf(record, spec));
		return snapshot;
	}

	static parse(text: string | undefined): Snapshot {
		const match = /^s1:(\d):([01])\|/.exec(text ?? '');
		if (!match) return new Snapshot(new Map(), 0, false);
		const valueChars = Number(match[1]);
		const withMemo = match[2] === '1';
		const body = text!.slice(match[0].length);
		const entries = new Map<string, SnapshotEntry>();
		if (withMemo) {
			for (const part of body ? body.split(SEPARATOR) : []) {
				entries.set(part.slice(0, KEY_CHARS), {
					value: part.slice(KEY_CHARS, KEY_CHARS + valueChars),
					memo: unescapeMemo(part.slice(KEY_CHARS + valueChars)),
				});
			}
		} else {
			const width = KEY_CHARS + valueChars;
			for (let i = 0; i + width <= body.length; i += width) {
				entries.set(body.slice(i, i + KEY_CHARS), { value: body.slice(i + KEY_CHARS, i + width), memo: '' });
			}
		}
		return new Snapshot(entries, valueChars, withMemo);
	}

	get size(): number {
		return this.entries.size;
	}

	get(key: string): SnapshotEntry | undefined {
		return this.entries.get(Snapshot.keyHash(key));
	}

	has(key: string): boolean {
		return this.entries.has(Snapshot.keyHash(key));
	}

	/** Whether `record` differs from what was kept under its key (false for an unknown key). */
	changed<R>(record: R, spec: SnapshotSpec<R>): boolean {
		const before = this.get(spec.key(record));
		return before !== undefined && before.value !== this.entryOf(record, spec).value;
	}

	put(key: string, entry: SnapshotEntry): void {
		const hash = Snapshot.keyHash(key);
		this.entries.delete(hash);
		this.entries.set(hash, entry);
	}

	delete(key: string): void {
		this.entries.delete(Snapshot.keyHash(key));
	}

	/** Memos of the entries that `current` no longer has (records removed since). */
	missingFrom(current: Snapshot): string[] {
		const out: string[] = [];
		for (const [hash, entry] of this.entries) if (!current.entries.has(hash)) out.push(entry.memo);
		return out;
	}

	entryOf<R>(record: R, spec: SnapshotSpec<R>): SnapshotEntry {
		return {
			value: spec.value ? shortHash(spec.value(record), this.valueChars || VALUE_CHARS) : '',
			memo: spec.memo ? spec.memo(record) : '',
		};
	}

	/** Sorted by key hash: the same records always give the same text. */
	toString(): string {
		const hashes = [...this.entries.keys()].sort();
		const parts = hashes.map((h) => {
			const e = this.entries.get(h)!;
			return this.withMemo ? `${h}${e.value}${escapeMemo(e.memo)}` : `${h}${e.value}`;
		});
		return `s1:${this.valueChars}:${this.withMemo ? 1 : 0}|${parts.join(this.withMemo ? SEPARATOR : '')}`;
	}
}

export interface SnapshotChanges<R> {
	/** Records whose key was not in the snapshot. */
	added: R[];
	/** Known records whose value changed, with what was kept of them before. */
	changed: Array<{ record: R; before: SnapshotEntry }>;
	/** Memos of records no longer present. */
	removed: string[];
	next: Snapshot;
}

/** Compares a complete read with the snapshot of the previous one. */
export function compareSnapshot<R>(previous: Snapshot, records: R[], spec: SnapshotSpec<R>): SnapshotChanges<R> {
	const next = Snapshot.of(records, spec);
	const added: R[] = [];
	const changed: SnapshotChanges<R>['changed'] = [];
	for (const record of records) {
		const before = previous.get(spec.key(record));
		if (!before) added.push(record);
		else if (before.value !== next.get(spec.key(record))!.value || (spec.memo && before.memo !== spec.memo(record))) {
			changed.push({ record, before });
		}
	}
	return { added, changed, removed: previous.missingFrom(next), next };
}
