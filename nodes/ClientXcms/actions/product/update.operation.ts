import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BodyField } from '../../helpers/fields';
import { updateProperties, updateRecord } from '../../helpers/write';
import { product } from '../../resources';
import { productFields } from './fields';

const fields: BodyField[] = [
	...productFields,
	{
		name: 'pricing',
		label: 'Pricing (JSON)',
		type: 'json',
		description: 'Prices per billing cycle, e.g. {"monthly": {"price": 9.99, "setup": 0}}; creates a row in the default currency if none exists',
	},
];

export const description = updateProperties(product, fields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /products/{id}, then POST /products/{id} (omitting pinned would reset it to false)
	return await updateRecord(this, i, product, { fields, resend: { fields: ['pinned'], booleans: ['pinned'] } });
}
