import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProperties, updateRecord } from '../../helpers/write';
import { pricing } from '../../resources';
import { pricingFields, pricingResend } from './fields';

export const description = updateProperties(pricing, pricingFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /pricings/{id}, then POST /pricings/{id} with the current row merged
	return await updateRecord(this, i, pricing, { fields: pricingFields, resend: pricingResend });
}
