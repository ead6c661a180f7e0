import type { IDataObject } from 'n8n-workflow';

import { request } from './request';
import type { ApiProfile, QueryValue, RequestContext, RequestSpec } from './types';

export interface PageState {
	/** 0-based index of the page about to be requested. */
	page: number;
	/** Items collected so far. */
	fetched: number;
	/** Items still wanted; undefined for Return All. */
	remaining: number | undefined;
}

export interface PageResult {
	items: IDataObject[];
	hasMore: boolean;
	/**
	 * Items the page held before the paginator dropped any (exact re-checks of substring
	 * filters); a page that held none ends the walk. Defaults to `items.length`.
	 */
	scanned?: number;
}

/** How one API pages: the query for each page, and how to read a page's items. */
export interface Paginator {
	pageQuery(state: PageState): Record<string, QueryValue>;
	readPage(body: unknown, state: PageState): PageResult;
	/** Stops Return All from walking forever when an API ignores the paging parameters. */
	maxPages?: number;
}

export interface CollectOptions {
	paginator: Paginator;
	/** Stop once this many items are collected; undefined collects all. */
	limit?: number;
}

/** One request, whole list in the answer (arrays, or an array under one of `keys`). */
export function singlePage(readItems: (body: unknown) => IDataObject[]): Paginator {
	return {
		pageQuery: () => ({}),
		readPage: (body) => ({ items: readItems(body), hasMore: false }),
	};
}

/**
 * Walks pages until the API says there are no more or `limit` items are in hand; requests no
 * page it does not need.
 */
export async function collect(
	ctx: RequestContext,
	profile: ApiProfile,
	spec: Omit<RequestSpec, 'schema'>,
	{ paginator, limit }: CollectOptions,
): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	const maxPages = paginator.maxPages ?? 1000;
	for (let page = 0; page < maxPages; page++) {
		const state: PageState = {
			page,
			fetched: out.length,
			remaining: limit === undefined ? undefined : limit - out.length,
		};
		const body = await request(ctx, profile, {
			...spec,
			query: { ...(spec.query ?? {}), ...paginator.pageQuery(state) },
		});
		const { items, hasMore, scanned } = paginator.readPage(body, state);
		for (const item of items) {
			out.push(item);
			if (limit !== undefined && out.length >= limit) return out;
		}
		if (!hasMore || (scanned ?? items.length) === 0) break;
	}
	return out;
}
