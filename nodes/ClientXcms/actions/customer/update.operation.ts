import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProperties, updateRecord } from '../../helpers/write';
import { customer } from '../../resources';
import { customerFields, customerResend, normaliseCustomer } from './fields';
import { readBody } from '../../helpers/fields';
import { timezoneOf } from '../../helpers/values';

export const description = updateProperties(customer, customerFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /customers/{id}, then POST /customers/{id} with every required field (full replace)
	const changes = readBody(this, customerFields, { itemIndex: i, mode: 'update', timezone: await timezoneOf(this, i) });
	return await updateRecord(this, i, customer, {
		fields: [],
		body: normaliseCustomer(changes),
		resend: customerResend,
	});
}
