import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { nextInTurn, definePoll, readEach, Snapshot, type KeyedReads, type PollDefinition } from '../../shared';
import { statusLabel } from '../transport';
import { getInterface, listInterfaceKeys } from '../transport/api';
import type { StatusEvent } from './fields';

const SAMPLE_SIZE = 5;
/** Never read, or a status that is not a number. */
const UNREAD = -1;
/** Installing, or deletion requested: the statuses from which an interface is expected to move. */
const IN_TRANSITION = new Set([2, 3]);
const DELETED = 0;
const INSTALLING = 3;
const STATE_VERSION = 2;

interface Fetched extends KeyedReads<IDataObject> {
	keys: string[];
	cursor: string;
}

export interface KeysState {
	/** Key-only `Snapshot` text of every key seen. */
	known: string;
}

export interface StatusState {
	/** `Snapshot` text, memo = statut per interface key (−1 while unread). */
	statuses: string;
	/** The last key checked in turn. */
	cursor: string;
}

const keySpec = { key: (k: string) => k };
const statusSpec = { key: ([k]: [string, number]) => k, memo: ([, s]: [string, number]) => String(s) };

function statutOf(details: IDataObject): number {
	const n = Number(details.statut);
	return Number.isInteger(n) ? n : UNREAD;
}

const read = (ctx: IPollFunctions, keys: string[]) => readEach(keys, async (key) => await getInterface(ctx, key));

/** New Interface: `GET /interfaces` + `GET /interfaces/{key}` per new key (a key whose read fails stays new). */
export function newInterfacePoll(ctx: IPollFunctions): PollDefinition<unknown, unknown> {
	return definePoll<Fetched, KeysState>({
		watch: { event: 'newInterface', v: STATE_VERSION },
		fetch: async (previous) => {
			const keys = await listInterfaceKeys(ctx);
			const known = Snapshot.parse(previous?.known);
			const toRead =
				ctx.getMode() === 'manual' ? keys.slice(-SAMPLE_SIZE) : previous ? keys.filter((k) => !known.has(k)) : [];
			return { keys, cursor: '', ...(await read(ctx, toRead)) };
		},
		baseline: ({ keys }) => ({ known: Snapshot.of(keys, keySpec).toString() }),
		// A key that drops out of the list stays known: should it come back (a list answered empty
		// or partial once), it is not a new interface.
		diff: ({ read: details, failed }, previous) => {
			const known = Snapshot.parse(previous.known);
			for (const key of details.keys()) known.put(key, { value: '', memo: '' });
			return { items: [...details.values()], state: { known: known.toString() }, failedKeys: failed, readKeys: [...details.keys()] };
		},
		sample: ({ read: details }) => [...details.values()],
		dedupeKey: (item) => String(item.key),
	});
}

/** Whether a change from `before` to `now` is the event watched. */
export function statusMatcher(event: StatusEvent, onlyTo: number[]): (before: number, now: number) => boolean {
	switch (event) {
		case 'interfaceInstalled':
			return (before, now) => before === INSTALLING && now === 1;
		case 'deletionRequested':
			return (_before, now) => now === 2;
		case 'interfaceDeleted':
			return (_before, now) => now === DELETED;
		case 'interfaceReactivated':
			return (before, now) => before === 2 && now === 1;
		default:
			return (_before, now) => !onlyTo.length || onlyTo.includes(now);
	}
}

/**
 * Status events: the activation reads every interface once. Each poll then sends
 * `GET /interfaces` and `GET /interfaces/{key}` for new keys, interfaces in transition (installing,
 * deletion requested) and interfaces not read yet, and for `maxChecks` of the others in turn
 * (deleted ones excepted: deletion is final). A key that appeared after the activation counts as
 * having started at 3 (installing). A key whose read fails keeps its last status and is read again
 * at its next turn; a key that leaves the list keeps its last status.
 */
export function statusPoll(
	ctx: IPollFunctions,
	options: { event: StatusEvent; onlyTo: number[]; maxChecks: number },
): PollDefinition<unknown, unknown> {
	const matches = statusMatcher(options.event, options.onlyTo);
	return definePoll<Fetched, StatusState>({
		watch: { event: options.event, onlyTo: [...options.onlyTo].sort(), v: STATE_VERSION },
		fetch: async (previous) => {
			const keys = await listInterfaceKeys(ctx);
			if (ctx.getMode() === 'manual') return { keys, cursor: '', ...(await read(ctx, keys.slice(-SAMPLE_SIZE))) };
			// The activation reads every interface: a status is only known once read.
			if (!previous) return { keys, cursor: '', ...(await read(ctx, keys)) };
			const statuses = Snapshot.parse(previous.statuses);
			const statusOf = (k: string) => Number(statuses.get(k)?.memo ?? UNREAD);
			const fresh = keys.filter((k) => !statuses.has(k));
			const always = keys.filter((k) => statuses.has(k) && (IN_TRANSITION.has(statusOf(k)) || statusOf(k) === UNREAD));
			const others = keys.filter((k) => statuses.has(k) && !always.includes(k) && statusOf(k) !== DELETED);
			const turn = nextInTurn(others, previous.cursor, options.maxChecks);
			return { keys, cursor: turn.cursor, ...(await read(ctx, [...new Set([...fresh, ...always, ...turn.picked])])) };
		},
		baseline: ({ keys, read: details }) => ({
			statuses: Snapshot.of(
				keys.map((k): [string, number] => [k, details.has(k) ? statutOf(details.get(k)!) : UNREAD]),
				statusSpec,
			).toString(),
			cursor: '',
		}),
		diff: ({ keys, read: details, failed, cursor }, previous) => {
			const items: IDataObject[] = [];
			const statuses = Snapshot.parse(previous.statuses);
			for (const key of keys) {
				const read = details.get(key);
				if (!read) continue;
				// An interface that appeared since the last poll was ordered: it started at 3 (installing).
				const before = statuses.has(key) ? Number(statuses.get(key)!.memo) : INSTALLING;
				const now = statutOf(read);
				statuses.put(key, { value: '', memo: String(now) });
				if (before === UNREAD || now === UNREAD || before === now) continue;
				if (matches(before, now)) {
					items.push({ ...read, previous_statut: before, previous_status_label: statusLabel(before) });
				}
			}
			return { items, state: { statuses: statuses.toString(), cursor }, failedKeys: failed, readKeys: [...details.keys()] };
		},
		sample: ({ read: details }) =>
			[...details.values()].map((d) => ({ ...d, previous_statut: null, previous_status_label: null })),
	});
}
