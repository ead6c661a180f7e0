import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { clock } from '../clock';
import { recordHash } from './hash';

export interface PollDefinition<TFetched, TState> {
	/** What is watched (event, filters, thresholds): the baseline is taken again when it changes. */
	watch: unknown;
	/** A poll sooner than this after the last successful request sends nothing. */
	minIntervalMs?: number;
	/** The network part; receives the committed state (undefined on a baseline or manual run). */
	fetch(previous: TState | undefined): Promise<TFetched>;
	/** State after the first activation; nothing is emitted for what already exists. */
	baseline(fetched: TFetched): TState;
	/** Changes since `previous`, and the state to commit once they are emitted. */
	diff(fetched: TFetched, previous: TState): { items: IDataObject[]; state: TState };
	/** What "Fetch Test Event" shows; state is not touched. */
	sample(fetched: TFetched): IDataObject[];
	/** Identifies an emitted change; a key seen in the last `dedupeMemory` emissions is dropped. */
	dedupeKey?(item: IDataObject): string;
	dedupeMemory?: number;
}

interface StoredPoll {
	watch: string;
	state: unknown;
	lastRequestAt: number;
	seen: string[];
}

const STORE_KEY = 'poll';

/**
 * The trigger lifecycle shared by every API: baseline on first activation, manual sample
 * without side effects, minimum interval, de-duplication, and state committed only after the
 * fetch and the diff succeeded (a failed poll leaves everything as it was, so nothing is lost).
 */
export async function runPoll<TFetched, TState>(
	ctx: IPollFunctions,
	def: PollDefinition<TFetched, TState>,
): Promise<INodeExecutionData[][] | null> {
	const staticData = ctx.getWorkflowStaticData('node');
	const watch = recordHash(def.watch, 16);

	if (ctx.getMode() === 'manual') {
		const sample = def.sample(await def.fetch(undefined));
		return sample.length ? [ctx.helpers.returnJsonArray(sample)] : null;
	}

	const stored = staticData[STORE_KEY] as StoredPoll | undefined;
	const now = clock.now();
	if (!stored || stored.watch !== watch) {
		const fetched = await def.fetch(undefined);
		const fresh: StoredPoll = { watch, state: def.baseline(fetched), lastRequestAt: now, seen: [] };
		staticData[STORE_KEY] = fresh as unknown as IDataObject;
		return null;
	}
	if (def.minIntervalMs && now - stored.lastRequestAt < def.minIntervalMs) return null;

	const fetched = await def.fetch(stored.state as TState);
	const { items, state } = def.diff(fetched, stored.state as TState);

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

	staticData[STORE_KEY] = { watch, state, lastRequestAt: now, seen } as unknown as IDataObject;
	return emitted.length ? [ctx.helpers.returnJsonArray(emitted)] : null;
}
