import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProperties, updateRecord } from '../../helpers/write';
import { ticket } from '../../resources';
import { ticketUpdateFields } from './fields';

export const description = updateProperties(ticket, ticketUpdateFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /tickets/{id}, then POST /tickets/{id} re-sending the required department, priority, subject
	return await updateRecord(this, i, ticket, {
		fields: ticketUpdateFields,
		resend: { fields: ['department_id', 'priority', 'subject', 'assigned_to'] },
	});
}
