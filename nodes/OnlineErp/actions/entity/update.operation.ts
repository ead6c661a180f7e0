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
	readWriteTarget,
	withMatrixContext,
	writeOptions,
	writeRecordIdField,
} from '../common';

export const description: INodeProperties[] = [writeRecordIdField, ...bodyFields({ required: true }), writeOptions];

export const beforeItems = matrixHints('update');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// PUT /Entity/{entity}/{id}, or PUT /Entity/{entity} with the key in the body (never retried)
	const entity = readEntity(this, i);
	const { id, timeoutMs } = readWriteTarget(this, i);
	const body = readBody(this, i);
	const response = await withMatrixContext(this, i, { entity, operation: 'update' }, async () => await request(this, onlineErpProfile, {
		method: 'PUT',
		path: entityPath(entity, id),
		body,
		idempotent: false,
		itemIndex: i,
		timeoutMs,
	}));
	return jsonItems(readWriteResult(response, { success: true, entity, ...(id ? { id } : {}) }));
}
