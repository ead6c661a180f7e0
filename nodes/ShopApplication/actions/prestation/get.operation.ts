import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { catalogueDetail, executionScope } from '../../transport/catalogue';
import { prestationCodeField, readCode } from '../fields';

export const description: INodeProperties[] = [prestationCodeField];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /prestation/{code} (singular "prestation")
	const code = readCode(this, 'prestationCode', 'Prestation Code', i).toUpperCase();
	return jsonItems((await catalogueDetail(this, code, { scope: executionScope(this), itemIndex: i })) as IDataObject);
}
