import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { recordActionItems } from '../../helpers/write';
import { product } from '../../resources';

export const description = [idProperty(product)];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /products/{id}/config
	return await recordActionItems(this, i, product, { method: 'GET', suffix: 'config' });
}
