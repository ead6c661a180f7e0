import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection, request } from '../../../shared';
import { onlineErpProfile } from '../../transport';
import { readList } from '../../transport/envelope';
import { entityPath } from '../../transport/list';
import { matrixHints, withMatrixContext, notFound, readEntity, readRecordId, recordIdField, timeoutMs, timeoutOption } from '../common';

export const description: INodeProperties[] = [
	recordIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [timeoutOption],
	},
];

export const beforeItems = matrixHints('get');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /Entity/{entity}/{id}
	const entity = readEntity(this, i);
	const id = readRecordId(this, i);
	const options = readCollection(this, 'options', i) as { timeout?: number };
	const body = await withMatrixContext(this, i, { entity, operation: 'get' }, async () =>
		await request(this, onlineErpProfile, {
			method: 'GET',
			path: entityPath(entity, id),
			itemIndex: i,
			timeoutMs: timeoutMs(options),
		}),
	);
	const records = readList(body);
	if (!records.length) throw notFound(this, entity, id, i);
	return jsonItems(records);
}
