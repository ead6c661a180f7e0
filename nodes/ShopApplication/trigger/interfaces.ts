import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { PollDefinition } from '../../shared';
import { statusLabel } from '../transport';
import { getInterface, listInterfaceKeys } from '../transport/api';
import type { ShopApplicationEvent } from './fields';
import { nextInTurn } from './rotation';

const SAMPLE_SIZE = 5;
/** Never read, or a status that is not a number. */
const UNREAD = -1;
/** Installing, or deletion requested: the statuses from which an interface is expected to move. */
const IN_TRANSITION = new Set([2, 3]);
const DELETED = 0;
const INSTALLING = 3;

export interface KeysState {
	keys: string[];
}

export interface StatusState {
	/** statut per interface key; −1 until first read. */
	statuses: Record<string, number>;
	/** The last key checked in turn. */
	cursor: string;
}

interface Fetched {
	keys: string[];
	details: Map<string, IDataObject>;
	cursor: string;
}

function statutOf(details: IDataObject): number {
	const n = Number(details.statut);
	return Number.isInteger(n) ? n : UNREAD;
}

async function readAll(ctx: IPollFunctions, keys: string[]): Promise<Map<string, IDataObject>> {
	const details = new Map<string, IDataObject>();
	// One at a time: the API publishes no rate limit.
	for (const key of keys) details.set(key, await getInterface(ctx, key));
	return details;
}

/** New Interface: `GET /interfaces` + `GET /interfaces/{key}` per new key. */
export function newInterfacePoll(ctx: IPollFunctions): PollDefinition<Fetched, KeysState> {
	return {
		watch: { event: 'newInterface' },
		fetch: async (previous) => {
			const keys = await listInterfaceKeys(ctx);
			const known = new Set(previous?.keys ?? []);
			const toRead =
				ctx.getMode() === 'manual' ? keys.slice(-SAMPLE_SIZE) : previous ? keys.filter((k) => !known.has(k)) : [];
			return { keys, details: await readAll(ctx, toRead), cursor: '' };
		},
		baseline: ({ keys }) => ({ keys }),
		// A key that drops out of the list stays known: should it come back (a list answered empty
		// or partial once), it is not a new interface.
		diff: ({ keys, details }, previous) => ({
			items: [...details.values()],
			state: { keys: [...new Set([...previous.keys, ...keys])] },
		}),
		sample: ({ details }) => [...details.values()],
		dedupeKey: (item) => String(item.key),
	};
}

/** Whether a change from `before` to `now` is the event watched. */
export function statusMatcher(
	event: ShopApplicationEvent,
	onlyTo: number[],
): (before: number, now: number) => boolean {
	switch (event) {
		case 'interfaceInstalled':
			return (before, now) => before === 3 && now === 1;
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
 * Status events: `GET /interfaces`, then `GET /interfaces/{key}` for new keys and interfaces in
 * transition at every poll, and for `maxChecks` of the others in turn (deleted ones excepted:
 * deletion is final). A key known since the baseline is only recorded when first read; a key
 * that appeared later counts as having started at 3 (installing). A key that leaves the list keeps
 * its last status in the state.
 */
export function statusPoll(
	ctx: IPollFunctions,
	options: { event: ShopApplicationEvent; onlyTo: number[]; maxChecks: number },
): PollDefinition<Fetched, StatusState> {
	const matches = statusMatcher(options.event, options.onlyTo);
	return {
		watch: { event: options.event, onlyTo: [...options.onlyTo].sort() },
		fetch: async (previous) => {
			const keys = await listInterfaceKeys(ctx);
			if (ctx.getMode() === 'manual') {
				return { keys, details: await readAll(ctx, keys.slice(-SAMPLE_SIZE)), cursor: '' };
			}
			const statuses = previous?.statuses ?? {};
			const known = (k: string) => previous !== undefined && k in statuses;
			const fresh = previous ? keys.filter((k) => !known(k)) : [];
			const moving = keys.filter((k) => known(k) && IN_TRANSITION.has(statuses[k]));
			const others = keys.filter((k) => (!previous || known(k)) && !IN_TRANSITION.has(statuses[k]) && statuses[k] !== DELETED);
			const turn = nextInTurn(others, previous?.cursor ?? '', options.maxChecks);
			return { keys, details: await readAll(ctx, [...new Set([...fresh, ...moving, ...turn.picked])]), cursor: turn.cursor };
		},
		baseline: ({ keys, details, cursor }) => ({
			statuses: Object.fromEntries(keys.map((k) => [k, details.has(k) ? statutOf(details.get(k)!) : UNREAD])),
			cursor,
		}),
		diff: ({ keys, details, cursor }, previous) => {
			const items: IDataObject[] = [];
			// Keys missing from this list keep their last status: one that comes back is not taken
			// for a new interface that started at 3 (installing).
			const statuses: Record<string, number> = { ...previous.statuses };
			for (const key of keys) {
				// An interface that appeared since the last poll was ordered: it started at 3 (installing).
				const before = key in previous.statuses ? previous.statuses[key] : INSTALLING;
				const read = details.get(key);
				if (!read) {
					statuses[key] = before ?? UNREAD;
					continue;
				}
				const now = statutOf(read);
				statuses[key] = now;
				if (before === UNREAD || now === UNREAD || before === now) continue;
				if (matches(before, now)) {
					items.push({ ...read, previous_statut: before, previous_status_label: statusLabel(before) });
				}
			}
			return { items, state: { statuses, cursor } };
		},
		sample: ({ details }) =>
			[...details.values()].map((d) => ({ ...d, previous_statut: null, previous_status_label: null })),
	};
}
