import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { searchCustomers, searchDepartments, searchGroups, searchProducts, searchServers } from './listSearch';

/** Records for an id dropdown: the newest ones first, up to OPTIONS_LIMIT (older ones by expression). */
const OPTIONS_LIMIT = 100;

async function dropdown(
	ctx: ILoadOptionsFunctions,
	searchMethod: (this: ILoadOptionsFunctions, filter?: string, token?: string) => Promise<INodeListSearchResult>,
): Promise<INodePropertyOptions[]> {
	const out: INodePropertyOptions[] = [];
	let token: string | undefined;
	do {
		const found = await searchMethod.call(ctx, undefined, token);
		out.push(...found.results.map((r) => ({ name: r.name, value: Number(r.value), ...(r.description ? { description: r.description } : {}) })));
		token = found.paginationToken;
	} while (token && out.length < OPTIONS_LIMIT);
	return out.slice(0, OPTIONS_LIMIT);
}

export async function getCustomers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await dropdown(this, searchCustomers);
}

export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await dropdown(this, searchDepartments);
}

export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await dropdown(this, searchGroups);
}

export async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await dropdown(this, searchProducts);
}

export async function getServers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await dropdown(this, searchServers);
}

