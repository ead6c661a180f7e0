import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { jsonItems, request } from '../../../shared';
import { clientXcmsProfile } from '../../transport';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /health
	return jsonItems((await request(this, clientXcmsProfile, { method: 'GET', path: '/health', itemIndex: i })) as IDataObject);
}
