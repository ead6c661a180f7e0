import { createHash } from 'node:crypto';
import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { clock, request } from '../../shared';
import { productListSchema, type Product } from '../schemas/product';
import { telestoBaseUrl, telestoProfile } from './index';

const TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 200;

interface Entry {
	at: number;
	list: Promise<Product[]>;
}

/**
 * Product lists shared by every Telesto node and item of one execution (one `GET /products` per
 * execution and credential, rule B1), dropped after 10 minutes.
 */
const cache = new Map<string, Entry>();

async function cacheKey(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	scope: string,
	itemIndex: number,
): Promise<string> {
	const credentials = await ctx.getCredentials('telestoApi', itemIndex);
	const key = createHash('sha256').update(String(credentials.apiKey ?? '')).digest('hex').slice(0, 16);
	return `${scope}|${telestoBaseUrl(credentials)}|${key}`;
}

function prune(): void {
	const now = clock.now();
	for (const [k, e] of cache) if (now - e.at > TTL_MS) cache.delete(k);
	while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
}

/** One fresh `GET /products`, validated. */
export async function fetchProducts(
	ctx: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	itemIndex?: number,
): Promise<Product[]> {
	return await request(ctx, telestoProfile, {
		method: 'GET',
		path: '/products',
		schema: productListSchema,
		itemIndex,
	});
}

export async function productList(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	options: { scope: string; itemIndex: number; forceFresh?: boolean },
): Promise<Product[]> {
	prune();
	const key = await cacheKey(ctx, options.scope, options.itemIndex);
	const cached = cache.get(key);
	if (cached && !options.forceFresh) return await cached.list;
	const list = fetchProducts(ctx, options.itemIndex);
	cache.set(key, { at: clock.now(), list });
	// A failed fetch must not be served to the next item as if it were the list.
	list.catch(() => cache.delete(key));
	return await list;
}

/** The cache scope of an execution: its id, so separate runs never share a list. */
export function executionScope(ctx: IExecuteFunctions): string {
	return `exec:${ctx.getExecutionId() ?? 'none'}`;
}

/** After a write through Other Endpoint, the execution's list may be stale. */
export function forgetExecutionList(scope: string): void {
	for (const k of cache.keys()) if (k.startsWith(`${scope}|`)) cache.delete(k);
}

export function clearProductListCache(): void {
	cache.clear();
}
