import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import {
	compareSnapshot,
	definePoll,
	Snapshot,
	timeBaseline,
	timeChanges,
	type EventTable,
	type TimeState,
} from '../../shared';
import { timeoutMs } from '../descriptions/options';
import { ENTITY_NAME, OTHER_ENTITY } from '../entities';
import { buildCondition, combineFilters, fieldProblem, type DateStyle } from '../odata/filter';
import { fetchList, type PaginationMode } from '../transport/list';
import { dateSpec, snapshotSpec, type Detection, type OnlineErpEvent, type SnapshotState } from './detect';
import { TRIGGER_PAGE_SIZE } from './fields';

const SAMPLE_SIZE = 5;
/** Date mode's first read: the latest records, newest first (the manual-run sample; places the cursor). */
const DATE_BASELINE_SIZE = 20;
const STATE_VERSION = 2;

type State = SnapshotState | TimeState;

interface TriggerOptions {
	dateStyle?: DateStyle;
	pageSize?: number;
	pagination?: PaginationMode;
	timeout?: number;
}

/** `$select` with the key (and date) field added; empty stays empty (all fields). */
function selectWith(select: string, fields: string[]): string {
	const list = select
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	if (!list.length) return '';
	for (const f of fields) if (!list.includes(f)) list.push(f);
	return list.join(',');
}

function define(event: OnlineErpEvent, ctx: IPollFunctions) {
	const node = ctx.getNode();
	const chosen = ctx.getNodeParameter('entity') as string;
	const entity = chosen === OTHER_ENTITY ? String(ctx.getNodeParameter('entityName', '')).trim() : chosen;
	if (!ENTITY_NAME.test(entity)) throw new NodeOperationError(node, `Entity Name "${entity}" is not a valid entity name`);
	const detection = ctx.getNodeParameter('detection', 'snapshot') as Detection;
	const keyField = String(ctx.getNodeParameter('keyField', '')).trim();
	const dateField = detection === 'dateField' ? String(ctx.getNodeParameter('dateField', '')).trim() : '';
	for (const [label, field] of [['Key Field', keyField], ...(detection === 'dateField' ? [['Date Field', dateField]] : [])]) {
		const problem = fieldProblem(field);
		if (problem) throw new NodeOperationError(node, `${label} ${problem}`);
	}
	const filter = String(ctx.getNodeParameter('filter', '')).trim();
	const select = selectWith(String(ctx.getNodeParameter('select', '')), [keyField, ...(dateField ? [dateField] : [])]);
	const minMinutes = Number(ctx.getNodeParameter('minMinutes', 15)) || 15;
	const maxRecords = ctx.getNodeParameter('maxRecords', 5000) as number;
	const options = ctx.getNodeParameter('options', {}) as TriggerOptions;
	const snapshot = snapshotSpec(event, keyField, node);
	const dates = dateSpec(event, { dateField, keyField, node });

	const read = async (query: { $filter?: string; $orderby?: string }, limit?: number) =>
		await fetchList(ctx, {
			entity,
			query: { $filter: query.$filter, $select: select, $orderby: query.$orderby },
			limit,
			pagination: options.pagination ?? 'pages',
			pageSize: options.pageSize ?? TRIGGER_PAGE_SIZE,
			timeoutMs: timeoutMs(options),
			cap: maxRecords,
			capMessage: `More than ${maxRecords} records match; add a Filter or raise the limit`,
			capHint: 'The trigger reads every matching record on each poll and keeps one fingerprint per record.',
		});

	const since = (cursor: string): string => {
		try {
			return buildCondition(
				{ field: dateField, operator: 'ge', type: cursor.includes('T') || / \d/.test(cursor) ? 'dateTime' : 'date', value: cursor },
				0,
				options.dateStyle ?? 'bare',
			);
		} catch {
			throw new NodeOperationError(node, `The Date Field "${dateField}" holds "${cursor}", which is not an ISO date`, {
				description: 'Watch a Date Field needs dates like 2024-01-31 or 2024-01-31T10:00:00. Use Compare Snapshots instead.',
			});
		}
	};

	return definePoll<IDataObject[], State>({
		watch: { entity, event, detection, keyField, dateField, filter, select, v: STATE_VERSION },
		minIntervalMs: Math.max(1, minMinutes) * 60_000,
		fetch: async (previous) => {
			if (detection === 'snapshot') return await read({ $filter: filter });
			const cursor = (previous as TimeState | undefined)?.at;
			if (!previous) {
				const latest = await read({ $filter: filter, $orderby: `${dateField} desc` }, DATE_BASELINE_SIZE);
				if (ctx.getMode() === 'manual' || !latest.length) return latest;
				// The newest-first read only places the cursor. Every record at or after it is read
				// again: more records may share the latest date than that read returned, and an ERP
				// ignoring `desc` gives an older date. Either way, the records left out would be
				// reported as new on the first poll.
				const provisional = timeBaseline(latest, dates).at as string;
				const atOrAfter = await read({ $filter: combineFilters(filter, since(provisional)), $orderby: dateField });
				return atOrAfter.length ? atOrAfter : latest;
			}
			return await read({
				$filter: cursor === undefined ? filter : combineFilters(filter, since(cursor)),
				$orderby: dateField,
			});
		},
		baseline: (records) =>
			detection === 'snapshot' ? { records: Snapshot.of(records, snapshot).toString() } : timeBaseline(records, dates),
		diff: (records, previous) => {
			if (detection === 'dateField') {
				const { fresh, next } = timeChanges(records, previous as TimeState, dates);
				return { items: fresh, state: next };
			}
			const found = compareSnapshot(Snapshot.parse((previous as SnapshotState).records), records, snapshot);
			return {
				items: event === 'newRecord' ? found.added : found.changed.map((c) => c.record),
				state: { records: found.next.toString() },
			};
		},
		sample: (records) => records.slice(0, SAMPLE_SIZE),
		// No dedupeKey: the committed state already stops a repeat, and a memory of emitted
		// versions would hide a field that flips back and forth (EstActif true → false → true).
	});
}

const EXAMPLE: IDataObject = { NoClient: '1001', NomClient: 'Example Ltd', EstActif: true, DateModification: '2024-01-15T10:30:00' };

/** OnlineERP Trigger events: the strategy (snapshot or date cursor) is the Detection parameter. */
export const onlineErpEvents: EventTable<OnlineErpEvent> = {
	newRecord: {
		fetches: 'GET /Entity/<entity> with $filter/$select, every page (snapshot) or records at/after the date cursor',
		strategy: 'snapshot',
		emits: 'a record whose key was not seen before: the record',
		example: EXAMPLE,
		define: (ctx) => define('newRecord', ctx),
	},
	updatedRecord: {
		fetches: 'GET /Entity/<entity> with $filter/$select, every page (snapshot) or records at/after the date cursor',
		strategy: 'snapshot',
		emits: 'a known record whose fingerprint (or watched date) changed: the record',
		example: { ...EXAMPLE, EstActif: false },
		define: (ctx) => define('updatedRecord', ctx),
	},
};
