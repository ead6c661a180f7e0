import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { ZodType } from 'zod';

import { jsonItems, readCollection, requestRaw, type HttpMethod, type QueryValue } from '../../shared';
import type { ResourceDef } from '../resources';
import { clientXcmsProfile } from '../transport';
import { bodyProperties, readBody, type BodyField } from './fields';
import { enumOptions } from './fields';
import { sensitiveOption } from './getMany';
import { fetchOne, idProperty, readRecordId, redact } from './records';
import { timezoneOf, toBool, toInstanceDate, toInstanceDateTime } from './values';

export function notice(text: string, name = 'notice'): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '' };
}

/**
 * One request, its answer checked against the route's documented shape (or `schema`); an empty
 * answer (204) is returned as undefined.
 */
export async function send(
	ctx: IExecuteFunctions,
	spec: {
		method: HttpMethod;
		path: string;
		itemIndex: number;
		body?: IDataObject;
		query?: Record<string, QueryValue>;
		idempotent?: boolean;
		schema?: ZodType;
	},
): Promise<unknown> {
	const { body } = await requestRaw(ctx, clientXcmsProfile, spec);
	return body === '' || body === null ? undefined : body;
}

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** An answer as output: the object itself, `{ success: true }` when empty. */
export function asItems(def: ResourceDef, body: unknown, includeSensitive = false): INodeExecutionData[] {
	if (!isObject(body)) return jsonItems(body === undefined ? { success: true } : { result: body as string });
	return jsonItems(redact(def, body, includeSensitive));
}

function includeSensitive(ctx: IExecuteFunctions, def: ResourceDef, itemIndex: number): boolean {
	if (!def.sensitive?.length) return false;
	const options = readCollection(ctx, 'options', itemIndex) as IDataObject;
	return options.includeSensitive === true;
}

function optionsCollection(def: ResourceDef, extra: INodeProperties[] = []): INodeProperties[] {
	const options = [...extra, ...(def.sensitive?.length ? [sensitiveOption(def)] : [])];
	return options.length
		? [{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options }]
		: [];
}

/** Get: the record picker, includes where the route takes them, sensitive-field option. */
export function getProperties(def: ResourceDef, extra: INodeProperties[] = []): INodeProperties[] {
	const include: INodeProperties[] =
		def.getShape !== 'object' && def.includes.length
			? [
					{
						displayName: 'Include',
						name: 'include',
						type: 'multiOptions',
						options: enumOptions(def.includes),
						default: [],
						description: 'Related records to embed',
					},
				]
			: [];
	return [...extra, idProperty(def), ...optionsCollection(def, include)];
}

export async function getRecord(ctx: IExecuteFunctions, itemIndex: number, def: ResourceDef): Promise<INodeExecutionData[]> {
	const id = readRecordId(ctx, def, itemIndex);
	const options = readCollection(ctx, 'options', itemIndex) as IDataObject;
	const record = await fetchOne(ctx, def, { id, itemIndex, include: options.include });
	return jsonItems(redact(def, record, options.includeSensitive === true));
}

export function createProperties(def: ResourceDef, fields: BodyField[], extra: INodeProperties[] = []): INodeProperties[] {
	return [...extra, ...bodyProperties(fields, 'create'), ...optionsCollection(def)];
}

export async function readCreateBody(ctx: IExecuteFunctions, itemIndex: number, fields: BodyField[]): Promise<IDataObject> {
	return readBody(ctx, fields, { itemIndex, mode: 'create', timezone: await timezoneOf(ctx, itemIndex) });
}

/** POST <list path> with the fields' body; never retried (a create is not idempotent). */
export async function createRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	def: ResourceDef,
	body: IDataObject,
): Promise<INodeExecutionData[]> {
	const answer = await send(ctx, { method: 'POST', path: def.path, body, itemIndex });
	return asItems(def, answer, includeSensitive(ctx, def, itemIndex));
}

export function updateProperties(def: ResourceDef, fields: BodyField[], extra: INodeProperties[] = []): INodeProperties[] {
	return [...extra, idProperty(def), ...bodyProperties(fields, 'update'), ...optionsCollection(def)];
}

/**
 * How current values are re-sent by a read-modify-write: which fields, and which of them are
 * datetimes (converted to instance time), dates, booleans (0/1 → JSON booleans) or numbers.
 */
export interface Resend {
	fields: string[];
	dateTimes?: string[];
	dates?: string[];
	booleans?: string[];
	numbers?: string[];
	/** Derived values (ids of embedded relations, metadata flags). */
	derive?: (current: IDataObject) => IDataObject;
}

export function currentValues(current: IDataObject, resend: Resend, timezone: string): IDataObject {
	const out: IDataObject = {};
	for (const field of resend.fields) {
		if (!(field in current)) continue;
		let value = current[field];
		if (value !== null && value !== undefined) {
			if (resend.dateTimes?.includes(field)) value = toInstanceDateTime(value, timezone);
			else if (resend.dates?.includes(field)) value = toInstanceDate(value, timezone);
			else if (resend.booleans?.includes(field)) value = toBool(value);
			else if (resend.numbers?.includes(field)) value = Number(value);
		}
		out[field] = value;
	}
	return { ...out, ...(resend.derive?.(current) ?? {}) };
}

/**
 * POST <path>/{id}. With `resend`, reads the record first and re-sends the current values of
 * the fields ClientXCMS would otherwise reset or require, the user's Update Fields on top.
 */
export async function updateRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	def: ResourceDef,
	options: {
		fields: BodyField[];
		resend?: Resend;
		include?: string[];
		body?: IDataObject;
		/** Last touch on the merged body (fields whose mere presence means true). */
		finalize?: (body: IDataObject) => IDataObject;
	},
): Promise<INodeExecutionData[]> {
	const id = readRecordId(ctx, def, itemIndex);
	const timezone = await timezoneOf(ctx, itemIndex);
	const changes = { ...readBody(ctx, options.fields, { itemIndex, mode: 'update', timezone }), ...(options.body ?? {}) };
	if (!Object.keys(changes).length) {
		throw new NodeOperationError(ctx.getNode(), `Nothing to update: add at least one Update Field (item ${itemIndex})`, {
			itemIndex,
		});
	}
	let body = changes;
	if (options.resend) {
		const current = await fetchOne(ctx, def, { id, itemIndex, include: options.include });
		body = { ...currentValues(current, options.resend, timezone), ...changes };
	}
	if (options.finalize) body = options.finalize(body);
	const answer = await send(ctx, { method: 'POST', path: `${def.path}/${id}`, body, itemIndex });
	return asItems(def, answer, includeSensitive(ctx, def, itemIndex));
}

export function deleteProperties(def: ResourceDef, extra: INodeProperties[] = []): INodeProperties[] {
	return [idProperty(def, { description: `The ${def.label.toLowerCase()} to delete` }), ...extra];
}

/** DELETE <path>/{id} → `{ deleted: true, id }` (plus the API's message when it sends one). */
export async function deleteRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	def: ResourceDef,
	options: { query?: Record<string, QueryValue> } = {},
): Promise<INodeExecutionData[]> {
	const id = readRecordId(ctx, def, itemIndex);
	const answer = await send(ctx, { method: 'DELETE', path: `${def.path}/${id}`, query: options.query, itemIndex });
	const message = isObject(answer) && typeof answer.message === 'string' ? { message: answer.message } : {};
	return jsonItems({ deleted: true, id, ...message });
}

/** An action on one record: `<method> <path>/{id}/<suffix>`; the answer as output. */
export async function recordAction(
	ctx: IExecuteFunctions,
	itemIndex: number,
	def: ResourceDef,
	options: { method: HttpMethod; suffix: string; body?: IDataObject; idempotent?: boolean },
): Promise<{ id: number; answer: unknown }> {
	const id = readRecordId(ctx, def, itemIndex);
	const answer = await send(ctx, {
		method: options.method,
		path: `${def.path}/${id}/${options.suffix}`,
		body: options.body,
		idempotent: options.idempotent,
		itemIndex,
	});
	return { id, answer };
}

/** `recordAction` with the answer as the output item. */
export async function recordActionItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	def: ResourceDef,
	options: { method: HttpMethod; suffix: string; body?: IDataObject; idempotent?: boolean },
): Promise<INodeExecutionData[]> {
	const { answer } = await recordAction(ctx, itemIndex, def, options);
	return asItems(def, answer, includeSensitive(ctx, def, itemIndex));
}
