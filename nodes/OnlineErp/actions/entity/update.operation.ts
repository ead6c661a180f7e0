import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems, request } from '../../../shared';
import { onlineErpProfile } from '../../transport';
import { readWriteResult } from '../../transport/envelope';
import { entityPath } from '../../transport/list';
import {
	bodyFields,
	matrixHints,
	readBody,
	readEntity,
	readRecordId,
	recordIdField,
	sendToOption,
	timeoutMs,
	timeoutOption,
	withMatrixContext,
} from '../common';

export const description: INodeProperties[] = [
	{
		...recordIdField,
		required: false,
		description: `${recordIdField.description}. Not used when Send To is Collection URL.`,
	},
	...bodyFields({ required: true }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [sendToOption, timeoutOption],
	},
];

export const beforeItems = matrixHints('update');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// PUT /Entity/{entity}/{id}, or PUT /Entity/{entity} with the key in the body (never retried)
	const entity = readEntity(this, i);
	const options = this.getNodeParameter('options', i, {}) as { sendTo?: 'record' | 'collection'; timeout?: number };
	const toCollection = options.sendTo === 'collection';
	const id = toCollection ? undefined : readRecordId(this, i);
	const body = readBody(this, i);
	const response = await withMatrixContext(this, i, { entity, operation: 'update' }, async () => await request(this, onlineErpProfile, {
		method: 'PUT',
		path: entityPath(entity, id),
		body,
		idempotent: false,
		itemIndex: i,
		timeoutMs: timeoutMs(options),
	}));
	return jsonItems(readWriteResult(response, { success: true, entity, ...(id ? { id } : {}) }));
}
