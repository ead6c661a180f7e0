import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord } from '../../helpers/write';
import { product } from '../../resources';

export const description = deleteProperties(product);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /products/{id}
	return await deleteRecord(this, i, product);
}
