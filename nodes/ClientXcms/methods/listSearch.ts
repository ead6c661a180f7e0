import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { accountKey, cachedRead, request } from '../../shared';
import { clientXcmsBaseUrl, clientXcmsProfile } from '../transport';

interface SearchSpec {
	path: string;
	/** Sort sent with every page (groups cannot be sorted by id). */
	sort?: string;
	/** The filter the search text goes to (substring match); numeric text searches the id. */
	textFilter?: string;
	/** Whether the list has an `id` filter (groups and cancellation reasons have none). */
	noIdFilter?: boolean;
	/** `include` sent with every page, for labels that name a related record. */
	include?: string;
	label: (record: IDataObject) => string;
	description?: (record: IDataObject) => string;
}

const PAGE_SIZE = 50;
const PRODUCT_NAMES_TTL_MS = 2 * 60 * 1000;
/**
 * Where the search text has no server-side filter, labels are matched here; a page without a
 * match reads on, up to this many pages (ClientXCMS allows 60 requests a minute).
 */
const LOCAL_SEARCH_PAGES = 3;

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function person(c: unknown): string {
	if (!c || typeof c !== 'object') return '';
	const r = c as IDataObject;
	const name = [text(r.firstname), text(r.lastname)].filter(Boolean).join(' ');
	const email = text(r.email);
	return name && email ? `${name} <${email}>` : name || email || text(r.company_name);
}

function joined(parts: string[], separator = ' — '): string {
	return parts.filter(Boolean).join(separator);
}

async function page(
	ctx: ILoadOptionsFunctions,
	spec: SearchSpec,
	query: IDataObject,
): Promise<{ data: IDataObject[]; more: boolean }> {
	const body = (await request(ctx, clientXcmsProfile, {
		method: 'GET',
		path: spec.path,
		query: query as Record<string, string | number>,
	})) as IDataObject;
	const data = Array.isArray(body?.data) ? (body.data as IDataObject[]) : [];
	const links = body?.links as IDataObject | undefined;
	return { data, more: Boolean(links?.next ?? body?.next_page_url) };
}

async function search(
	ctx: ILoadOptionsFunctions,
	spec: SearchSpec,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim();
	let current = Number(paginationToken ?? 1) || 1;
	const base: IDataObject = { sort: spec.sort ?? '-id', per_page: PAGE_SIZE };
	if (spec.include) base.include = spec.include;
	const byId = /^\d+$/.test(needle) && !spec.noIdFilter;
	const local = Boolean(needle) && !byId && !spec.textFilter;
	if (byId) base['filter[id]'] = needle;
	else if (needle && spec.textFilter) base[`filter[${spec.textFilter}]`] = needle;
	const results: INodeListSearchResult['results'] = [];
	for (let read = 1; ; read++) {
		const { data, more } = await page(ctx, spec, { ...base, page: current });
		for (const record of data) {
			const name = spec.label(record);
			const description = spec.description?.(record) ?? '';
			if (local && !`${name}\n${description}`.toLowerCase().includes(needle.toLowerCase())) continue;
			results.push({ name, value: String(record.id), ...(description ? { description } : {}) });
		}
		if (!more) return { results };
		current++;
		if (!local || results.length || read >= LOCAL_SEARCH_PAGES) return { results, paginationToken: String(current) };
	}
}

export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/customers',
		textFilter: 'email',
		label: (c) => `${person(c)} (#${text(c.id)})`,
		description: (c) => text(c.company_name),
	}, filter, token);
}

export async function searchProducts(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/products',
		textFilter: 'name',
		label: (p) => `${text(p.name)} (#${text(p.id)})`,
		description: (p) => joined([text(p.type), text(p.status)], ', '),
	}, filter, token);
}

/** Product names by id (the newest 100 products), read once per account every 2 minutes. */
async function productNames(ctx: ILoadOptionsFunctions): Promise<Map<string, string>> {
	const credentials = await ctx.getCredentials(clientXcmsProfile.credentialType);
	const key = `clientXcms|productNames|${accountKey(clientXcmsBaseUrl(credentials), credentials.apiKey)}`;
	const names = await cachedRead(key, PRODUCT_NAMES_TTL_MS, async () => {
		const { data } = await page(ctx, { path: '/products', label: () => '' }, { sort: '-id', per_page: 100, page: 1 });
		return data.map((p) => [text(p.id), text(p.name)] as [string, string]);
	});
	return new Map(names);
}

/**
 * Services name their product only by id and their owner only by id: the owner comes with
 * `include=customer`, product names from one cached product list. Services have no name or
 * e-mail filter, so the search text is matched on the labels (service, product, owner, status).
 */
export async function searchServices(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	const products = await productNames(this);
	const product = (s: IDataObject) => products.get(text(s.product_id)) || (s.product_id ? `product #${text(s.product_id)}` : '');
	return await search(this, {
		path: '/services',
		include: 'customer',
		label: (s) => {
			const what = text(s.name) || product(s);
			const owner = person(s.customer) || `customer #${text(s.customer_id)}`;
			return `${joined([what, owner])} (${text(s.status)}, #${text(s.id)})`;
		},
		description: (s) => joined([product(s) ? `Product: ${product(s)}` : '', text(s.billing), s.expires_at ? `expires ${text(s.expires_at)}` : ''], ', '),
	}, filter, token);
}

export async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/invoices',
		include: 'customer',
		label: (inv) => `${text(inv.invoice_number) || `#${text(inv.id)}`} — ${joined([person(inv.customer), `${text(inv.total)} ${text(inv.currency)}`.trim()], ', ')} (${text(inv.status)})`,
		description: (inv) => (inv.due_date ? `Due ${text(inv.due_date)}` : ''),
	}, filter, token);
}

export async function searchTickets(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/tickets',
		textFilter: 'subject',
		include: 'customer',
		label: (t) => `${text(t.subject)} — ${person(t.customer) || `customer #${text(t.customer_id)}`} (${text(t.status)}, #${text(t.id)})`,
	}, filter, token);
}

export async function searchDepartments(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, { path: '/departments', textFilter: 'name', label: (d) => `${text(d.name)} (#${text(d.id)})` }, filter, token);
}

export async function searchGroups(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/groups',
		sort: '-created_at',
		noIdFilter: true,
		textFilter: 'name',
		label: (g) => `${text(g.name)} (#${text(g.id)})`,
		description: (g) => text(g.slug),
	}, filter, token);
}

export async function searchCoupons(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/coupons',
		textFilter: 'code',
		label: (c) => `${text(c.code)} (#${text(c.id)})`,
		description: (c) => joined([text(c.type), c.end_at ? `ends ${text(c.end_at)}` : ''], ', '),
	}, filter, token);
}

export async function searchServers(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/servers',
		textFilter: 'name',
		label: (s) => `${joined([text(s.name), text(s.hostname) || text(s.address)])} (#${text(s.id)})`,
		description: (s) => joined([text(s.type), text(s.status)], ', '),
	}, filter, token);
}

export async function searchSubdomainHosts(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, { path: '/subdomains', textFilter: 'domain', label: (d) => `${text(d.domain)} (#${text(d.id)})` }, filter, token);
}

export async function searchCancellationReasons(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/cancellation_reasons',
		noIdFilter: true,
		textFilter: 'reason',
		label: (r) => `${text(r.reason)} (#${text(r.id)})`,
		description: (r) => text(r.status),
	}, filter, token);
}

export async function searchPricings(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/pricings',
		label: (p) => `${joined([`${text(p.related_type)} #${text(p.related_id)}`, text(p.currency)], ', ')} (#${text(p.id)})`,
		description: (p) => (p.monthly !== undefined && p.monthly !== null ? `Monthly ${text(p.monthly)}` : ''),
	}, filter, token);
}
