import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { customer } from '../../resources';

export const description = getProperties(customer);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /customers/{id}
	return await getRecord(this, i, customer);
}
