import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { runPoll } from '../shared';
import { timeoutMs } from './actions/common';
import { ENTITY_NAME, OTHER_ENTITY } from './entities';
import { onlineErpApiTest } from './methods/credentialTest';
import { buildCondition, combineFilters, fieldProblem, type DateStyle } from './odata/filter';
import { fetchList, type PaginationMode } from './transport/list';
import {
	dateBaseline,
	dateChanges,
	fingerprints,
	snapshotChanges,
	type DateState,
	type Detection,
	type OnlineErpEvent,
	type SnapshotState,
} from './trigger/detect';
import { TRIGGER_PAGE_SIZE, triggerProperties } from './trigger/fields';

const SAMPLE_SIZE = 5;
/** Date mode's first read: the latest records, newest first (the manual-run sample; places the cursor). */
const DATE_BASELINE_SIZE = 20;

type State = SnapshotState | DateState;

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

export class OnlineErpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OnlineERP Trigger',
		name: 'onlineErpTrigger',
		icon: 'file:../../icons/onlineerp.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] + ": " + ($parameter["entity"] === "other" ? $parameter["entityName"] : $parameter["entity"])}}',
		description: 'Starts a workflow when records of an OnlineERP entity are created or updated',
		defaults: { name: 'OnlineERP Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlineErpApi', required: true, testedBy: 'onlineErpApiTest' }],
		properties: triggerProperties,
	};

	methods = { credentialTest: { onlineErpApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const node = this.getNode();
		const chosen = this.getNodeParameter('entity') as string;
		const entity = chosen === OTHER_ENTITY ? String(this.getNodeParameter('entityName', '')).trim() : chosen;
		if (!ENTITY_NAME.test(entity)) {
			throw new NodeOperationError(node, `Entity Name "${entity}" is not a valid entity name`);
		}
		const event = this.getNodeParameter('event') as OnlineErpEvent;
		const detection = this.getNodeParameter('detection', 'snapshot') as Detection;
		const keyField = String(this.getNodeParameter('keyField', '')).trim();
		const dateField = detection === 'dateField' ? String(this.getNodeParameter('dateField', '')).trim() : '';
		for (const [label, field] of [['Key Field', keyField], ...(detection === 'dateField' ? [['Date Field', dateField]] : [])]) {
			const problem = fieldProblem(field);
			if (problem) throw new NodeOperationError(node, `${label} ${problem}`);
		}
		const filter = String(this.getNodeParameter('filter', '')).trim();
		const select = selectWith(String(this.getNodeParameter('select', '')), [keyField, ...(dateField ? [dateField] : [])]);
		const minMinutes = this.getNodeParameter('minMinutes', 15) as number;
		const maxRecords = this.getNodeParameter('maxRecords', 5000) as number;
		const options = this.getNodeParameter('options', {}) as TriggerOptions;

		const read = async (query: { $filter?: string; $orderby?: string }, limit?: number) =>
			await fetchList(this, {
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

		return await runPoll<IDataObject[], State>(this, {
			watch: { entity, event, detection, keyField, dateField, filter, select },
			minIntervalMs: Math.max(1, minMinutes) * 60_000,
			fetch: async (previous) => {
				if (detection === 'snapshot') return await read({ $filter: filter });
				const cursor = (previous as DateState | undefined)?.cursor;
				if (!previous) {
					const latest = await read({ $filter: filter, $orderby: `${dateField} desc` }, DATE_BASELINE_SIZE);
					if (this.getMode() === 'manual' || !latest.length) return latest;
					// The newest-first read only places the cursor. Every record at or after it is read
					// again: more records may share the latest date than that read returned, and an ERP
					// ignoring `desc` gives an older date. Either way, the records left out would be
					// reported as new on the first poll.
					const provisional = dateBaseline(latest, dateField, keyField, node).cursor as string;
					const atOrAfter = await read({ $filter: combineFilters(filter, since(provisional)), $orderby: dateField });
					return atOrAfter.length ? atOrAfter : latest;
				}
				return await read({
					$filter: cursor === undefined ? filter : combineFilters(filter, since(cursor)),
					$orderby: dateField,
				});
			},
			baseline: (records) =>
				detection === 'snapshot'
					? { records: fingerprints(records, keyField, node) }
					: dateBaseline(records, dateField, keyField, node),
			diff: (records, previous) =>
				detection === 'snapshot'
					? snapshotChanges(event, records, previous as SnapshotState, keyField, node)
					: dateChanges(event, records, previous as DateState, { dateField, keyField, node }),
			sample: (records) => records.slice(0, SAMPLE_SIZE),
			// No dedupeKey: the committed state already stops a repeat, and a memory of emitted
			// versions would hide a field that flips back and forth (EstActif true → false → true).
		});
	}
}
