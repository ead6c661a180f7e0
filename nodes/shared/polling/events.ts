import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { runPoll, type PollDefinition } from './run-poll';

export type CursorStrategy = 'snapshot' | 'id' | 'time' | 'rotation';

/** One row of an API's event table: what the event reads, how it finds changes, what it emits. */
export interface TriggerEvent {
	/** The requests of one poll, e.g. `GET /products`. */
	fetches: string;
	strategy: CursorStrategy;
	/** When an item is emitted. */
	emits: string;
	/** An emitted item, shown (marked `_sample: true`) by "Fetch Test Event" when the API has none. */
	example: IDataObject;
	/** The poll of this event, parameters read from `ctx`. */
	define(ctx: IPollFunctions): PollDefinition<unknown, unknown>;
}

export type EventTable<E extends string = string> = Record<E, TriggerEvent>;

/** Erases the fetched and state types so definitions of any shape fit one table. */
export function definePoll<TFetched, TState>(def: PollDefinition<TFetched, TState>): PollDefinition<unknown, unknown> {
	return def as unknown as PollDefinition<unknown, unknown>;
}

/** A trigger's `poll()`: the chosen event's row, run by the shared lifecycle. */
export async function pollEvent(ctx: IPollFunctions, table: EventTable): Promise<INodeExecutionData[][] | null> {
	const event = String(ctx.getNodeParameter('event'));
	const row = Object.prototype.hasOwnProperty.call(table, event) ? table[event] : undefined;
	if (!row) throw new NodeOperationError(ctx.getNode(), `Event "${event}" is not known to this trigger`);
	return await runPoll(ctx, { example: row.example, ...row.define(ctx), event });
}
