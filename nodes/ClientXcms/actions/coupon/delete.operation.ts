import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord } from '../../helpers/write';
import { coupon } from '../../resources';

export const description = deleteProperties(coupon);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /coupons/{id}
	return await deleteRecord(this, i, coupon);
}
