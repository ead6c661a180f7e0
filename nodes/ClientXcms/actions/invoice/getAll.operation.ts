import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getMany, getManyProperties } from '../../helpers/getMany';
import { invoice } from '../../resources';

export const description = getManyProperties(invoice);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /invoices
	return await getMany(this, i, invoice);
}
