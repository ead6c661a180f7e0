import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { listInterfaceKeys } from '../transport/api';
import { catalogueCodes, catalogueDetail, editorScope } from '../transport/catalogue';

/** §8: labels with name and price only while the catalogue is small enough to read in full. */
const MAX_DETAILED_CODES = 100;

/** Interface picker: keys from GET /interfaces, filtered by substring. */
export async function searchInterfaces(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const keys = await listInterfaceKeys(this);
	return {
		results: keys.filter((k) => !needle || k.toLowerCase().includes(needle)).map((k) => ({ name: k, value: k })),
	};
}

function price(value: unknown): string | undefined {
	const n = typeof value === 'number' ? value : Number(String(value ?? '').replace(',', '.'));
	if (value === undefined || value === '' || Number.isNaN(n)) return undefined;
	return `${n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} € excl. VAT`;
}

/** Catalogue codes, labelled "CODE — name (price € excl. VAT)". */
export async function getPrestationCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const where = { scope: editorScope() };
	const codes = await catalogueCodes(this, where);
	if (codes.length > MAX_DETAILED_CODES) return codes.map((code) => ({ name: code, value: code }));
	const out: INodePropertyOptions[] = [];
	for (const code of codes) {
		const detail = await catalogueDetail(this, code, where);
		const amount = price(detail.prix);
		const label = [code, detail.nom].filter(Boolean).join(' — ');
		out.push({
			name: amount ? `${label} (${amount})` : label,
			value: code,
			...(typeof detail.descriptif_court === 'string' && detail.descriptif_court
				? { description: detail.descriptif_court }
				: {}),
		});
	}
	return out;
}
