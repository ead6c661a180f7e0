import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { collect, recordHash, type Paginator, type RequestContext } from '../../shared';
import { readList } from './envelope';
import { onlineErpProfile } from './index';

export const HARD_CAP = 100_000;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export type PaginationMode = 'pages' | 'single';

export const SKIP_IGNORED =
	"The OnlineERP connector ignored $skip, so records cannot be read page by page. Set Pagination to 'Single Request' or narrow the filter.";

export interface CapOptions {
	cap: number;
	/** The error when more records match than the cap. */
	capMessage: string;
	capHint?: string;
}

interface PaginatorOptions extends CapOptions {
	node: INode;
	pageSize: number;
	itemIndex?: number;
}

function overCap(options: PaginatorOptions): NodeOperationError {
	return new NodeOperationError(options.node, options.capMessage, {
		itemIndex: options.itemIndex,
		description: options.capHint,
	});
}

/**
 * The records of a page, in any order. Comparing only first records (spec §8) fails a correct
 * walk whenever two pages start with equal records, which a narrow `$select` makes common.
 */
function pageFingerprint(items: IDataObject[]): string | undefined {
	return items.length ? recordHash(items.map((r) => recordHash(r)).sort()) : undefined;
}

/**
 * `$top`/`$skip` paging, one page at a time (one robot per licence). A short page ends the walk;
 * a page holding the same records as the previous one means `$skip` is ignored, which fails
 * instead of returning duplicates; more than `cap` records fails and asks for a filter.
 */
export function topSkipPaginator(options: PaginatorOptions): Paginator {
	let previous: string | undefined;
	return {
		maxPages: Math.ceil(options.cap / options.pageSize) + 1,
		pageQuery: (state) => ({ $top: options.pageSize, $skip: state.fetched }),
		readPage: (body, state) => {
			const items = readList(body);
			if (state.fetched + items.length > options.cap) throw overCap(options);
			const fingerprint = pageFingerprint(items);
			if (state.page > 0 && fingerprint !== undefined && fingerprint === previous) {
				throw new NodeOperationError(options.node, SKIP_IGNORED, {
					itemIndex: options.itemIndex,
					description:
						'This page holds the same records as the previous page. Returning them would silently duplicate data.',
				});
			}
			previous = fingerprint;
			// More than asked for: the connector ignored $top and sent everything from $skip on.
			return { items, hasMore: items.length === options.pageSize };
		},
	};
}

/** One request, everything the connector returns (no `$top`). */
export function singleRequestPaginator(options: Omit<PaginatorOptions, 'pageSize'>): Paginator {
	return {
		pageQuery: () => ({}),
		readPage: (body) => {
			const items = readList(body);
			if (items.length > options.cap) throw overCap({ ...options, pageSize: 1 });
			return { items, hasMore: false };
		},
	};
}

/** One request with `$top = limit`. */
export function limitPaginator(limit: number): Paginator {
	return {
		pageQuery: () => ({ $top: limit }),
		readPage: (body) => ({ items: readList(body), hasMore: false }),
	};
}

export interface ListQuery {
	$filter?: string;
	$select?: string;
	$expand?: string;
	$orderby?: string;
}

export interface FetchListOptions extends Partial<CapOptions> {
	entity: string;
	query: ListQuery;
	/** undefined: all records (paged or single request); a number: one request with `$top`. */
	limit?: number;
	pagination?: PaginationMode;
	pageSize?: number;
	timeoutMs?: number;
	itemIndex?: number;
}

export function entityPath(entity: string, id?: string): string {
	return id === undefined ? `/Entity/${entity}` : `/Entity/${entity}/${encodeURIComponent(id)}`;
}

/** `GET /Entity/<entity>` with the modifiers, read through the chosen paging strategy. */
export async function fetchList(ctx: RequestContext, options: FetchListOptions): Promise<IDataObject[]> {
	const node = ctx.getNode();
	const cap = {
		cap: options.cap ?? HARD_CAP,
		capMessage:
			options.capMessage ??
			`More than ${(options.cap ?? HARD_CAP).toLocaleString('en-US')} ${options.entity} records match; add a filter`,
		capHint:
			options.capHint ??
			'Get Many stops at this many records to protect the robot and the n8n server. Narrow the filter, or read the records in parts with Order By and a filter on the key.',
		node,
		itemIndex: options.itemIndex,
	};
	const paginator =
		options.limit !== undefined
			? limitPaginator(options.limit)
			: options.pagination === 'single'
				? singleRequestPaginator(cap)
				: topSkipPaginator({ ...cap, pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE });
	const query: Record<string, string> = {};
	for (const [name, value] of Object.entries(options.query)) {
		if (typeof value === 'string' && value.trim()) query[name] = value.trim();
	}
	return await collect(
		ctx,
		onlineErpProfile,
		{
			method: 'GET',
			path: entityPath(options.entity),
			query,
			itemIndex: options.itemIndex,
			timeoutMs: options.timeoutMs,
		},
		{ paginator, limit: options.limit },
	);
}
