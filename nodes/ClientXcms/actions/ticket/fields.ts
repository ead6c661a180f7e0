import type { BodyField } from '../../helpers/fields';
import { TICKET_PRIORITIES } from '../../resources';

export const ticketUpdateFields: BodyField[] = [
	{ name: 'department_id', label: 'Department ID', type: 'number', pick: 'getDepartments' },
	{ name: 'priority', label: 'Priority', type: 'options', options: TICKET_PRIORITIES },
	{ name: 'subject', label: 'Subject', type: 'string' },
	{ name: 'close_reason', label: 'Close Reason', type: 'string' },
	{ name: 'assigned_to', label: 'Assigned To (Admin ID)', type: 'string', description: 'Admin ID, or "none" to unassign' },
];

/** Content rules of ClientXCMS messages: 5 to 10,000 characters. */
export const contentField: BodyField = {
	name: 'content',
	label: 'Message',
	type: 'text',
	required: true,
	description: '5 to 10,000 characters',
};
