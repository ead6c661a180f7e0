import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getMany, getManyProperties } from '../../helpers/getMany';
import { pricing } from '../../resources';

export const description = getManyProperties(pricing);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /pricings
	return await getMany(this, i, pricing);
}
