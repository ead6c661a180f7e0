import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { invoice } from '../../resources';

export const description = getProperties(invoice);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /invoices/{id}
	return await getRecord(this, i, invoice);
}
