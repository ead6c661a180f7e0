import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import type { SnapshotSpec, TimeSpec } from '../../shared';

export type OnlineErpEvent = 'newRecord' | 'updatedRecord';
export type Detection = 'snapshot' | 'dateField';

export interface SnapshotState {
	/** `Snapshot` text: key and fingerprint (only the selected fields) of every record. */
	records: string;
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

/** How a record is kept between polls: its key, and (for Updated Record) a fingerprint of it. */
export function snapshotSpec(event: OnlineErpEvent, keyField: string, node: INode): SnapshotSpec<IDataObject> {
	return {
		key: (r) => keyOf(r, keyField, node),
		...(event === 'updatedRecord' ? { value: (r: IDataObject) => r } : {}),
	};
}

/** How Watch a Date Field orders records. */
export function dateSpec(event: OnlineErpEvent, options: { dateField: string; keyField: string; node: INode }): TimeSpec<IDataObject> {
	return {
		time: (r) => dateOf(r, options.dateField, options.node),
		compare: compareDates,
		...snapshotSpec(event, options.keyField, options.node),
	};
}
