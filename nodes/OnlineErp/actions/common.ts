import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';
import { z } from 'zod';

import { assertSafeKey, assertSafeKeysDeep, checkPathSegment, ownValue, parseOrThrow, readCollection, setOwn } from '../../shared';
import { ANY_ERP, ENTITY_NAME, matrixWarning, OTHER_ENTITY, type OperationName } from '../entities';
import { fieldProblem } from '../odata/filter';
import { timeoutMs, timeoutOption } from '../descriptions/options';

export { timeoutMs, timeoutOption };

export const RESOURCE = 'entity';

export function readEntity(ctx: IExecuteFunctions, i: number): string {
	const chosen = ctx.getNodeParameter('entity', i) as unknown;
	const fromList = chosen !== OTHER_ENTITY;
	const label = fromList ? 'Entity' : 'Entity Name';
	const raw = fromList ? chosen : ctx.getNodeParameter('entityName', i, '');
	// An expression can put any text in the dropdown too; it becomes a path segment.
	const name = typeof raw === 'string' ? raw.trim() : '';
	if (!ENTITY_NAME.test(name)) {
		throw new NodeOperationError(
			ctx.getNode(),
			name ? `${label} "${name.slice(0, 60)}" is not a valid entity name (item ${i})` : `${label} is empty (item ${i})`,
			{ itemIndex: i, description: 'Use the exact name from the vendor entity list: letters, digits and _, starting with a letter (e.g. Supplier).' },
		);
	}
	return name;
}

export function readRecordId(ctx: IExecuteFunctions, i: number): string {
	return checkPathSegment(ctx.getNodeParameter('recordId', i, '', { extractValue: true }), {
		node: ctx.getNode(),
		field: 'Record',
		itemIndex: i,
		allowSlash: true,
		hint: 'Pick the record from the list, or enter its key as the ERP returns it (e.g. the customer number NoClient).',
	});
}

/** The record picker: a list (key and name of the entity's records) or the key itself. */
export const recordIdField: INodeProperties = {
	displayName: 'Record',
	name: 'recordId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The record, by its key in the ERP (which field that is depends on the entity and the ERP)',
	hint: 'The list reads 50 records per page through the robot at your site, one request per page',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a record...',
			typeOptions: { searchListMethod: 'searchRecords', searchable: true },
		},
		{
			displayName: 'By Key',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1001',
		},
	],
};

export const sendToOption: INodeProperties = {
	displayName: 'Send To',
	name: 'sendTo',
	type: 'options',
	default: 'record',
	options: [
		{ name: 'Record URL (Default)', value: 'record', description: '/Entity/&lt;Entity&gt;/&lt;Record ID&gt;' },
		{
			name: 'Collection URL',
			value: 'collection',
			description: "/Entity/&lt;Entity&gt;, with the record's key inside the JSON body (as in the vendor overview)",
		},
	],
	description: 'Where the request goes. The vendor shows both forms; use Collection URL if your ERP refuses the record URL.',
};

/** Record ID of Update / Delete, which Send To = Collection URL leaves unused. */
export const writeRecordIdField: INodeProperties = {
	...recordIdField,
	required: false,
	description: `${recordIdField.description}. Not used when Send To is Collection URL.`,
};

/** Options of Update / Delete: where the request goes, and how long to wait. */
export const writeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [sendToOption, timeoutOption],
};

export interface WriteTarget {
	toCollection: boolean;
	/** The record's ID; undefined when the key travels in the body. */
	id: string | undefined;
	timeoutMs: number;
}

/** Where an Update / Delete of item `i` goes, read from its own parameters. */
export function readWriteTarget(ctx: IExecuteFunctions, i: number): WriteTarget {
	const options = readCollection(ctx, 'options', i) as { sendTo?: 'record' | 'collection'; timeout?: number };
	const toCollection = options.sendTo === 'collection';
	return { toCollection, id: toCollection ? undefined : readRecordId(ctx, i), timeoutMs: timeoutMs(options) };
}

export function bodyFields(options: { required: boolean }): INodeProperties[] {
	return [
		{
			displayName: 'Send Fields',
			name: 'sendFields',
			type: 'options',
			default: 'json',
			options: [
				{ name: 'Using JSON', value: 'json', description: 'A JSON object, or an array of objects' },
				{
					name: 'Using Fields Below',
					value: 'fields',
					description: 'Name and value pairs; dots build sub-objects (GroupeProduit.CodeGroupe)',
				},
			],
		},
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			required: options.required,
			default: '{}',
			description:
				'The record as your ERP expects it. Available and required fields differ per ERP (see the vendor entity pages).',
			displayOptions: { show: { sendFields: ['json'] } },
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { sendFields: ['fields'] } },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Name or ID',
							name: 'name',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getEntityFields', loadOptionsDependsOn: ['entity', 'entityName'] },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							hint: 'Any field of your ERP can be given by an expression; dots build sub-objects, e.g. GroupeProduit.CodeGroupe',
						},
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							default: 'string',
							options: [
								{ name: 'Boolean', value: 'boolean' },
								{ name: 'Null', value: 'null' },
								{ name: 'Number', value: 'number' },
								{ name: 'String', value: 'string' },
							],
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							displayOptions: { hide: { type: ['null'] } },
						},
					],
				},
			],
		},
	];
}

const recordSchema = z.record(z.unknown());
export const bodySchema = z.union([recordSchema, z.array(recordSchema).min(1, 'an array of records must not be empty')]);

export type Body = IDataObject | IDataObject[];

function parseJsonBody(ctx: IExecuteFunctions, i: number): unknown {
	const raw = ctx.getNodeParameter('body', i, '') as unknown;
	if (typeof raw !== 'string') {
		assertSafeKeysDeep(raw, { node: ctx.getNode(), field: 'Body (JSON)', itemIndex: i });
		return raw;
	}
	if (!raw.trim()) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Body (JSON) is not valid JSON (item ${i})`, {
			itemIndex: i,
			description: (error as Error).message,
		});
	}
	assertSafeKeysDeep(parsed, { node: ctx.getNode(), field: 'Body (JSON)', itemIndex: i });
	return parsed;
}

interface FieldRow {
	name?: string;
	type?: 'string' | 'number' | 'boolean' | 'null';
	value?: unknown;
}

function fieldValue(ctx: IExecuteFunctions, i: number, row: FieldRow, name: string): unknown {
	const raw = row.value;
	switch (row.type ?? 'string') {
		case 'null':
			return null;
		case 'number': {
			const n = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim());
			if (String(raw ?? '').trim() === '' || !Number.isFinite(n)) {
				throw new NodeOperationError(ctx.getNode(), `Field "${name}" is not a number (item ${i})`, {
					itemIndex: i,
					description: `"${String(raw)}" cannot be sent as a number. Use digits and a dot for decimals, or set Type to String.`,
				});
			}
			return n;
		}
		case 'boolean': {
			if (typeof raw === 'boolean') return raw;
			const text = String(raw ?? '').trim().toLowerCase();
			if (text !== 'true' && text !== 'false') {
				throw new NodeOperationError(ctx.getNode(), `Field "${name}" is not true or false (item ${i})`, {
					itemIndex: i,
				});
			}
			return text === 'true';
		}
		default:
			return raw === undefined || raw === null ? '' : String(raw);
	}
}

/** Name/value rows to an object; `A.B` builds `{ A: { B } }`, and a clash between `A` and `A.B` is refused. */
export function bodyFromRows(ctx: IExecuteFunctions, i: number, rows: FieldRow[]): IDataObject {
	const out: IDataObject = {};
	const leaves = new Set<string>();
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		const problem = fieldProblem(name);
		if (problem) {
			throw new NodeOperationError(ctx.getNode(), `A field name ${problem} (item ${i})`, { itemIndex: i });
		}
		const path = name.split('.');
		for (const key of path) assertSafeKey(key, { node: ctx.getNode(), field: `Field "${name}"`, itemIndex: i });
		let target = out;
		for (let k = 0; k < path.length - 1; k++) {
			const prefix = path.slice(0, k + 1).join('.');
			const next = ownValue(target, path[k]);
			if (leaves.has(prefix) || (next !== undefined && (typeof next !== 'object' || next === null))) {
				throw new NodeOperationError(ctx.getNode(), `Field "${name}" clashes with field "${prefix}" (item ${i})`, {
					itemIndex: i,
					description: 'A field cannot hold a value and sub-fields at once.',
				});
			}
			if (next === undefined) setOwn(target, path[k], {});
			target = ownValue(target, path[k]) as IDataObject;
		}
		const leaf = path[path.length - 1];
		const existing = ownValue(target, leaf);
		if (leaves.has(name) || (existing !== undefined && typeof existing === 'object' && existing !== null)) {
			throw new NodeOperationError(ctx.getNode(), `Field "${name}" is set twice (item ${i})`, { itemIndex: i });
		}
		setOwn(target, leaf, fieldValue(ctx, i, row, name));
		leaves.add(name);
	}
	return out;
}

/** The body of a create or update, validated before anything is sent. */
export function readBody(ctx: IExecuteFunctions, i: number, options: { label?: string } = {}): Body {
	const mode = ctx.getNodeParameter('sendFields', i, 'json') as 'json' | 'fields';
	const value =
		mode === 'fields'
			? bodyFromRows(ctx, i, ((readCollection(ctx, 'fields', i) as { field?: FieldRow[] }).field ?? []))
			: parseJsonBody(ctx, i);
	const body = parseOrThrow(bodySchema, value, {
		node: ctx.getNode(),
		kind: 'input',
		label: options.label ?? (mode === 'fields' ? 'Fields' : 'Body (JSON): expected a JSON object or an array of objects'),
		itemIndex: i,
	}) as Body;
	const empty = Array.isArray(body) ? body.some((r) => !Object.keys(r).length) : !Object.keys(body).length;
	if (empty) {
		throw new NodeOperationError(ctx.getNode(), `The record to send is empty (item ${i})`, {
			itemIndex: i,
			description: mode === 'fields' ? 'Add at least one field.' : 'Body (JSON) holds no field.',
		});
	}
	return body;
}

/** "No Customer with ID '1001' was found." as a 404 NodeApiError (kept from NodeApiError's generic 404 text). */
export function notFound(ctx: IExecuteFunctions, entity: string, id: string, i: number): NodeApiError {
	const message = `No ${entity} with ID '${id}' was found.`;
	const error = new NodeApiError(ctx.getNode(), { message }, {
		message,
		description: "The connector answered with no record. Check the ID: it is the record's key as the connector returns it.",
		httpCode: '404',
		itemIndex: i,
	});
	error.message = message;
	return error;
}

/**
 * The ERP of item `i`: the credential's, unless a workflow saved before the credential had an ERP
 * field set one on the node (version 1 nodes still show that field, and it wins when set).
 */
export async function readErp(ctx: IExecuteFunctions, i: number): Promise<string> {
	const onNode = ctx.getNode().typeVersion < 2 ? (ctx.getNodeParameter('erp', i, ANY_ERP) as string) : ANY_ERP;
	if (onNode && onNode !== ANY_ERP) return onNode;
	const credentials = await ctx.getCredentials('onlineErpApi', i);
	return typeof credentials.erp === 'string' && credentials.erp ? credentials.erp : ANY_ERP;
}

/**
 * Run-wide: one execution hint per entity and ERP the support matrix says lacks this operation.
 * It warns and does not block, as the matrices are incomplete.
 */
export function matrixHints(operation: OperationName) {
	return async function (this: IExecuteFunctions, indexes: number[]): Promise<void> {
		const warnings = new Set<string>();
		for (const i of indexes) {
			let entity: string;
			try {
				entity = readEntity(this, i);
			} catch {
				continue;
			}
			const warning = matrixWarning(entity, operation, await readErp(this, i));
			if (warning) warnings.add(warning);
		}
		if (warnings.size) {
			this.addExecutionHints(...[...warnings].map((message) => ({ message, type: 'warning' as const, location: 'outputPane' as const })));
		}
	};
}

/**
 * Runs an operation's request; when it fails the way a missing operation fails (404, 405, 501)
 * and the support matrix lacks it for the chosen ERP, the error says so (execution hints are
 * only shown on a successful run).
 */
export async function withMatrixContext<T>(
	ctx: IExecuteFunctions,
	i: number,
	context: { entity: string; operation: OperationName },
	send: () => Promise<T>,
): Promise<T> {
	try {
		return await send();
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
		if (['404', '405', '501'].includes(String(error.httpCode))) {
			const warning = matrixWarning(context.entity, context.operation, await readErp(ctx, i));
			if (warning) error.description = [error.description, warning].filter(Boolean).join(' ');
		}
		// Given a NodeApiError, the constructor hands back that same error.
		throw new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
	}
}
