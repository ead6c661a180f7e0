import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createProperties, createRecord, readCreateBody } from '../../helpers/write';
import { pricing } from '../../resources';
import { pricingFields } from './fields';

export const description = createProperties(pricing, pricingFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /pricings
	return await createRecord(this, i, pricing, await readCreateBody(this, i, pricingFields));
}
