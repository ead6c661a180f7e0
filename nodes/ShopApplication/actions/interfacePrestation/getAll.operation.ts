import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection, readLimit, returnAllOrLimit } from '../../../shared';
import { getInterfacePrestation, listInterfacePrestations } from '../../transport/api';
import { includeDetailsOptions, interfaceLocator, readInterfaceKey } from '../fields';

export const description: INodeProperties[] = [
	interfaceLocator,
	...returnAllOrLimit(),
	includeDetailsOptions(
		'Whether to return one item per occurrence with its dates, termination state and unique reference. Costs one extra request per distinct code (after the limit).',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /interfaces/{key}/prestations (+ GET /interfaces/{key}/prestations/{code} per distinct code)
	const key = await readInterfaceKey(this, i);
	const limit = readLimit(this, i);
	const { includeDetails = false } = readCollection(this, 'options', i) as { includeDetails?: boolean };
	const codes = await listInterfacePrestations(this, key, i);
	const kept = limit === undefined ? codes : codes.slice(0, limit);
	if (!includeDetails) return jsonItems(kept.map((code) => ({ key, code })));
	const out: IDataObject[] = [];
	for (const code of new Set(kept)) out.push(...((await getInterfacePrestation(this, key, code, i)) as IDataObject[]));
	return jsonItems(out);
}
