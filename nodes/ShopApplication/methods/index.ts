import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { SETUP_CODE } from '../actions/order-rules';
import { isTerminated, type CatalogueDetail, type Occurrence } from '../schemas';
import { getInterfacePrestation, listInterfacePrestations } from '../transport/api';
import { catalogueCodes, catalogueDetail, editorScope } from '../transport/catalogue';
import {
	cachedInterface,
	cachedInterfaceKeys,
	findInterfaceByUrl,
	INTERFACE_PAGE_SIZE,
	interfaceDescription,
	interfaceLabel,
	interfaceMatches,
} from '../transport/interfaces';

/** §8: labels with name and price only while the catalogue is small enough to read in full. */
const MAX_DETAILED_CODES = 100;

/** How many pages of interfaces one search call may read when it finds nothing. */
const SEARCH_PAGES = 5;

/**
 * Interface picker: one page reads up to INTERFACE_PAGE_SIZE interface details it has not read
 * in the last two minutes (one request each, plus one for the list of keys); the editor asks for
 * the next page when the user scrolls. A search walks the same pages.
 */
export async function searchInterfaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim();
	const keys = await cachedInterfaceKeys(this);
	let next = Math.max(0, Number(paginationToken ?? 0) || 0);
	const results: INodeListSearchResult['results'] = [];
	// A search that finds nothing on a page reads on (up to SEARCH_PAGES pages), so the editor
	// does not show an empty list while matches exist further down.
	const limit = Math.min(keys.length, next + INTERFACE_PAGE_SIZE * (needle ? SEARCH_PAGES : 1));
	let pageEnd = Math.min(limit, next + INTERFACE_PAGE_SIZE);
	for (; next < limit; next++) {
		if (next === pageEnd) {
			if (results.length) break;
			pageEnd = Math.min(limit, pageEnd + INTERFACE_PAGE_SIZE);
		}
		const details = await cachedInterface(this, keys[next]);
		if (!interfaceMatches(details, needle)) continue;
		const link = typeof details.url_administration === 'string' ? details.url_administration : details.url;
		results.push({
			name: interfaceLabel(details),
			value: keys[next],
			description: interfaceDescription(details),
			...(typeof link === 'string' && link ? { url: link } : {}),
		});
	}
	return next < keys.length ? { results, paginationToken: String(next) } : { results };
}

function price(value: unknown): string | undefined {
	const n = typeof value === 'number' ? value : Number(String(value ?? '').replace(',', '.'));
	if (value === undefined || value === '' || Number.isNaN(n)) return undefined;
	return `${n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} € excl. VAT`;
}

type PrestationKind = 'setup' | 'subscription' | 'module';

/**
 * What a code is in an order: a setup (`IN-…-S`, exactly one per new interface, rule R3), a
 * subscription (a code a setup needs, rule R4), or a module added to a site.
 */
function kindOf(code: string, subscriptions: Set<string>): PrestationKind {
	if (SETUP_CODE.test(code.toUpperCase())) return 'setup';
	return subscriptions.has(code.toUpperCase()) ? 'subscription' : 'module';
}

/**
 * Catalogue codes, labelled "CODE — name (kind, price € excl. VAT)", with what the code needs
 * in the same order (R4) as the option's description.
 */
export async function getPrestationCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const where = { scope: editorScope() };
	const codes = await catalogueCodes(this, where);
	if (codes.length > MAX_DETAILED_CODES) {
		return codes.map((code) => ({ name: SETUP_CODE.test(code.toUpperCase()) ? `${code} (setup)` : code, value: code }));
	}
	const details: Array<{ code: string; detail: CatalogueDetail }> = [];
	for (const code of codes) details.push({ code, detail: await catalogueDetail(this, code, where) });
	const needs = (d: (typeof details)[number]) => d.detail.prestations_associees.map((c) => String(c).trim().toUpperCase());
	const subscriptions = new Set(details.filter((d) => SETUP_CODE.test(d.code.toUpperCase())).flatMap(needs));
	return details.map((d) => {
		const { code, detail } = d;
		const amount = price(detail.prix);
		const label = [code, detail.nom].filter(Boolean).join(' — ');
		const linked = needs(d);
		const description = [
			linked.length ? `Needs one of ${linked.join(', ')} in the same order.` : '',
			typeof detail.descriptif_court === 'string' ? detail.descriptif_court.trim() : '',
		]
			.filter(Boolean)
			.join(' ');
		return {
			name: `${label} (${[kindOf(code, subscriptions), amount].filter(Boolean).join(', ')})`,
			value: code,
			...(description ? { description } : {}),
		};
	});
}

function occurrenceStatus(o: Occurrence): string {
	if (!isTerminated(o.resilie)) return 'active';
	const when = typeof o.date_resiliation === 'string' ? o.date_resiliation.trim() : '';
	return when ? `terminated ${when}` : 'terminated';
}

/**
 * Terminate's occurrence picker, for the interface chosen in the same node: one request for the
 * codes on the interface, one per distinct code for its occurrences, names from the catalogue.
 */
export async function searchOccurrences(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const chosen = String(this.getCurrentNodeParameter('interface', { extractValue: true }) ?? '').trim();
	if (!chosen) return { results: [] };
	const key = /^https?:\/\//i.test(chosen) ? await findInterfaceByUrl(this, chosen) : chosen;
	if (!key) return { results: [] };
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const where = { scope: editorScope() };
	const results: INodeListSearchResult['results'] = [];
	for (const code of [...new Set(await listInterfacePrestations(this, key))]) {
		const name = await catalogueDetail(this, code, where).then(
			(d) => (typeof d.nom === 'string' ? d.nom : ''),
			() => '',
		);
		for (const o of await getInterfacePrestation(this, key, code)) {
			const created = typeof o.date_creation === 'string' ? o.date_creation : '';
			const status = occurrenceStatus(o);
			// Code and state first: the editor cuts long labels at the end.
			const label = `${code} (${status})${name ? ` — ${name}` : ''}${created ? `, ordered ${created}` : ''}`;
			if (!o.reference_unique || !words.every((w) => label.toLowerCase().includes(w))) continue;
			results.push({ name: label, value: o.reference_unique, description: `Unique reference ${o.reference_unique}` });
		}
	}
	return { results };
}
