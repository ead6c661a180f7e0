import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord } from '../../helpers/write';
import { pricing } from '../../resources';

export const description = deleteProperties(pricing);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /pricings/{id}
	return await deleteRecord(this, i, pricing);
}
