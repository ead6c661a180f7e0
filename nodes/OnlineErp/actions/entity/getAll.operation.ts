import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection, readLimit, readNumber, readText, returnAllOrLimit } from '../../../shared';
import {
	buildFilter,
	combineFilters,
	FilterInputError,
	type Combinator,
	type DateStyle,
	type FilterCondition,
} from '../../odata/filter';
import { DEFAULT_PAGE_SIZE, fetchList, MAX_PAGE_SIZE, type PaginationMode } from '../../transport/list';
import { matrixHints, readEntity, withMatrixContext, timeoutMs, timeoutOption } from '../common';

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
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. GroupeProduit.CodeGroupe',
						description: 'Field name as the ERP returns it; dots reach sub-fields',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'eq',
						// Only `eq` is documented by the vendor; the others are standard OData.
						options: [
							{ name: 'Contains', value: 'contains', description: 'Text contains the value (an OData function that not every ERP supports)' },
							{ name: 'Ends With', value: 'endswith', description: 'Text ends with the value (an OData function that not every ERP supports)' },
							{ name: 'Equals', value: 'eq' },
							{ name: 'Greater Than', value: 'gt' },
							{ name: 'Greater Than or Equal', value: 'ge' },
							{ name: 'Less Than', value: 'lt' },
							{ name: 'Less Than or Equal', value: 'le' },
							{ name: 'Not Equals', value: 'ne' },
							{ name: 'Starts With', value: 'startswith', description: 'Text starts with the value (an OData function that not every ERP supports)' },
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

export const dateStyleOption: INodeProperties = {
	displayName: 'Date Format in Filter',
	name: 'dateStyle',
	type: 'options',
	default: 'bare',
	options: [
		{ name: 'OData V4 (2024-01-31)', value: 'bare' },
		{ name: "Quoted ('2024-01-31')", value: 'quoted' },
		{ name: "OData V3 (Datetime'2024-01-31T00:00:00')", value: 'datetime' },
	],
	description: 'How date conditions are written; the vendor does not document a date format, so use the one your ERP accepts',
};

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
				displayName: 'Order By',
				name: 'orderBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. NoClient',
				description:
					'Sort order ($orderby). With Return All, set it to the key field: paging is only as stable as the order.',
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
				displayName: 'Select',
				name: 'select',
				type: 'string',
				default: '',
				placeholder: 'e.g. NoClient,NomClient,InfoAgeDesComptes.MontantDu_Cycle1_Courant',
				description: 'Fields to return ($select), comma-separated. Fewer fields make the robot much faster.',
			},
			timeoutOption,
		],
	},
];

interface GetAllOptions {
	filter?: string;
	select?: string;
	expand?: string;
	orderBy?: string;
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
		select: text('select', 'Select'),
		expand: text('expand', 'Expand'),
		orderBy: text('orderBy', 'Order By'),
		pageSize: readNumber(raw.pageSize, { node: this.getNode(), field: 'Page Size', itemIndex: i }),
	};
	const filter = readFilter(this, i, options);
	const records = await withMatrixContext(this, i, { entity, operation: 'getAll' }, async () => await fetchList(this, {
		entity,
		query: {
			$filter: filter,
			$select: options.select,
			$expand: options.expand,
			$orderby: options.orderBy,
		},
		limit,
		pagination: options.pagination ?? 'pages',
		pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
		timeoutMs: timeoutMs(options),
		itemIndex: i,
	}));
	return jsonItems(records);
}
