import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { recordActionItems } from '../../helpers/write';
import { ticket } from '../../resources';

export const description = [idProperty(ticket)];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /tickets/{id}/reopen
	return await recordActionItems(this, i, ticket, { method: 'POST', suffix: 'reopen' });
}
