import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { notice, recordActionItems } from '../../helpers/write';
import { customer } from '../../resources';

export const description = [notice('ClientXCMS sends the reset link only to customers whose e-mail is NOT verified yet (it answers 400 "Email already verified" otherwise).'), idProperty(customer)];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /customers/{id}/send_password
	return await recordActionItems(this, i, customer, { method: 'POST', suffix: 'send_password' });
}
