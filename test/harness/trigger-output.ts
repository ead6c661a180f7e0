import type { INodeExecutionData } from 'n8n-workflow';

/**
 * A trigger's output with the `event` tag checked on every item and then removed, so tests
 * written against the record shape compare the rest.
 */
export function untagged(out: INodeExecutionData[][] | null, event: unknown): INodeExecutionData[][] | null {
	if (!out) return out;
	return out.map((items) =>
		items.map((item) => {
			if (item.json.event !== event) throw new Error(`item tagged ${String(item.json.event)}, expected ${String(event)}`);
			const { event: _event, ...json } = item.json;
			return { ...item, json };
		}),
	);
}

/** What a trigger remembers of the data (cursor, snapshot, emitted keys), without attempt times. */
export function cursorOf(staticData: Record<string, unknown>): string {
	const poll = (staticData.poll ?? {}) as Record<string, unknown>;
	return JSON.stringify({ watch: poll.watch, state: poll.state, seen: poll.seen });
}
