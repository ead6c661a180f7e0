import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyMode,
} from 'n8n-workflow';

import { collect, request, setOwn, toList, type RequestContext } from '../../shared';
import { customer, type ResourceDef } from '../resources';
import { clientXcmsProfile } from '../transport';
import { envelopeBPaginator } from '../transport/pagination';
import { positiveId } from './values';

function paramName(def: ResourceDef): string {
	return `${def.resource}Id`;
}

/** The record picker: a resource locator (list + ID) where a list search exists, else an ID. */
export function idProperty(def: ResourceDef, options: { description?: string } = {}): INodeProperties {
	const description = options.description ?? `The ${def.label.toLowerCase()} to use`;
	if (!def.searchMethod) {
		return {
			displayName: `${def.label} ID`,
			name: paramName(def),
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 42',
			description,
		};
	}
	return {
		displayName: def.label,
		name: paramName(def),
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${def.label.toLowerCase()}...`,
				typeOptions: { searchListMethod: def.searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Enter a numeric ID' } }],
			},
			...(def.adminPath ? [urlMode(def, def.adminPath)] : []),
		],
	};
}

/**
 * The record's admin page, e.g. https://billing.example.com/admin/customers/12. The admin prefix
 * is an instance setting, so only the part after it is matched.
 */
function urlMode(def: ResourceDef, adminPath: string): INodePropertyMode {
	const page = `/${adminPath}/(\\d+)`;
	// A resource locator mode, not a parameter: modes have no default.
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	return {
		displayName: 'By URL',
		name: 'url',
		type: 'string',
		placeholder: `e.g. https://billing.example.com/admin/${adminPath}/42`,
		validation: [
			{
				type: 'regex',
				properties: {
					regex: `^https?://[^/]+(?:/[^?#]*)?${page}(?:[/?#].*)?$`,
					errorMessage: `Paste the address of a ${def.label.toLowerCase()} page of the admin area (…/${adminPath}/<ID>)`,
				},
			},
		],
		extractValue: { type: 'regex', regex: page },
	};
}

/** The picked record's numeric id, validated. */
export function readRecordId(ctx: IExecuteFunctions, def: ResourceDef, itemIndex: number): number {
	const value = ctx.getNodeParameter(paramName(def), itemIndex, undefined, { extractValue: true });
	return positiveId(ctx, value, { label: `${def.label} ID`, itemIndex });
}

/**
 * Customers embedded in other records (`include=customer`, a ticket's `customer` and its
 * messages' `customer`) carry the same 2FA secret and confirmation token as a customer read
 * directly: they are removed wherever a `customer` object appears.
 */
function withoutEmbeddedSecrets(value: unknown, depth = 0): unknown {
	if (depth > 8 || !value || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((v) => withoutEmbeddedSecrets(v, depth + 1));
	const out: IDataObject = {};
	for (const [key, v] of Object.entries(value as IDataObject)) {
		const inner = withoutEmbeddedSecrets(v, depth + 1) as IDataObject[string];
		if (key === 'customer' && inner && typeof inner === 'object' && !Array.isArray(inner)) {
			const embedded = { ...(inner as IDataObject) };
			for (const secret of customer.sensitive ?? []) delete embedded[secret];
			setOwn(out, key, embedded);
		} else setOwn(out, key, inner);
	}
	return out;
}

/** Removes what ClientXCMS exposes but should not travel further (2FA secrets, server passwords). */
export function redact(def: ResourceDef, record: IDataObject, includeSensitive: boolean): IDataObject {
	if (includeSensitive) return record;
	const out = withoutEmbeddedSecrets(record) as IDataObject;
	for (const key of def.sensitive ?? []) delete out[key];
	return out;
}

export function notFound(ctx: IExecuteFunctions, def: ResourceDef, id: number, itemIndex: number): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `No ${def.label.toLowerCase()} with ID ${id}`, {
		itemIndex,
		description: 'ClientXCMS answered with an empty result for this ID. Deleted records are not visible to the API.',
	});
}

/**
 * A group by id. GET /groups/{id} ignores the id in ClientXCMS 2.16 (it always answers an
 * empty default group), so the list is scanned page by page until the id appears.
 */
export async function scanGroup(
	ctx: RequestContext,
	options: { id: number; itemIndex: number; include?: string },
): Promise<IDataObject | undefined> {
	const items = await collect(
		ctx,
		clientXcmsProfile,
		{
			method: 'GET',
			path: '/groups',
			query: { sort: 'created_at', ...(options.include ? { include: options.include } : {}) },
			itemIndex: options.itemIndex,
		},
		{ paginator: envelopeBPaginator({ perPage: 100, keep: (g) => Number(g.id) === options.id }), limit: 1 },
	);
	return items[0];
}

/**
 * One record. Handles the three shapes of "get one": a plain object, a one-item page (empty =
 * not found, reported as such) and the group list scan.
 */
export async function fetchOne(
	ctx: IExecuteFunctions,
	def: ResourceDef,
	options: { id: number; itemIndex: number; include?: unknown },
): Promise<IDataObject> {
	const { id, itemIndex } = options;
	const wanted = toList(options.include);
	const include = wanted.length ? wanted.join(',') : undefined;
	if (def.getShape === 'scan') {
		const found = await scanGroup(ctx, { id, itemIndex, include });
		if (!found) throw notFound(ctx, def, id, itemIndex);
		return found;
	}
	// GET /<resource>/{id}
	const body = (await request(ctx, clientXcmsProfile, {
		method: 'GET',
		path: `${def.path}/${id}`,
		query: include ? { include } : undefined,
		itemIndex,
	})) as IDataObject | undefined;
	if (def.getShape === 'object') {
		if (!body || typeof body !== 'object') throw notFound(ctx, def, id, itemIndex);
		return body;
	}
	const data = Array.isArray(body?.data) ? (body.data as IDataObject[]) : [];
	if (!data.length) throw notFound(ctx, def, id, itemIndex);
	return data[0];
}
