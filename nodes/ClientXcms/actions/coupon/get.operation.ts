import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { coupon } from '../../resources';

export const description = getProperties(coupon);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /coupons/{id}
	return await getRecord(this, i, coupon);
}
