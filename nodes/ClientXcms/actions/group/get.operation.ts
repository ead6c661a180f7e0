import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { group } from '../../resources';

export const description = getProperties(group);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /groups?page=… (list scan: GET /groups/{id} ignores the id in ClientXCMS 2.16)
	return await getRecord(this, i, group);
}
