import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BodyField } from '../../helpers/fields';
import { updateProperties, updateRecord } from '../../helpers/write';
import { CURRENCIES, INVOICE_STATUSES, invoice } from '../../resources';

const fields: BodyField[] = [
	{ name: 'status', label: 'Status', type: 'options', options: INVOICE_STATUSES, description: 'Paid runs the full completion (services delivered or renewed); cancelled, refunded and failed cancel or refund the lines' },
	{ name: 'notes', label: 'Notes', type: 'string' },
	{ name: 'paymethod', label: 'Payment Method Key', type: 'string', placeholder: 'e.g. balance' },
	{ name: 'fees', label: 'Fees', type: 'number' },
	{ name: 'tax', label: 'Tax', type: 'number' },
	{ name: 'currency', label: 'Currency', type: 'options', options: CURRENCIES },
	{ name: 'due_date', label: 'Due Date', type: 'dateTime' },
	{ name: 'paid_at', label: 'Paid At', type: 'dateTime' },
	{ name: 'balance', label: 'Balance Used', type: 'number' },
	{ name: 'external_id', label: 'External ID', type: 'string', description: 'Unique among invoices' },
];

export const description = updateProperties(invoice, fields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /invoices/{id}, then POST /invoices/{id} re-sending the fields the validator requires
	return await updateRecord(this, i, invoice, {
		fields,
		resend: {
			fields: ['status', 'notes', 'paymethod', 'fees', 'tax', 'currency', 'due_date'],
			dateTimes: ['due_date'],
			numbers: ['fees', 'tax'],
		},
	});
}
