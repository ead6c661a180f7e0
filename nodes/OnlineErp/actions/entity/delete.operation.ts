import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { jsonItems, request } from '../../../shared';
import { onlineErpProfile } from '../../transport';
import { entityPath } from '../../transport/list';
import {
	matrixHints,
	readBody,
	readEntity,
	readWriteTarget,
	withMatrixContext,
	writeOptions,
	writeRecordIdField,
} from '../common';

export const description: INodeProperties[] = [
	{
		displayName:
			"No ERP's support matrix lists Delete: it may be refused. Accounting records are usually corrected with a credit note or a reversing entry instead.",
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	writeRecordIdField,
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		description:
			"Only with Send To = Collection URL (then required): the record's key as the ERP expects it in the body, e.g. {\"NoClient\": \"1001\"}",
	},
	writeOptions,
];

export const beforeItems = matrixHints('delete');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /Entity/{entity}/{id}, or DELETE /Entity/{entity} with the key in the body (never retried)
	const entity = readEntity(this, i);
	const { toCollection, id, timeoutMs } = readWriteTarget(this, i);
	let body: IDataObject | IDataObject[] | undefined;
	if (toCollection) {
		try {
			body = readBody(this, i, { label: 'Body (JSON): the key of the record to delete' });
		} catch (error) {
			const wrapped = new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			wrapped.description = `With Send To = Collection URL, Body (JSON) must hold the record's key. ${wrapped.description ?? ''}`.trim();
			throw wrapped;
		}
	}
	const response = await withMatrixContext(this, i, { entity, operation: 'delete' }, async () => await request(this, onlineErpProfile, {
		method: 'DELETE',
		path: entityPath(entity, id),
		...(body ? { body } : {}),
		idempotent: false,
		itemIndex: i,
		timeoutMs,
	}));
	const result: IDataObject = { deleted: true, entity, ...(id ? { id } : {}) };
	if (response !== undefined && response !== null && response !== '') result.response = response as IDataObject;
	return jsonItems(result);
}
