import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { nextInTurn, definePoll, readEach, Snapshot, type PollDefinition, type PollDiff } from '../../shared';
import { isTerminated, type Occurrence } from '../schemas';
import { getInterfacePrestation, listInterfaceKeys, listInterfacePrestations } from '../transport/api';
import { fetchCatalogueCodes, fetchCatalogueDetail } from '../transport/catalogue';

const SAMPLE_SIZE = 5;

/** What is known of one interface: code counts, and the references of active occurrences. */
interface InterfaceRecord {
	counts: Record<string, number>;
	active: Record<string, string[]>;
}

export interface PrestationState {
	interfaces: Record<string, InterfaceRecord>;
	cursor: string;
}

interface Check {
	key: string;
	codes: string[];
	/** Occurrences per code, for the codes read in detail. */
	occurrences: Record<string, Array<Occurrence & { key: string }>>;
}

interface Fetched {
	checks: Check[];
	cursor: string;
	/** Interfaces whose check failed this poll: their record stays as it was. */
	failed: Record<string, string>;
}

function countsOf(codes: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const c of codes) counts[c] = (counts[c] ?? 0) + 1;
	return counts;
}

function activeRefs(list: Occurrence[]): string[] {
	return list.filter((o) => !isTerminated(o.resilie) && o.reference_unique).map((o) => String(o.reference_unique));
}

/**
 * Which codes of an interface need `GET /interfaces/{key}/prestations/{code}`: all of them on a
 * first read; codes whose count rose; for terminations also codes with active occurrences (a
 * terminated occurrence may stay listed).
 */
function codesToRead(codes: string[], before: InterfaceRecord | undefined, terminations: boolean): string[] {
	const distinct = [...new Set(codes)];
	if (!before) return distinct;
	const counts = countsOf(codes);
	return distinct.filter(
		(c) => counts[c] > (before.counts[c] ?? 0) || (terminations && (before.active[c]?.length ?? 0) > 0),
	);
}

/**
 * Prestation Added / Terminated on the watched interfaces (all, from `GET /interfaces`, or a
 * selection), `maxChecks` interfaces per poll in turn.
 */
export function prestationPoll(
	ctx: IPollFunctions,
	options: { event: 'prestationAdded' | 'prestationTerminated'; selected?: string[]; maxChecks: number },
): PollDefinition<unknown, unknown> {
	const terminations = options.event === 'prestationTerminated';
	const check = async (key: string, before: InterfaceRecord | undefined, readAll: boolean): Promise<Check> => {
		const codes = (await listInterfacePrestations(ctx, key)).map((c) => c.toUpperCase());
		const occurrences: Check['occurrences'] = {};
		for (const code of readAll ? [...new Set(codes)] : codesToRead(codes, before, terminations)) {
			occurrences[code] = await getInterfacePrestation(ctx, key, code);
		}
		return { key, codes, occurrences };
	};
	return definePoll<Fetched, PrestationState>({
		watch: { event: options.event, selected: options.selected ? [...options.selected].sort() : 'all' },
		fetch: async (previous) => {
			const scope = options.selected ?? (await listInterfaceKeys(ctx));
			const checks: Check[] = [];
			if (ctx.getMode() === 'manual') {
				for (const key of scope) {
					checks.push(await check(key, undefined, true));
					if (checks.flatMap((c) => Object.values(c.occurrences).flat()).length >= SAMPLE_SIZE) break;
				}
				return { checks, cursor: '', failed: {} };
			}
			const turn = nextInTurn(scope, previous?.cursor ?? '', options.maxChecks);
			// One interface failing is skipped, checked again at its next turn; the others go on.
			const { read, failed } = await readEach(turn.picked, async (key) => await check(key, previous?.interfaces[key], false));
			return { checks: [...read.values()], cursor: turn.cursor, failed };
		},
		baseline: (fetched) => diff(fetched, undefined, terminations).state,
		diff: (fetched, previous) => diff(fetched, previous, terminations),
		sample: ({ checks }) =>
			checks
				.flatMap((c) => Object.values(c.occurrences).flat())
				.slice(0, SAMPLE_SIZE) as IDataObject[],
		dedupeKey: (item) => `${options.event}:${String(item.key)}:${String(item.reference_unique ?? item.code)}`,
	});
}

function diff(
	{ checks, cursor, failed }: Fetched,
	previous: PrestationState | undefined,
	terminations: boolean,
): PollDiff<PrestationState> {
	// Records of interfaces missing from this list are kept: one that comes back is compared with
	// what was known of it, instead of being read again as a baseline (which would skip changes).
	const interfaces: Record<string, InterfaceRecord> = { ...(previous?.interfaces ?? {}) };
	const items: IDataObject[] = [];
	for (const { key, codes, occurrences } of checks) {
		const before = previous?.interfaces[key];
		const active: Record<string, string[]> = {};
		for (const code of new Set([...codes, ...Object.keys(before?.active ?? {})])) {
			const read = occurrences[code];
			const was = before?.active[code] ?? [];
			if (read) {
				const now = activeRefs(read);
				if (before && !terminations) {
					for (const o of read) {
						const ref = String(o.reference_unique ?? '');
						if (ref && now.includes(ref) && !was.includes(ref)) items.push(o as IDataObject);
					}
				}
				if (before && terminations) {
					for (const ref of was.filter((r) => !now.includes(r))) {
						const found = read.find((o) => String(o.reference_unique) === ref);
						items.push((found as IDataObject) ?? { key, code, reference_unique: ref, resilie: true, no_longer_listed: true });
					}
				}
				if (now.length) active[code] = now;
			} else if (codes.includes(code)) {
				if (was.length) active[code] = was;
			} else if (before && terminations) {
				// The code left the list: every occurrence that was active is gone.
				for (const ref of was) items.push({ key, code, reference_unique: ref, resilie: true, no_longer_listed: true });
			}
		}
		interfaces[key] = { counts: countsOf(codes), active };
	}
	return { items, state: { interfaces, cursor }, failedKeys: failed, readKeys: checks.map((c) => c.key) };
}

/** New Catalogue Prestation: `GET /prestations` + `GET /prestation/{code}` per new code (a code whose read fails stays new). */
export function newPrestationPoll(ctx: IPollFunctions): PollDefinition<unknown, unknown> {
	const spec = { key: (code: string) => code };
	return definePoll<{ codes: string[]; details: Map<string, IDataObject>; failed: Record<string, string> }, { known: string }>({
		watch: { event: 'newPrestation', v: 2 },
		fetch: async (previous) => {
			const codes = await fetchCatalogueCodes(ctx);
			const known = Snapshot.parse(previous?.known);
			const toRead =
				ctx.getMode() === 'manual' ? codes.slice(-SAMPLE_SIZE) : previous ? codes.filter((c) => !known.has(c)) : [];
			const { read, failed } = await readEach(toRead, async (code) => (await fetchCatalogueDetail(ctx, code)) as IDataObject);
			return { codes, details: read, failed };
		},
		baseline: ({ codes }) => ({ known: Snapshot.of(codes, spec).toString() }),
		// A code that drops out of the catalogue stays known, so its return is not news.
		diff: ({ details, failed }, previous) => {
			const known = Snapshot.parse(previous.known);
			for (const code of details.keys()) known.put(code, { value: '', memo: '' });
			return { items: [...details.values()], state: { known: known.toString() }, failedKeys: failed, readKeys: [...details.keys()] };
		},
		sample: ({ details }) => [...details.values()],
		dedupeKey: (item) => String(item.code),
	});
}
