import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { jsonItems, request } from '../../../shared';
import { clientXcmsProfile } from '../../transport';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /license (answers 200 {"status":"error","message":"License not found"} without a cached licence)
	return jsonItems((await request(this, clientXcmsProfile, { method: 'GET', path: '/license', itemIndex: i })) as IDataObject);
}
