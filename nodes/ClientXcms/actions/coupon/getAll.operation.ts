import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getMany, getManyProperties } from '../../helpers/getMany';
import { coupon } from '../../resources';

export const description = getManyProperties(coupon);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /coupons
	return await getMany(this, i, coupon);
}
