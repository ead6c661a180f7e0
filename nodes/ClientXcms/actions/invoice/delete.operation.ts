import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord, notice } from '../../helpers/write';
import { invoice } from '../../resources';

export const description = [
	notice('Only draft, pending and cancelled invoices can be deleted; ClientXCMS refuses paid, refunded and failed ones (403).'),
	...deleteProperties(invoice),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /invoices/{id} (204, empty body)
	return await deleteRecord(this, i, invoice);
}
