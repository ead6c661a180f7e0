import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection, readLimit, returnAllOrLimit } from '../../../shared';
import { getInterface, listInterfaceKeys } from '../../transport/api';
import { includeDetailsOptions } from '../fields';

export const description: INodeProperties[] = [
	...returnAllOrLimit(),
	includeDetailsOptions(
		'Whether to read each interface\'s status, dates and URLs. Costs one extra request per interface returned (after the limit).',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /interfaces (+ GET /interfaces/{key} per key with Include Details)
	const limit = readLimit(this, i);
	const { includeDetails = false } = readCollection(this, 'options', i) as { includeDetails?: boolean };
	const keys = await listInterfaceKeys(this, i);
	const kept = limit === undefined ? keys : keys.slice(0, limit);
	if (!includeDetails) return jsonItems(kept.map((key) => ({ key })));
	const out: IDataObject[] = [];
	// One at a time: the API publishes no rate limit, so it is not put to the test.
	for (const key of kept) out.push(await getInterface(this, key, i));
	return jsonItems(out);
}
