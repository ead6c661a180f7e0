import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { department } from '../../resources';

export const description = getProperties(department);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /departments/{id}
	return await getRecord(this, i, department);
}
