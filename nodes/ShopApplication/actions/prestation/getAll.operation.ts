import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection, readLimit, returnAllOrLimit } from '../../../shared';
import { catalogueCodes, catalogueDetail, executionScope } from '../../transport/catalogue';
import { includeDetailsOptions } from '../fields';

export const description: INodeProperties[] = [
	...returnAllOrLimit(),
	includeDetailsOptions(
		'Whether to return name, descriptions, price excluding VAT and associated codes. Costs one extra request per code (after the limit).',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /prestations (+ GET /prestation/{code} per code with Include Details)
	const limit = readLimit(this, i);
	const { includeDetails = false } = readCollection(this, 'options', i) as { includeDetails?: boolean };
	const where = { scope: executionScope(this), itemIndex: i };
	const codes = await catalogueCodes(this, where);
	const kept = limit === undefined ? codes : codes.slice(0, limit);
	if (!includeDetails) return jsonItems(kept.map((code) => ({ code })));
	const out: IDataObject[] = [];
	for (const code of kept) out.push((await catalogueDetail(this, code, where)) as IDataObject);
	return jsonItems(out);
}
