import { randomUUID } from 'node:crypto';
import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { clock } from '../clock';
import { recordHash } from './hash';
import { singleAttempt } from './single-attempt';

export interface PollDiff<TState> {
	items: IDataObject[];
	state: TState;
	/** Keys whose own request failed this poll: skipped, retried at their next turn. */
	failedKeys?: Record<string, string>;
	/** Keys read successfully this poll: their failure count starts again. */
	readKeys?: string[];
}

export interface PollDefinition<TFetched, TState> {
	/** The event's value, added to every emitted and sample item as `event`. */
	event?: string;
	/** What is watched (event, filters, thresholds): the baseline is taken again when it changes. */
	watch: unknown;
	/** A poll sooner than this after the last attempt (failed or not) sends nothing. */
	minIntervalMs?: number;
	/** The network part; receives the committed state (undefined on a baseline or manual run). */
	fetch(previous: TState | undefined): Promise<TFetched>;
	/** State after the first activation; nothing is emitted for what already exists. */
	baseline(fetched: TFetched): TState;
	/** Changes since `previous`, and the state to commit once they are emitted. */
	diff(fetched: TFetched, previous: TState): PollDiff<TState>;
	/** What "Fetch Test Event" shows, shaped like an emission; state is not touched. */
	sample(fetched: TFetched): IDataObject[];
	/** Shown by "Fetch Test Event" when the API has no matching record; marked `_sample: true`. */
	example?: IDataObject;
	/** Identifies an emitted change; a key seen in the last `dedupeMemory` emissions is dropped. */
	dedupeKey?(item: IDataObject): string;
	dedupeMemory?: number;
}

interface StoredPoll {
	watch: string;
	/** Absent until a baseline succeeded. */
	state?: unknown;
	/** When the last request was attempted, whatever its outcome. */
	lastRequestAt: number;
	/** Failed attempts in a row; each doubles the wait before the next one. */
	failures?: number;
	seen: string[];
	/** Consecutive failures per key (per-key isolation). */
	keyFailures?: Record<string, number>;
	/** A poll in flight: `by` this process, until the lease runs out. */
	lease?: { by: string; until: number };
}

const STORE_KEY = 'poll';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A poll still running after this is taken for dead (OnlineERP reads may take many minutes). */
const LEASE_MS = HOUR;
/** n8n's poll times jitter: a poll this much early still counts as on time. */
const SLACK_MS = 5_000;
/** A key whose own request failed this many polls in a row is reported in the trigger's error. */
export const KEY_FAILURE_LIMIT = 3;
/** Leases from a previous n8n process (static data saved mid-poll) are not this process's. */
const PROCESS_ID = randomUUID();

/**
 * Wait before the next attempt after `failures` failed attempts in a row: the minimum interval
 * (one minute when none), doubled per failure, capped at an hour (or the interval when longer).
 */
export function backoffMs(minIntervalMs: number | undefined, failures: number): number {
	const base = Math.max(minIntervalMs ?? 0, MINUTE);
	if (failures <= 0) return minIntervalMs ?? 0;
	return Math.max(minIntervalMs ?? 0, Math.min(HOUR, base * 2 ** (failures - 1)));
}

function tagged(items: IDataObject[], event: string | undefined): IDataObject[] {
	return event ? items.map((item) => ({ event, ...item })) : items;
}

function keyError(
	ctx: IPollFunctions,
	failures: Record<string, number>,
	messages: Record<string, string>,
): Error | undefined {
	const stuck = Object.keys(failures).filter((k) => failures[k] >= KEY_FAILURE_LIMIT);
	if (!stuck.length) return undefined;
	const detail = stuck.map((k) => `"${k}" (${failures[k]}×${messages[k] ? `: ${messages[k]}` : ''})`).join(', ');
	return new NodeOperationError(ctx.getNode(), `Some records could not be read in ${KEY_FAILURE_LIMIT} or more polls in a row: ${detail}`, {
		description: 'The other records are still watched; these are tried again at their next turn.',
	});
}

/**
 * The trigger lifecycle shared by every API: baseline on first activation, manual sample
 * without side effects, one poll at a time, a minimum interval that counts every attempt, one
 * request per attempt (no transport retries) and backoff after failures, de-duplication, and
 * state committed only after the fetch and the diff succeeded (a failed poll leaves the cursor
 * as it was, so nothing is lost or repeated).
 */
export async function runPoll<TFetched, TState>(
	ctx: IPollFunctions,
	def: PollDefinition<TFetched, TState>,
): Promise<INodeExecutionData[][] | null> {
	const staticData = ctx.getWorkflowStaticData('node');
	const watch = recordHash(def.watch, 16);

	if (ctx.getMode() === 'manual') {
		let sample = def.sample(await def.fetch(undefined));
		if (!sample.length && def.example) sample = [{ ...def.example, _sample: true }];
		return sample.length ? [ctx.helpers.returnJsonArray(tagged(sample, def.event))] : null;
	}

	const now = clock.now();
	const found = staticData[STORE_KEY] as StoredPoll | undefined;
	if (found?.lease && found.lease.by === PROCESS_ID && found.lease.until > now) return null;
	const sameWatch = found?.watch === watch;
	const stored: StoredPoll = {
		watch,
		state: sameWatch ? found.state : undefined,
		lastRequestAt: found?.lastRequestAt ?? 0,
		failures: found?.failures ?? 0,
		seen: sameWatch ? (found.seen ?? []) : [],
		keyFailures: sameWatch ? (found.keyFailures ?? {}) : {},
	};
	const failures = stored.failures ?? 0;
	// The budget is the API's, not the event's: a changed watch does not reset the interval.
	if (found && now - stored.lastRequestAt < backoffMs(def.minIntervalMs, failures) - SLACK_MS) return null;

	const lease = { by: PROCESS_ID, until: now + LEASE_MS };
	staticData[STORE_KEY] = { ...stored, lease, lastRequestAt: now } as unknown as IDataObject;
	const record = (fields: Partial<StoredPoll>): void => {
		staticData[STORE_KEY] = { ...stored, lastRequestAt: now, ...fields } as unknown as IDataObject;
	};

	try {
		if (stored.state === undefined) {
			const fetched = await singleAttempt(async () => await def.fetch(undefined));
			record({ state: def.baseline(fetched), failures: 0 });
			return null;
		}
		const fetched = await singleAttempt(async () => await def.fetch(stored.state as TState));
		const { items, state, failedKeys = {}, readKeys = [] } = def.diff(fetched, stored.state as TState);

		let emitted = items;
		let seen = stored.seen;
		if (def.dedupeKey) {
			const known = new Set(seen);
			emitted = [];
			for (const item of items) {
				const key = def.dedupeKey(item);
				if (known.has(key)) continue;
				known.add(key);
				emitted.push(item);
			}
			seen = [...seen, ...emitted.map((i) => def.dedupeKey!(i))].slice(-(def.dedupeMemory ?? 500));
		}

		const keyFailures = { ...(stored.keyFailures ?? {}) };
		for (const key of readKeys) delete keyFailures[key];
		for (const key of Object.keys(failedKeys)) keyFailures[key] = (keyFailures[key] ?? 0) + 1;
		record({ state, seen, failures: 0, keyFailures });

		const stuck = keyError(ctx, keyFailures, failedKeys);
		// Emitting wins: the stuck keys fail again at their next turn and are reported then.
		if (stuck && !emitted.length) throw stuck;
		if (stuck) ctx.logger.warn(stuck.message);
		return emitted.length ? [ctx.helpers.returnJsonArray(tagged(emitted, def.event))] : null;
	} catch (error) {
		const current = staticData[STORE_KEY] as unknown as StoredPoll;
		if (current.lease) record({ failures: failures + 1 });
		// Already the transport's NodeApiError or the trigger's NodeOperationError: n8n shows it as is.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	} finally {
		const current = staticData[STORE_KEY] as unknown as StoredPoll;
		if (current.lease) {
			const { lease: _lease, ...rest } = current;
			staticData[STORE_KEY] = rest as unknown as IDataObject;
		}
	}
}
