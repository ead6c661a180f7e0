import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty, readRecordId } from '../../helpers/records';
import { createRecord, notice } from '../../helpers/write';
import { CURRENCIES, customer, invoice } from '../../resources';
import { enumOptions } from '../../helpers/fields';

export const description = [
	notice('Creates an empty draft invoice (due in 30 days); ClientXCMS has no API to add lines.'),
	idProperty(customer, { description: 'The customer to bill' }),
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'options' as const,
		options: enumOptions(CURRENCIES),
		default: 'EUR',
		required: true,
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /invoices
	const customerId = readRecordId(this, customer, i);
	const currency = this.getNodeParameter('currency', i) as string;
	return await createRecord(this, i, invoice, { customer_id: customerId, currency });
}
