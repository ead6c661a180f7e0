import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BodyField } from '../../helpers/fields';
import { idProperty, readRecordId } from '../../helpers/records';
import { createProperties, createRecord, notice, readCreateBody } from '../../helpers/write';
import { TICKET_PRIORITIES, customer, ticket } from '../../resources';
import { contentField } from './fields';

/** related_id/related_type are never sent: with an API token they crash the endpoint (500). */
const fields: BodyField[] = [
	{ name: 'department_id', label: 'Department ID', type: 'number', required: true, pick: 'getDepartments' },
	{ name: 'subject', label: 'Subject', type: 'string', required: true },
	{ name: 'priority', label: 'Priority', type: 'options', options: TICKET_PRIORITIES, default: 'medium', required: true },
	contentField,
];

export const description = createProperties(ticket, fields, [
	notice('The customer is e-mailed. The first message has no author (ClientXCMS treats API messages as staff messages).'),
	idProperty(customer, { description: 'The customer the ticket is for (required: ClientXCMS crashes without one)' }),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /tickets
	const customerId = readRecordId(this, customer, i);
	const body = await readCreateBody(this, i, fields);
	return await createRecord(this, i, ticket, { customer_id: customerId, ...body });
}
