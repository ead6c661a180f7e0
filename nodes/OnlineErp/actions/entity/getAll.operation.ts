import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection, readLimit, readNumber, readText, returnAllOrLimit, toList } from '../../../shared';
import {
	buildFilter,
	combineFilters,
	FilterInputError,
	type Combinator,
	type DateStyle,
	type FilterCondition,
} from '../../odata/filter';
import { DEFAULT_PAGE_SIZE, fetchList, MAX_PAGE_SIZE, type PaginationMode } from '../../transport/list';
import { dateStyleOption } from '../../descriptions/options';
import { matrixHints, readEntity, withMatrixContext, timeoutMs, timeoutOption } from '../common';

export { dateStyleOption };

export const filterConditionFields: INodeProperties[] = [
	{
		displayName: 'Filter Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Condition',
		default: {},
		description: 'Builds the $filter for you: values are quoted and escaped, so any text is safe',
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getEntityFields', loadOptionsDependsOn: ['entity', 'entityName'] },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						hint: 'Any field of your ERP can be given by an expression; dots reach sub-fields, e.g. GroupeProduit.CodeGroupe',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'eq',
						// Only `eq` is documented by the vendor; the others are standard OData.
						options: [
							{ name: 'Contains', value: 'contains', description: 'Text contains the value. Not every ERP supports it.' },
							{ name: 'Ends With', value: 'endswith', description: 'Text ends with the value. Not every ERP supports it.' },
							{ name: 'Equals', value: 'eq' },
							{ name: 'Greater Than', value: 'gt' },
							{ name: 'Greater Than or Equal', value: 'ge' },
							{ name: 'Less Than', value: 'lt' },
							{ name: 'Less Than or Equal', value: 'le' },
							{ name: 'Not Equals', value: 'ne' },
							{ name: 'Starts With', value: 'startswith', description: 'Text starts with the value. Not every ERP supports it.' },
						],
					},
					{
						displayName: 'Value Type',
						name: 'type',
						type: 'options',
						default: 'string',
						options: [
							{ name: 'Boolean', value: 'boolean' },
							{ name: 'Date', value: 'date', description: 'Like 2024-01-31' },
							{ name: 'Date and Time', value: 'dateTime', description: 'Like 2024-01-31T10:00:00Z' },
							{ name: 'Empty (Null)', value: 'null' },
							{ name: 'Number', value: 'number' },
							{ name: 'String', value: 'string' },
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: "e.g. L'Érablière",
						displayOptions: { hide: { type: ['null'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Combine Conditions',
		name: 'combineWith',
		type: 'options',
		default: 'and',
		options: [
			{ name: 'All Must Match (And)', value: 'and' },
			{ name: 'Any Can Match (Or)', value: 'or' },
		],
	},
];

export const description: INodeProperties[] = [
	...returnAllOrLimit(),
	...filterConditionFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			dateStyleOption,
			{
				displayName: 'Expand',
				name: 'expand',
				type: 'string',
				default: '',
				placeholder: 'e.g. ExtendedProperties',
				description: 'Fields to expand ($expand), comma-separated',
			},
			{
				displayName: 'Order By Names or IDs',
				name: 'orderBy',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getSortFields', loadOptionsDependsOn: ['entity', 'entityName'] },
				default: [],
				description:
					'Sort order ($orderby), first field first. With Return All, sort on the key field: paging is only as stable as the order. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
				default: DEFAULT_PAGE_SIZE,
				description: 'Records per request ($top) when Return All reads pages',
			},
			{
				displayName: 'Pagination',
				name: 'pagination',
				type: 'options',
				default: 'pages',
				options: [
					{ name: 'Pages', value: 'pages', description: 'One page after the other, with $top and $skip' },
					{ name: 'Single Request', value: 'single', description: 'Everything the connector returns, in one request' },
				],
				description: 'How Return All reads the records',
			},
			{
				displayName: 'Raw Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: "e.g. EstActif eq true and GroupeProduit.CodeGroupe eq 'BOIS'",
				description:
					'For experts: an OData $filter expression sent verbatim. With Filter Conditions too, both must match. Quote strings yourself, doubling inner quotes.',
			},
			{
				displayName: 'Select Names or IDs',
				name: 'select',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getEntityFields', loadOptionsDependsOn: ['entity', 'entityName'] },
				default: [],
				description:
					'Fields to return ($select). Fewer fields make the robot much faster. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			timeoutOption,
		],
	},
];

interface GetAllOptions {
	filter?: string;
	select?: string | string[];
	expand?: string;
	orderBy?: string | string[];
	pagination?: PaginationMode;
	pageSize?: number;
	dateStyle?: DateStyle;
	timeout?: number;
}

/** The `$filter` of a Get Many: the raw expert filter and the built conditions, both required. */
export function readFilter(ctx: IExecuteFunctions, i: number, options: GetAllOptions): string {
	const conditions = ((readCollection(ctx, 'conditions', i) as { condition?: FilterCondition[] }).condition ?? []);
	const combinator = ctx.getNodeParameter('combineWith', i, 'and') as Combinator;
	let built: string;
	try {
		built = buildFilter({ conditions, combinator, dateStyle: options.dateStyle ?? 'bare' });
	} catch (error) {
		const reason = error instanceof FilterInputError ? error.message : String(error);
		throw new NodeOperationError(ctx.getNode(), `${reason} (item ${i})`, {
			itemIndex: i,
			description: 'Fix this row of Filter Conditions.',
		});
	}
	return combineFilters(options.filter, built);
}

export const beforeItems = matrixHints('getAll');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /Entity/{entity}?$filter&$select&$expand&$orderby&$top&$skip
	const entity = readEntity(this, i);
	const limit = readLimit(this, i);
	const raw = readCollection(this, 'options', i);
	const text = (name: keyof GetAllOptions, field: string) => readText(raw[name], { node: this.getNode(), field, itemIndex: i });
	const options: GetAllOptions = {
		...(raw as GetAllOptions),
		filter: text('filter', 'Raw Filter'),
		// Select and Order By are lists picked in the editor, or text from older workflows.
		select: toList(raw.select),
		expand: text('expand', 'Expand'),
		orderBy: toList(raw.orderBy),
		pageSize: readNumber(raw.pageSize, { node: this.getNode(), field: 'Page Size', itemIndex: i }),
	};
	const filter = readFilter(this, i, options);
	const records = await withMatrixContext(this, i, { entity, operation: 'getAll' }, async () => await fetchList(this, {
		entity,
		query: {
			$filter: filter,
			$select: toList(options.select).join(','),
			$expand: options.expand,
			$orderby: toList(options.orderBy).join(','),
		},
		limit,
		pagination: options.pagination ?? 'pages',
		pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
		timeoutMs: timeoutMs(options),
		itemIndex: i,
	}));
	return jsonItems(records);
}
