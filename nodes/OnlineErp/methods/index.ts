import {
	NodeApiError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
	type INodePropertyOptions,
	type JsonObject,
} from 'n8n-workflow';

import { accountKey, cachedRead, request } from '../../shared';
import { ENTITY_NAME, entityInfo, OTHER_ENTITY, recordKey, recordName } from '../entities';
import { onlineErpBaseUrl, onlineErpProfile } from '../transport';
import { readList } from '../transport/envelope';
import { entityPath } from '../transport/list';

/** Records per page of the record picker (one request through the robot each). */
const PAGE_SIZE = 50;
/** A search that finds nothing on a page reads on, up to this many pages. */
const SEARCH_PAGES = 3;
/** Field lists read one record from the ERP; kept this long per account and entity. */
const FIELDS_TTL_MS = 10 * 60 * 1000;
/** Dots reach sub-fields, also inside arrays (vendor's `$select`); deeper levels are rare. */
const MAX_DEPTH = 3;

/** The entity chosen in the node, or undefined while Other Entity has no valid name. */
function currentEntity(ctx: ILoadOptionsFunctions): string | undefined {
	const chosen = String(ctx.getCurrentNodeParameter('entity') ?? '');
	if (chosen !== OTHER_ENTITY) return chosen || undefined;
	const name = String(ctx.getCurrentNodeParameter('entityName') ?? '').trim();
	return ENTITY_NAME.test(name) ? name : undefined;
}

async function readPage(ctx: ILoadOptionsFunctions, entity: string, top: number, skip: number): Promise<IDataObject[]> {
	const query: Record<string, number> = { $top: top };
	if (skip) query.$skip = skip;
	return readList(await request(ctx, onlineErpProfile, { method: 'GET', path: entityPath(entity), query }));
}

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).trim() : '';
}

/**
 * Record picker: the key and the name field of each record, 50 a page (`$top`/`$skip`). The
 * vendor documents `eq` only, so a search matches the labels of the pages read, not the ERP.
 */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const entity = currentEntity(this);
	if (!entity) return { results: [] };
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	let skip = Math.max(0, Number(paginationToken ?? 0) || 0);
	const results: INodeListSearchResult['results'] = [];
	for (let read = 1; ; read++) {
		const records = await readPage(this, entity, PAGE_SIZE, skip);
		skip += records.length;
		for (const record of records) {
			const key = recordKey(entity, record);
			if (!key) continue;
			const nameField = recordName(entity, record, key);
			const name = nameField ? `${text(record[nameField])} (${text(record[key])})` : text(record[key]);
			if (!words.every((w) => name.toLowerCase().includes(w))) continue;
			results.push({ name, value: text(record[key]), description: `${key} ${text(record[key])}` });
		}
		if (records.length < PAGE_SIZE) return { results };
		if (!words.length || results.length || read >= SEARCH_PAGES) return { results, paginationToken: String(skip) };
	}
}

/** Dot paths of a record's fields; for an array of objects, the fields of its first element. */
export function fieldPaths(record: IDataObject, prefix = '', depth = 1): Array<{ path: string; sample: string }> {
	const out: Array<{ path: string; sample: string }> = [];
	for (const [name, value] of Object.entries(record)) {
		if (name.startsWith('@odata.')) continue;
		const path = `${prefix}${name}`;
		const inner = Array.isArray(value) ? value.find((v) => v && typeof v === 'object') : value;
		out.push({ path, sample: text(value) });
		if (inner && typeof inner === 'object' && !Array.isArray(inner) && depth < MAX_DEPTH) {
			out.push(...fieldPaths(inner as IDataObject, `${path}.`, depth + 1));
		}
	}
	return out;
}

async function entityFields(ctx: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const entity = currentEntity(ctx);
	if (!entity) return [];
	const documented = entityInfo(entity)?.fields ?? [];
	const credentials = await ctx.getCredentials(onlineErpProfile.credentialType);
	const account = accountKey(onlineErpBaseUrl(credentials), credentials.licenceCode, credentials.companyId);
	let read: Array<{ path: string; sample: string }> = [];
	let failure: string | undefined;
	try {
		read = await cachedRead(`onlineErp|fields|${account}|${entity}`, FIELDS_TTL_MS, async () => {
			const [record] = await readPage(ctx, entity, 1, 0);
			return record ? fieldPaths(record) : [];
		});
	} catch (error) {
		// Documented fields are still worth offering while the robot is offline.
		if (!documented.length) throw new NodeApiError(ctx.getNode(), error as JsonObject);
		failure = (error as Error).message;
	}
	const seen = new Map<string, INodePropertyOptions>();
	for (const { path, sample } of read) {
		seen.set(path, { name: path, value: path, description: sample ? `e.g. ${sample.slice(0, 60)}` : 'Read from a record of your ERP' });
	}
	for (const path of documented) {
		if (!seen.has(path)) {
			seen.set(path, {
				name: path,
				value: path,
				description: failure ? `Documented by the vendor (your ERP could not be read: ${failure})` : 'Documented by the vendor',
			});
		}
	}
	return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The entity's fields: the vendor's documented ones plus those of one record read from the ERP. */
export async function getEntityFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await entityFields(this);
}

/** Each field twice, ascending and descending, as `$orderby` terms. */
export async function getSortFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await entityFields(this)).flatMap((f) => [
		{ name: `${f.name} (Ascending)`, value: String(f.value), description: f.description },
		{ name: `${f.name} (Descending)`, value: `${String(f.value)} desc`, description: f.description },
	]);
}
