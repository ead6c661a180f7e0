import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
	type NodeParameterValueType,
} from 'n8n-workflow';

import { assertSafeKeysDeep, readCollection, readDateText, readNumber, toList } from '../../shared';
import { idList, toInstanceDate, toInstanceDateTime } from './values';

/**
 * One body field of a create or update: how it is shown and how its value is sent.
 * `required` fields are top-level on Create; every field is optional on Update.
 */
export interface BodyField {
	name: string;
	/** Shown as the parameter's display name. */
	label: string;
	type: 'string' | 'password' | 'text' | 'number' | 'boolean' | 'options' | 'multiOptions' | 'dateTime' | 'date' | 'idList' | 'json';
	options?: Array<string | INodePropertyOptions>;
	required?: boolean;
	default?: NodeParameterValueType;
	description?: string;
	placeholder?: string;
	/** Parameter name when it differs from the API field. */
	param?: string;
	/** loadOptions method listing the records this id (or id list) refers to. */
	pick?: string;
}

const PICK_DESCRIPTION =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';
const PICK_MANY_DESCRIPTION =
	'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** An id field as a dropdown of records: "Group Name or ID", its own description kept as a hint. */
function pickProperty(field: BodyField & { pick: string }, base: INodeProperties): INodeProperties {
	const many = field.type === 'idList';
	const noun = field.label.replace(/ IDs?$/, '');
	return {
		...base,
		displayName: `${noun} ${many ? 'Names or IDs' : 'Name or ID'}`,
		description: many ? PICK_MANY_DESCRIPTION : PICK_DESCRIPTION,
		...(field.description ? { hint: field.description } : {}),
		type: many ? 'multiOptions' : 'options',
		typeOptions: { loadOptionsMethod: field.pick },
		default: field.default ?? (many ? [] : ''),
	};
}

function titleOption(value: string): INodePropertyOptions {
	const name = value
		.replace(/_/g, ' ')
		.replace(/([a-z])([A-Z0-9])/g, '$1 $2')
		.replace(/\b\w/g, (c) => c.toUpperCase());
	return { name, value };
}

export function enumOptions(values: string[]): INodePropertyOptions[] {
	return values.map(titleOption);
}

function property(field: BodyField, required: boolean): INodeProperties {
	const base = {
		displayName: field.label,
		name: field.param ?? field.name,
		...(field.description ? { description: field.description } : {}),
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(required ? { required: true } : {}),
	};
	const options = field.options?.map((o) => (typeof o === 'string' ? titleOption(o) : o));
	if (field.pick) return pickProperty({ ...field, pick: field.pick }, { ...base, type: 'string', default: '' });
	switch (field.type) {
		case 'number':
			return { ...base, type: 'number', default: field.default ?? 0 };
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default ?? false };
		case 'options':
			return { ...base, type: 'options', options: options ?? [], default: field.default ?? options?.[0]?.value ?? '' };
		case 'multiOptions':
			return { ...base, type: 'multiOptions', options: options ?? [], default: field.default ?? [] };
		case 'dateTime':
		case 'date':
			return { ...base, type: 'dateTime', default: field.default ?? '' };
		case 'json':
			return { ...base, type: 'json', default: field.default ?? '{}' };
		case 'text':
			return { ...base, type: 'string', typeOptions: { rows: 4 }, default: field.default ?? '' };
		case 'password':
			return { ...base, type: 'string', typeOptions: { password: true }, default: field.default ?? '' };
		case 'idList':
			return {
				...base,
				type: 'string',
				default: field.default ?? '',
				placeholder: field.placeholder ?? 'e.g. 1, 2, 3',
			};
		default:
			return { ...base, type: 'string', default: field.default ?? '' };
	}
}

/**
 * Create: required fields at the top, the others in "Additional Fields". Update: all in
 * "Update Fields".
 */
export function bodyProperties(fields: BodyField[], mode: 'create' | 'update'): INodeProperties[] {
	const top = mode === 'create' ? fields.filter((f) => f.required) : [];
	const rest = mode === 'create' ? fields.filter((f) => !f.required) : fields;
	const out = top.map((f) => property(f, true));
	if (rest.length) {
		out.push({
			displayName: mode === 'create' ? 'Additional Fields' : 'Update Fields',
			name: mode === 'create' ? 'additionalFields' : 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: rest.map((f) => property(f, false)),
		});
	}
	return out;
}

function place(ctx: IExecuteFunctions, field: BodyField, options: { itemIndex: number }) {
	return { node: ctx.getNode(), field: field.label, itemIndex: options.itemIndex };
}

function convert(
	ctx: IExecuteFunctions,
	field: BodyField,
	value: unknown,
	options: { itemIndex: number; timezone: string },
): unknown {
	switch (field.type) {
		case 'number':
			return readNumber(value, place(ctx, field, options));
		case 'boolean':
			return value === true || value === 'true';
		case 'dateTime':
			return toInstanceDateTime(readDateText(value, place(ctx, field, options)), options.timezone);
		case 'date':
			return toInstanceDate(readDateText(value, place(ctx, field, options)), options.timezone);
		case 'idList':
			return idList(ctx, value, { label: field.label, itemIndex: options.itemIndex });
		case 'json': {
			if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return undefined;
			let parsed: unknown = value;
			try {
				if (typeof value === 'string') parsed = JSON.parse(value) as unknown;
			} catch {
				throw new NodeOperationError(ctx.getNode(), `${field.label} is not valid JSON (item ${options.itemIndex})`, {
					itemIndex: options.itemIndex,
				});
			}
			if (!parsed || typeof parsed !== 'object') {
				throw new NodeOperationError(ctx.getNode(), `${field.label} must be a JSON object or array (item ${options.itemIndex})`, {
					itemIndex: options.itemIndex,
					description: field.description,
				});
			}
			assertSafeKeysDeep(parsed, place(ctx, field, options));
			return parsed;
		}
		case 'multiOptions': {
			// An expression may give "a,b" for a multi-select: read as a list, never dropped.
			const list = toList(value);
			return Array.isArray(value) || list.length ? list : undefined;
		}
		default:
			if (typeof value !== 'string') return value;
			return value.trim() === '' ? undefined : value.trim();
	}
}

/** The body the user's parameters describe, values converted (dates, id lists, booleans). */
export function readBody(
	ctx: IExecuteFunctions,
	fields: BodyField[],
	options: { itemIndex: number; timezone: string; mode: 'create' | 'update' },
): IDataObject {
	const { itemIndex, mode } = options;
	const collection = readCollection(ctx, mode === 'create' ? 'additionalFields' : 'updateFields', itemIndex);
	const body: IDataObject = {};
	for (const field of fields) {
		const param = field.param ?? field.name;
		const top = mode === 'create' && field.required;
		const value = top ? ctx.getNodeParameter(param, itemIndex) : collection[param];
		if (!top && !Object.prototype.hasOwnProperty.call(collection, param)) continue;
		const converted = convert(ctx, field, value, options);
		if (converted !== undefined) body[field.name] = converted as IDataObject[string];
	}
	return body;
}
