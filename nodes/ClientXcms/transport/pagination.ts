import type { IDataObject } from 'n8n-workflow';

import type { PageResult, Paginator } from '../../shared';

/**
 * A: Laravel resource collection `{data, links: {next}, meta: {total}}` (customers, services,
 * invoices). B: flat paginator `{current_page, data, next_page_url, total}` (everything else).
 */
export type Envelope = 'A' | 'B';

export const MAX_PER_PAGE = 100;

export interface EnvelopeOptions {
	/** Page size; constant for the whole walk so page numbers stay aligned. Clamped to 1…100. */
	perPage: number;
	/** Exact re-check of substring filters: items it refuses are dropped. */
	keep?: (item: IDataObject) => boolean;
	/** Ends the walk after a page for which it returns true (trigger cursors); sees the unfiltered page. */
	stopAfter?: (page: IDataObject[]) => boolean;
	maxPages?: number;
}

export function clampPerPage(n: number): number {
	return Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(n) || 1));
}

function dataOf(body: unknown): IDataObject[] {
	const data = (body as IDataObject | undefined)?.data;
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

function hasNextA(body: unknown): boolean {
	const links = (body as IDataObject | undefined)?.links as IDataObject | undefined;
	return typeof links?.next === 'string' && links.next !== '';
}

function hasNextB(body: unknown): boolean {
	const next = (body as IDataObject | undefined)?.next_page_url;
	return typeof next === 'string' && next !== '';
}

function envelopePaginator(hasNext: (body: unknown) => boolean, options: EnvelopeOptions): Paginator {
	const perPage = clampPerPage(options.perPage);
	return {
		maxPages: options.maxPages,
		pageQuery: (state) => ({ page: state.page + 1, per_page: perPage }),
		readPage(body): PageResult {
			const raw = dataOf(body);
			const stop = options.stopAfter ? options.stopAfter(raw) : false;
			return {
				items: options.keep ? raw.filter(options.keep) : raw,
				hasMore: !stop && hasNext(body),
				scanned: raw.length,
			};
		},
	};
}

/** Envelope A: more pages while `links.next` is set. */
export function envelopeAPaginator(options: EnvelopeOptions): Paginator {
	return envelopePaginator(hasNextA, options);
}

/** Envelope B: more pages while `next_page_url` is set. */
export function envelopeBPaginator(options: EnvelopeOptions): Paginator {
	return envelopePaginator(hasNextB, options);
}

export function paginatorFor(envelope: Envelope, options: EnvelopeOptions): Paginator {
	return envelope === 'A' ? envelopeAPaginator(options) : envelopeBPaginator(options);
}

/** `total` of either envelope. */
export function totalOf(body: unknown): number | undefined {
	const b = body as IDataObject | undefined;
	const total = (b?.meta as IDataObject | undefined)?.total ?? b?.total;
	return typeof total === 'number' ? total : undefined;
}
