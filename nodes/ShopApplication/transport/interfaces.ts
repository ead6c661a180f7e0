import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared';
import { getInterface, listInterfaceKeys } from './api';
import { cached, interfaceScope } from './catalogue';

/** How many interface details one page of the picker reads (one request each, when not cached). */
export const INTERFACE_PAGE_SIZE = 20;

/** `GET /interfaces`, cached per account for two minutes (shared by the picker and URL lookups). */
export async function cachedInterfaceKeys(ctx: RequestContext, itemIndex?: number): Promise<string[]> {
	return await cached(ctx, { scope: interfaceScope(), itemIndex }, 'interface-keys', async () =>
		await listInterfaceKeys(ctx, itemIndex),
	);
}

/** `GET /interfaces/{key}`, cached per account for two minutes. */
export async function cachedInterface(ctx: RequestContext, key: string, itemIndex?: number): Promise<IDataObject> {
	return await cached(ctx, { scope: interfaceScope(), itemIndex }, `interface:${key}`, async () =>
		await getInterface(ctx, key, itemIndex),
	);
}

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** Host and path of an address, without scheme, `www.` or trailing `/`, lower-cased. */
export function siteAddress(url: unknown): string {
	const raw = text(url).toLowerCase();
	if (!raw) return '';
	return raw
		.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
		.replace(/^www\./, '')
		.replace(/[?#].*$/, '')
		.replace(/\/+$/, '');
}

function host(url: unknown): string {
	return siteAddress(url).split('/')[0];
}

/**
 * The picker's label: the site address when the interface has one, else its key, then the status;
 * `guid` (your own ID) leads when the API sends it back, which §5.2 does not promise.
 */
export function interfaceLabel(details: IDataObject): string {
	const own = text(details.guid);
	const site = host(details.url) || host(details.url_administration);
	const status = text(details.status_label) || 'unknown';
	const where = site || (status === 'installing' ? 'no site address yet' : text(details.key));
	return `${own ? `${own} — ` : ''}${where} (${status})`;
}

export function interfaceDescription(details: IDataObject): string {
	const created = text(details.date_creation);
	return [`Key ${text(details.key)}`, created && `created ${created}`].filter(Boolean).join(', ');
}

/** Whether a search text is in the key, your own ID, an address or the status label. */
export function interfaceMatches(details: IDataObject, needle: string): boolean {
	if (!needle) return true;
	const haystack = [details.key, details.guid, details.url, details.url_administration, details.status_label]
		.map((v) => text(v).toLowerCase())
		.join('\n');
	return haystack.includes(needle.toLowerCase());
}

/**
 * The key of the interface whose site or administration address is `url` (same host, and the
 * same path when the URL names one beyond the administration area). Reads interface details one by
 * one (cached), so it costs up to one request per interface.
 */
export async function findInterfaceByUrl(
	ctx: RequestContext,
	url: string,
	itemIndex?: number,
): Promise<string | undefined> {
	const wanted = host(url);
	if (!wanted) return undefined;
	for (const key of await cachedInterfaceKeys(ctx, itemIndex)) {
		const details = await cachedInterface(ctx, key, itemIndex);
		if ([details.url, details.url_administration].some((u) => host(u) === wanted)) return key;
	}
	return undefined;
}
