import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readBody } from '../../helpers/fields';
import { timezoneOf } from '../../helpers/values';
import { updateProperties, updateRecord } from '../../helpers/write';
import { coupon } from '../../resources';
import { checkGroupIds, couponFields, couponResend } from './fields';

export const description = updateProperties(coupon, couponFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /coupons/{id}?include=products, then POST /coupons/{id} re-sending every required field
	// and the product lists (omitted lists are cleared)
	const changes: IDataObject = readBody(this, couponFields, { itemIndex: i, mode: 'update', timezone: await timezoneOf(this, i) });
	await checkGroupIds(this, i, changes);
	return await updateRecord(this, i, coupon, { fields: [], body: changes, include: ['products'], resend: couponResend });
}
