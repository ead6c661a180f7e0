import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { notice, recordActionItems } from '../../helpers/write';
import { invoice } from '../../resources';

export const description = [notice('Sets a pending invoice back to draft. 400 if it is not pending.'), idProperty(invoice)];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /invoices/{id}/edit
	return await recordActionItems(this, i, invoice, { method: 'POST', suffix: 'edit' });
}
