import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { recordHash } from '../../shared';

export type OnlineErpEvent = 'newRecord' | 'updatedRecord';
export type Detection = 'snapshot' | 'dateField';

/** Key → 12-hex fingerprint of the record as read (only the selected fields). */
export type Fingerprints = Record<string, string>;

export interface SnapshotState {
	records: Fingerprints;
}

export interface DateState {
	/** The latest watched date seen, as the ERP wrote it; undefined while the entity is empty. */
	cursor?: string;
	/** Records carrying exactly `cursor`: they come back with `ge`, and must not fire twice. */
	boundary: Fingerprints;
}

export function pathValue(record: IDataObject, path: string): unknown {
	let value: unknown = record;
	for (const part of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[part];
	}
	return value;
}

export function keyOf(record: IDataObject, keyField: string, node: INode): string {
	const value = pathValue(record, keyField);
	if (value === undefined || value === null || value === '' || typeof value === 'object') {
		throw new NodeOperationError(node, `A record has no value in the Key Field "${keyField}"`, {
			description: `Set Key Field to the field that identifies a record of this entity, exactly as the connector returns it. The record: ${JSON.stringify(record).slice(0, 200)}`,
		});
	}
	return String(value);
}

export function dateOf(record: IDataObject, dateField: string, node: INode): string {
	const value = pathValue(record, dateField);
	if (value === undefined || value === null || value === '' || typeof value === 'object') {
		throw new NodeOperationError(node, `A record has no value in the Date Field "${dateField}"`, {
			description: 'Set Date Field to a date the ERP fills on every record, or use Compare Snapshots.',
		});
	}
	return String(value);
}

/** Dates compared as instants when both parse, else as text (ISO text sorts in time order). */
export function compareDates(a: string, b: string): number {
	const ta = Date.parse(a);
	const tb = Date.parse(b);
	if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta < tb ? -1 : 1;
	if (!Number.isNaN(ta) && !Number.isNaN(tb)) return 0;
	return a < b ? -1 : a > b ? 1 : 0;
}

export function fingerprints(records: IDataObject[], keyField: string, node: INode): Fingerprints {
	const out: Fingerprints = {};
	for (const r of records) out[keyOf(r, keyField, node)] = recordHash(r);
	return out;
}

/** New keys, or known keys whose fingerprint changed, depending on the event. */
export function snapshotChanges(
	event: OnlineErpEvent,
	records: IDataObject[],
	previous: SnapshotState,
	keyField: string,
	node: INode,
): { items: IDataObject[]; state: SnapshotState } {
	const items: IDataObject[] = [];
	const current: Fingerprints = {};
	for (const r of records) {
		const key = keyOf(r, keyField, node);
		const hash = recordHash(r);
		current[key] = hash;
		const before = previous.records[key];
		if (event === 'newRecord' ? before === undefined : before !== undefined && before !== hash) items.push(r);
	}
	return { items, state: { records: current } };
}

export function dateBaseline(records: IDataObject[], dateField: string, keyField: string, node: INode): DateState {
	let cursor: string | undefined;
	for (const r of records) {
		const d = dateOf(r, dateField, node);
		if (cursor === undefined || compareDates(d, cursor) > 0) cursor = d;
	}
	const boundary: Fingerprints = {};
	if (cursor !== undefined) {
		for (const r of records) {
			if (compareDates(dateOf(r, dateField, node), cursor) === 0) boundary[keyOf(r, keyField, node)] = recordHash(r);
		}
	}
	return { cursor, boundary };
}

/**
 * Records after the cursor fire; records at the cursor fire when they were not there before
 * (or, for Updated Record, changed again within the same timestamp).
 */
export function dateChanges(
	event: OnlineErpEvent,
	records: IDataObject[],
	previous: DateState,
	options: { dateField: string; keyField: string; node: INode },
): { items: IDataObject[]; state: DateState } {
	const { dateField, keyField, node } = options;
	const items: IDataObject[] = [];
	for (const r of records) {
		const d = dateOf(r, dateField, node);
		const key = keyOf(r, keyField, node);
		const order = previous.cursor === undefined ? 1 : compareDates(d, previous.cursor);
		if (order > 0) items.push(r);
		else if (order === 0) {
			const before = previous.boundary[key];
			if (before === undefined || (event === 'updatedRecord' && before !== recordHash(r))) items.push(r);
		}
	}
	const next = dateBaseline(records, dateField, keyField, node);
	if (next.cursor === undefined || (previous.cursor !== undefined && compareDates(next.cursor, previous.cursor) < 0)) {
		return { items, state: previous };
	}
	return { items, state: next };
}
