import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { collect, jsonItems, type QueryValue, readCollection, readLimit, returnAllOrLimit, toList } from '../../shared';
import type { FilterDef, ResourceDef } from '../resources';
import { clientXcmsProfile } from '../transport';
import { MAX_PER_PAGE, paginatorFor } from '../transport/pagination';
import { enumOptions } from './fields';
import { redact } from './records';
import { positiveId, timezoneOf, toBool, toInstanceDate } from './values';

function filterProperty(f: FilterDef): INodeProperties {
	const base = { displayName: f.displayName, name: f.field };
	switch (f.kind) {
		case 'id':
			return f.pick
				? {
						displayName: `${f.displayName.replace(/ ID$/, '')} Name or ID`,
						name: f.field,
						type: 'options',
						typeOptions: { loadOptionsMethod: f.pick },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					}
				: { ...base, type: 'string', default: '', placeholder: 'e.g. 42', description: 'Exact match' };
		case 'enum':
			return {
				...base,
				type: 'multiOptions',
				options: enumOptions(f.options ?? []),
				default: [],
				description: 'Keep records with any of these values',
			};
		case 'exact':
			return { ...base, type: 'string', default: '', description: 'Exact match (case-insensitive)' };
		case 'bool':
			return { ...base, type: 'boolean', default: true, description: `Whether the record is ${f.displayName.toLowerCase()}` };
		case 'day':
			return {
				...base,
				type: 'dateTime',
				default: '',
				description: "Keep records created on this day, in the credential's Instance Time Zone",
			};
		default:
			return { ...base, type: 'string', default: '', placeholder: 'e.g. abc', description: 'Case-insensitive substring' };
	}
}

function label(field: string): string {
	return field
		.replace(/_/g, ' ')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/\b(id)\b/gi, 'ID')
		.replace(/\b\w/g, (c) => c.toUpperCase());
}

function sortOptions(def: ResourceDef): INodePropertyOptions[] {
	return def.sorts.flatMap((field) => [
		{ name: `${label(field)} (Descending)`, value: `-${field}` },
		{ name: `${label(field)} (Ascending)`, value: field },
	]);
}

/** Return All / Limit, the resource's filters, sort, includes and (where relevant) sensitive fields. */
export function getManyProperties(def: ResourceDef): INodeProperties[] {
	const options: INodeProperties[] = [
		// The default is the resource's, which the rule cannot read from a variable.
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			options: sortOptions(def),
			default: def.defaultSort,
			description: `ClientXCMS has no default order, so a sort is always sent (default ${def.defaultSort}: newest first)`,
		},
	];
	if (def.includes.length) {
		options.push({
			displayName: 'Include',
			name: 'include',
			type: 'multiOptions',
			options: enumOptions(def.includes),
			default: [],
			description: 'Related records to embed in each result',
		});
	}
	if (def.sensitive?.length) options.push(sensitiveOption(def));
	return [
		...returnAllOrLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: def.filters.map(filterProperty),
		},
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options },
	];
}

export function sensitiveOption(def: ResourceDef): INodeProperties {
	return {
		displayName: 'Include Sensitive Fields',
		name: 'includeSensitive',
		type: 'boolean',
		default: false,
		description: `Whether to keep ${def.sensitive?.join(' and ')} in the output (removed by default)`,
	};
}

interface Plan {
	query: Record<string, QueryValue>;
	checks: Array<(item: IDataObject) => boolean>;
}

function same(a: unknown, b: string): boolean {
	return String(a ?? '').toLowerCase() === b.toLowerCase();
}

/** Query filters to send, and the exact checks the substring semantics make necessary. */
function planFilters(
	ctx: IExecuteFunctions,
	def: ResourceDef,
	filters: IDataObject,
	options: { itemIndex: number; timezone: string },
): Plan {
	const plan: Plan = { query: {}, checks: [] };
	for (const f of def.filters) {
		const value = filters[f.field];
		if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
		const key = `filter[${f.field}]`;
		switch (f.kind) {
			case 'id': {
				const wanted = String(positiveId(ctx, value, { label: f.displayName, itemIndex: options.itemIndex }));
				plan.query[key] = wanted;
				plan.checks.push((item) => String(item[f.field] ?? '') === wanted);
				break;
			}
			case 'enum': {
				const wanted = toList(value);
				if (!wanted.length) break;
				plan.query[key] = wanted.join(',');
				plan.checks.push((item) => wanted.some((w) => same(item[f.field], w)));
				break;
			}
			case 'exact': {
				const wanted = String(value).trim();
				plan.query[key] = wanted;
				plan.checks.push((item) => same(item[f.field], wanted));
				break;
			}
			case 'bool': {
				// "false" would match everything server-side: only true is sent.
				const wanted = value === true;
				if (wanted) plan.query[key] = 1;
				plan.checks.push((item) => toBool(item[f.field]) === wanted);
				break;
			}
			case 'day':
				plan.query[key] = toInstanceDate(value, options.timezone);
				break;
			default:
				plan.query[key] = String(value).trim();
		}
	}
	return plan;
}

/** GET <list path> with Return All / Limit over either envelope, post-filtered exactly. */
export async function getMany(
	ctx: IExecuteFunctions,
	itemIndex: number,
	def: ResourceDef,
	extra: { query?: Record<string, QueryValue> } = {},
): Promise<INodeExecutionData[]> {
	const limit = readLimit(ctx, itemIndex);
	const filters = readCollection(ctx, 'filters', itemIndex) as IDataObject;
	const options = readCollection(ctx, 'options', itemIndex) as IDataObject;
	const timezone = await timezoneOf(ctx, itemIndex);
	const plan = planFilters(ctx, def, filters, { itemIndex, timezone });
	const include = toList(options.include);
	const query: Record<string, QueryValue> = {
		...plan.query,
		...(extra.query ?? {}),
		sort: (options.sort as string | undefined) || def.defaultSort,
		...(include.length ? { include: include.join(',') } : {}),
	};
	const items = await collect(
		ctx,
		clientXcmsProfile,
		{ method: 'GET', path: def.path, query, itemIndex },
		{
			paginator: paginatorFor(def.envelope, {
				perPage: limit === undefined ? MAX_PER_PAGE : limit,
				keep: plan.checks.length ? (item) => plan.checks.every((c) => c(item)) : undefined,
			}),
			limit,
		},
	);
	return jsonItems(items.map((r) => redact(def, r, options.includeSensitive === true)));
}
