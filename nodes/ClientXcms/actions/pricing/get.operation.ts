import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { pricing } from '../../resources';

export const description = getProperties(pricing);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /pricings/{id}
	return await getRecord(this, i, pricing);
}
