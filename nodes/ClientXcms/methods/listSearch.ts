import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { request } from '../../shared';
import { clientXcmsProfile } from '../transport';

interface SearchSpec {
	path: string;
	/** The filter the search text goes to (substring match); numeric text searches the id. */
	textFilter?: string;
	label: (record: IDataObject) => string;
}

const PAGE_SIZE = 50;

async function search(
	ctx: ILoadOptionsFunctions,
	spec: SearchSpec,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const page = Number(paginationToken ?? 1) || 1;
	const query: IDataObject = { sort: '-id', per_page: PAGE_SIZE, page };
	if (/^\d+$/.test(text)) query['filter[id]'] = text;
	else if (text && spec.textFilter) query[`filter[${spec.textFilter}]`] = text;
	const body = (await request(ctx, clientXcmsProfile, {
		method: 'GET',
		path: spec.path,
		query: query as Record<string, string | number>,
	})) as IDataObject;
	const data = Array.isArray(body?.data) ? (body.data as IDataObject[]) : [];
	const links = body?.links as IDataObject | undefined;
	const more = Boolean(links?.next ?? body?.next_page_url);
	return {
		results: data.map((r) => ({ name: spec.label(r), value: String(r.id) })),
		...(more ? { paginationToken: String(page + 1) } : {}),
	};
}

export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/customers',
		textFilter: 'email',
		label: (c) => `${String(c.firstname ?? '')} ${String(c.lastname ?? '')} <${String(c.email ?? '')}> (#${String(c.id)})`.trim(),
	}, filter, token);
}

export async function searchProducts(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, { path: '/products', textFilter: 'name', label: (p) => `${String(p.name ?? '')} (#${String(p.id)})` }, filter, token);
}

export async function searchServices(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/services',
		label: (s) => `#${String(s.id)} ${String(s.name ?? '')} (${String(s.status ?? '')})`,
	}, filter, token);
}

export async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, {
		path: '/invoices',
		label: (inv) => `${String(inv.invoice_number ?? `#${String(inv.id)}`)} — ${String(inv.total ?? '')} ${String(inv.currency ?? '')} (${String(inv.status ?? '')})`,
	}, filter, token);
}
