import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getMany, getManyProperties } from '../../helpers/getMany';
import { customer } from '../../resources';

export const description = getManyProperties(customer);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /customers
	return await getMany(this, i, customer);
}
