import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createProperties, createRecord, readCreateBody } from '../../helpers/write';
import { coupon } from '../../resources';
import { checkGroupIds, couponFields } from './fields';

export const description = createProperties(coupon, couponFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /coupons (GET /groups first when group IDs are given)
	const body = await readCreateBody(this, i, couponFields);
	await checkGroupIds(this, i, body);
	return await createRecord(this, i, coupon, body);
}
