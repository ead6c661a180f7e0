import type { IExecuteFunctions } from 'n8n-workflow';

import { accountKey, cachedRead, clearCachedReads, clock, type RequestContext } from '../../shared';
import { catalogueDetailSchema, keyListSchema, type CatalogueDetail } from '../schemas';
import { segment, send, shopApplicationProfile as profile } from './index';
import { shopApplicationBaseUrl } from './token';

const TTL_MS = 10 * 60 * 1000;
const INTERFACE_WINDOW_MS = 2 * 60 * 1000;

/**
 * §5.12: the catalogue (`GET /prestations`, `GET /prestation/{code}`) is read once per scope
 * (an execution, or a 10-minute editor window) and account, and kept 10 minutes at most.
 */
export interface CatalogueScope {
	scope: string;
	itemIndex?: number;
}

/** A read cached per scope, base URL and Client ID (a failed read is not kept). */
export async function cached<T>(
	ctx: RequestContext,
	{ scope, itemIndex }: CatalogueScope,
	what: string,
	load: () => Promise<T>,
): Promise<T> {
	const credentials = await ctx.getCredentials(profile.credentialType, itemIndex ?? 0);
	const account = accountKey(credentials.clientId);
	return await cachedRead(`shopApplication|${scope}|${shopApplicationBaseUrl(credentials)}|${account}|${what}`, TTL_MS, load);
}

/** `GET /prestations`, uncached: the codes as the API writes them. */
export async function fetchCatalogueCodes(ctx: RequestContext, itemIndex?: number): Promise<string[]> {
	return await send(ctx, { method: 'GET', path: '/prestations', schema: keyListSchema, itemIndex });
}

/** `GET /prestation/{code}` (singular), uncached; `code` is set from the request when the body lacks it. */
export async function fetchCatalogueDetail(
	ctx: RequestContext,
	code: string,
	itemIndex?: number,
): Promise<CatalogueDetail> {
	const detail = await send(ctx, {
		method: 'GET',
		path: `/prestation/${segment(code)}`,
		schema: catalogueDetailSchema,
		itemIndex,
	});
	return { ...detail, code: detail.code ?? code } as CatalogueDetail;
}

/** Catalogue codes, cached for the scope. */
export async function catalogueCodes(ctx: RequestContext, where: CatalogueScope): Promise<string[]> {
	return await cached(ctx, where, 'codes', async () => await fetchCatalogueCodes(ctx, where.itemIndex));
}

/** Catalogue details of one code, cached for the scope. */
export async function catalogueDetail(
	ctx: RequestContext,
	code: string,
	where: CatalogueScope,
): Promise<CatalogueDetail> {
	return await cached(ctx, where, `detail:${code}`, async () => await fetchCatalogueDetail(ctx, code, where.itemIndex));
}

export function executionScope(ctx: IExecuteFunctions): string {
	return `exec:${ctx.getExecutionId() ?? 'none'}`;
}

/** Editor dropdowns share one catalogue read per 10-minute window. */
export function editorScope(): string {
	return `editor:${Math.floor(clock.now() / TTL_MS)}`;
}

/** Interface details in the editor change (installations, deletions): kept 2 minutes only. */
export function interfaceScope(): string {
	return `interfaces:${Math.floor(clock.now() / INTERFACE_WINDOW_MS)}`;
}

export function clearCatalogueCache(): void {
	clearCachedReads();
}
