import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection, requestRaw } from '../../../shared';
import { onlineErpProfile } from '../../transport';
import { idFromLocation, readWriteResult } from '../../transport/envelope';
import { entityPath } from '../../transport/list';
import { bodyFields, matrixHints, withMatrixContext, readBody, readEntity, timeoutMs, timeoutOption } from '../common';

export const description: INodeProperties[] = [
	...bodyFields({ required: true }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fail If Record Exists',
				name: 'failIfExists',
				type: 'boolean',
				default: true,
				description:
					'Whether to send If-None-Match: * so that the ERP refuses to create a record that already exists. Keep it on: a re-run workflow must not create duplicate invoices.',
			},
			timeoutOption,
		],
	},
];

export const beforeItems = matrixHints('create');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /Entity/{entity} (never retried: a create is not idempotent)
	const entity = readEntity(this, i);
	const body = readBody(this, i);
	const options = readCollection(this, 'options', i) as { failIfExists?: boolean; timeout?: number };
	const response = await withMatrixContext(this, i, { entity, operation: 'create' }, async () => await requestRaw(this, onlineErpProfile, {
		method: 'POST',
		path: entityPath(entity),
		body,
		headers: options.failIfExists ?? true ? { 'If-None-Match': '*' } : {},
		idempotent: false,
		itemIndex: i,
		timeoutMs: timeoutMs(options),
	}));
	const id = idFromLocation(response.headers);
	return jsonItems(readWriteResult(response.body, { success: true, entity, ...(id ? { id } : {}) }));
}
