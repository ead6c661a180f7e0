import { shortHash } from './hash';

/** 36 bits: two of 100 000 keys share a hash with a probability of about 7 %, a new key hides behind an old one about once in 700 000. */
const KEY_CHARS = 6;
/** 24 bits: a change goes unseen about once in 16 million. */
const VALUE_CHARS = 4;
const SEPARATOR = '|';
const BUCKET = '~';
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A run length in three base64url digits (up to 262 143 entries per first character). */
function encodeCount(n: number): string {
	return DIGITS[(n >> 12) & 63] + DIGITS[(n >> 6) & 63] + DIGITS[n & 63];
}

function decodeCount(text: string): number {
	return (DIGITS.indexOf(text[0]) << 12) | (DIGITS.indexOf(text[1]) << 6) | DIGITS.indexOf(text[2]);
}

/** What a snapshot keeps of each record; everything else is dropped. */
export interface SnapshotSpec<R> {
	key(record: R): string;
	/** Fingerprinted: a change of this value is a change of the record. Omit for key-only snapshots. */
	value?(record: R): unknown;
	/** Kept as text because the event emits it later (a previous stock). */
	memo?(record: R): string;
	/** Keeps each key as text instead of its hash (it is then the entry's memo), so a vanished record can be named. */
	keepKeys?: boolean;
}

export interface SnapshotEntry {
	value: string;
	memo: string;
}

function escapeMemo(text: string): string {
	return text.replace(/%/g, '%25').replace(/\|/g, '%7C').replace(/~/g, '%7E');
}

function unescapeMemo(text: string): string {
	return text.replace(/%7E/g, BUCKET).replace(/%7C/g, SEPARATOR).replace(/%25/g, '%');
}

/**
 * Key → fingerprint table of every record seen, kept in static data as one string (9 bytes per
 * record with a fingerprint, 5 for a key alone), so 100 000 records stay under 1 MB. Keys are hashed too: an
 * entry can say whether a key was seen and whether its value changed, not which keys exist
 * (an event that must name a vanished record keeps its id as memo).
 */
export class Snapshot {
	private constructor(
		private readonly entries: Map<string, SnapshotEntry>,
		private readonly valueChars: number,
		private readonly withMemo: boolean,
		private readonly keysKept = false,
	) {}

	static keyHash(key: string): string {
		return shortHash(key, KEY_CHARS);
	}

	static of<R>(records: Iterable<R>, spec: SnapshotSpec<R>): Snapshot {
		const snapshot = spec.keepKeys
			? new Snapshot(new Map(), 0, true, true)
			: new Snapshot(new Map(), spec.value ? VALUE_CHARS : 0, spec.memo !== undefined);
		for (const record of records) snapshot.put(spec.key(record), snapshot.entryOf(record, spec));
		return snapshot;
	}

	static parse(text: string | undefined): Snapshot {
		const match = typeof text === 'string' ? /^s2:(\d):([012])\|/.exec(text) : null;
		if (!match) return new Snapshot(new Map(), 0, false);
		const valueChars = Number(match[1]);
		const body = text!.slice(match[0].length);
		const entries = new Map<string, SnapshotEntry>();
		if (match[2] === '2') {
			for (const part of body ? body.split(SEPARATOR) : []) {
				const key = unescapeMemo(part);
				entries.set(Snapshot.keyHash(key), { value: '', memo: key });
			}
			return new Snapshot(entries, 0, true, true);
		}
		const rest = KEY_CHARS - 1;
		if (match[2] === '1') {
			for (const bucket of body ? body.split(BUCKET) : []) {
				for (const part of bucket.slice(1).split(SEPARATOR)) {
					entries.set(bucket[0] + part.slice(0, rest), {
						value: part.slice(rest, rest + valueChars),
						memo: unescapeMemo(part.slice(rest + valueChars)),
					});
				}
			}
			return new Snapshot(entries, valueChars, true);
		}
		const width = rest + valueChars;
		for (let i = 0; i < body.length; ) {
			const first = body[i];
			const count = decodeCount(body.slice(i + 1, i + 4));
			i += 4;
			for (let n = 0; n < count; n++, i += width) {
				entries.set(first + body.slice(i, i + rest), { value: body.slice(i + rest, i + width), memo: '' });
			}
		}
		return new Snapshot(entries, valueChars, false);
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
		if (this.keysKept) return { value: '', memo: spec.key(record) };
		return {
			value: spec.value ? shortHash(spec.value(record), this.valueChars || VALUE_CHARS) : '',
			memo: spec.memo ? spec.memo(record) : '',
		};
	}

	/** Sorted by key hash: the same records always give the same text. */
	toString(): string {
		const hashes = [...this.entries.keys()].sort();
		const mode = this.keysKept ? 2 : this.withMemo ? 1 : 0;
		const head = `s2:${this.valueChars}:${mode}|`;
		if (this.keysKept) return head + hashes.map((h) => escapeMemo(this.entries.get(h)!.memo)).join(SEPARATOR);
		// Sorted hashes share their first character in runs: it is written once per run.
		const runs = new Map<string, string[]>();
		for (const h of hashes) {
			const e = this.entries.get(h)!;
			const rest = `${h.slice(1)}${e.value}${this.withMemo ? escapeMemo(e.memo) : ''}`;
			const run = runs.get(h[0]);
			if (run) run.push(rest);
			else runs.set(h[0], [rest]);
		}
		const parts = [...runs].map(([first, rest]) =>
			this.withMemo ? `${first}${rest.join(SEPARATOR)}` : `${first}${encodeCount(rest.length)}${rest.join('')}`,
		);
		return head + parts.join(this.withMemo ? BUCKET : '');
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
