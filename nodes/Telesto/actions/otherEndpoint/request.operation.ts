import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { assertSafeKey, assertSafeKeysDeep, hasUnsafeSegment, type HttpMethod, jsonItems, readCollection, readNumber, requestRaw, setOwn } from '../../../shared';
import { cleanUp, parseNumericFields } from '../../schemas/clean-up';
import { telestoProfile } from '../../transport';
import { executionScope, forgetExecutionList } from '../../transport/product-list';
import { cleanUpFields } from '../product/options';

export const description: INodeProperties[] = [
	{
		displayName:
			'Beta: Telesto publishes only /products. Ask Telesto support which paths your account can use. Unlike the "Custom API Call" entry n8n adds to every node, requests made here count against the hourly budget and respect a Telesto block.',
		name: 'otherEndpointNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'PATCH', value: 'PATCH' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
		description: 'The HTTP method to use',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '/products',
		placeholder: 'e.g. /products',
		description: 'Path relative to the Base URL (/v2), starting with /. Put query parameters in the next field.',
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Send Body',
		name: 'sendBody',
		type: 'boolean',
		default: false,
		description: 'Whether to send a JSON body',
		displayOptions: { show: { method: ['POST', 'PUT', 'PATCH', 'DELETE'] } },
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['POST', 'PUT', 'PATCH', 'DELETE'], sendBody: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Split Arrays Into Items',
				name: 'splitArrays',
				type: 'boolean',
				default: true,
				description: 'Whether an array answer becomes one item per element, instead of one item with the array under "data"',
			},
			...cleanUpFields,
			{
				displayName: 'Max Requests per Run',
				name: 'maxRequests',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 25,
				description:
					'This operation sends one request per input item. Past this many items the node sends nothing and fails, so a long list cannot use up the hourly budget.',
			},
		],
	},
];

interface Options {
	splitArrays?: boolean;
	cleanUp?: boolean;
	numericFields?: string;
	maxRequests?: number;
}

/** Keeps the path inside the API: relative, no host, no `..`, no query or fragment. */
export function normalisePath(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): string {
	const path = typeof raw === 'string' ? raw.trim() : String(raw ?? '');
	const fail = (why: string) =>
		new NodeOperationError(ctx.getNode(), `Invalid Path '${path}' on item ${itemIndex}: ${why}`, {
			itemIndex,
			description: 'Enter a path such as /products, relative to https://telesto.app/v2.',
		});
	if (!path.startsWith('/')) throw fail('it must start with /');
	if (path.includes('://')) throw fail('give a path, not a full URL');
	if (path.includes('?') || path.includes('#')) throw fail('put query parameters in "Query Parameters"');
	if (hasUnsafeSegment(path)) {
		throw fail('it may not contain empty, . or .. segments, also percent-encoded (%2e%2e), nor "\\"');
	}
	const withoutVersion = path.replace(/^\/v2(?=\/|$)/, '');
	return withoutVersion || '/';
}

function parseBody(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): IDataObject | IDataObject[] {
	let body: unknown = raw;
	if (!raw || typeof raw !== 'object') {
		try {
			body = JSON.parse(String(raw || '{}'));
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `Body (JSON) is not valid JSON on item ${itemIndex}`, {
				itemIndex,
				description: (error as Error).message,
			});
		}
	}
	if (!body || typeof body !== 'object') {
		throw new NodeOperationError(ctx.getNode(), `Body (JSON) on item ${itemIndex} must be a JSON object or array`, {
			itemIndex,
			description: 'e.g. {"name": "Widget"}',
		});
	}
	assertSafeKeysDeep(body, { node: ctx.getNode(), field: 'Body (JSON)', itemIndex });
	return body as IDataObject | IDataObject[];
}

export async function beforeItems(this: IExecuteFunctions, itemIndexes: number[]): Promise<void> {
	// Only this option is read here: a bad value elsewhere in Options fails its own item, in the loop.
	const cap = Math.min(
		...itemIndexes.map(
			(i) =>
				readNumber(this.getNodeParameter('options.maxRequests', i, 25), { node: this.getNode(), field: 'Max Requests per Run', itemIndex: i }) ?? 25,
		),
	);
	if (itemIndexes.length > cap) {
		throw new NodeOperationError(
			this.getNode(),
			`This would send ${itemIndexes.length} requests; Telesto allows 100 per hour per IP address`,
			{
				description: `Nothing was sent. "Max Requests per Run" is ${cap}: reduce the number of input items (for example with a Limit node) or raise the option, keeping in mind that Telesto blocks the IP address for 15 minutes past 100 requests in an hour.`,
			},
		);
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// {method} {path} under the Base URL, through the request budget
	const method = this.getNodeParameter('method', i) as HttpMethod;
	const path = normalisePath(this, this.getNodeParameter('path', i), i);
	const { parameter } = (readCollection(this, 'queryParameters', i) ?? {}) as {
		parameter?: unknown;
	};
	const options = readCollection(this, 'options', i) as Options;
	const sendBody = method !== 'GET' && (this.getNodeParameter('sendBody', i, false) as boolean);
	const query: Record<string, string> = {};
	for (const row of Array.isArray(parameter) ? (parameter as Array<{ name?: unknown; value?: unknown }>) : []) {
		const name = typeof row?.name === 'string' ? row.name.trim() : '';
		if (!name) continue;
		assertSafeKey(name, { node: this.getNode(), field: 'Query Parameters', itemIndex: i });
		setOwn(query, name, row.value === undefined || row.value === null ? '' : String(row.value));
	}

	const response = await requestRaw(this, telestoProfile, {
		method,
		path,
		query,
		body: sendBody ? parseBody(this, this.getNodeParameter('body', i), i) : undefined,
		itemIndex: i,
	});
	if (method !== 'GET') forgetExecutionList(executionScope(this));

	const clean = (record: IDataObject) =>
		cleanUp(record, {
			enabled: options.cleanUp ?? true,
			numericFields: parseNumericFields(options.numericFields),
		});
	const { body, status } = response;
	if (status === 204 || body === undefined || body === null || body === '') return jsonItems({ success: true });
	if (Array.isArray(body)) {
		const records = body.map((e) => clean((e && typeof e === 'object' ? e : { value: e }) as IDataObject));
		return options.splitArrays ?? true ? jsonItems(records) : jsonItems({ data: records });
	}
	if (typeof body === 'object') return jsonItems(clean(body as IDataObject));
	return jsonItems({ data: body as string });
}
