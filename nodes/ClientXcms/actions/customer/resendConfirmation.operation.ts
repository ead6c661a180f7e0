import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { notice, recordActionItems } from '../../helpers/write';
import { customer } from '../../resources';

export const description = [notice('The confirmation e-mail is sent again; ClientXCMS answers 400 when the address is already verified.'), idProperty(customer)];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /customers/{id}/resend_confirmation
	return await recordActionItems(this, i, customer, { method: 'POST', suffix: 'resend_confirmation' });
}
