import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { notice, recordActionItems } from '../../helpers/write';
import { invoice } from '../../resources';

export const description = [notice('Validates a draft: it becomes pending and the customer is e-mailed. 400 if it is not a draft or has no lines.'), idProperty(invoice)];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /invoices/{id}/validate
	return await recordActionItems(this, i, invoice, { method: 'POST', suffix: 'validate' });
}
