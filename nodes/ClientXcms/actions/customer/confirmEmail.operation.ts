import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { notice, recordActionItems } from '../../helpers/write';
import { customer } from '../../resources';

export const description = [notice("Marks the customer's e-mail address as verified; 400 when it already is."), idProperty(customer)];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /customers/{id}/confirm
	return await recordActionItems(this, i, customer, { method: 'POST', suffix: 'confirm' });
}
