import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { notice, recordActionItems } from '../../helpers/write';
import { invoice } from '../../resources';

export const description = [
	notice('E-mails the invoice to the customer. Only pending invoices (400 otherwise). Never retried automatically.'),
	idProperty(invoice),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /invoices/{id}/notify (a GET that sends an e-mail: not idempotent)
	return await recordActionItems(this, i, invoice, { method: 'GET', suffix: 'notify', idempotent: false });
}
