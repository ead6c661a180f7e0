import type { BodyField } from '../../helpers/fields';

export const departmentFields: BodyField[] = [
	{ name: 'name', label: 'Name', type: 'string', required: true },
	{ name: 'description', label: 'Description', type: 'text', required: true },
	{ name: 'icon', label: 'Icon', type: 'string', required: true, default: 'bi bi-question-circle', description: 'CSS icon class' },
	{ name: 'sla_first_response_minutes', label: 'SLA First Response (Minutes)', type: 'number' },
	{ name: 'sla_resolution_minutes', label: 'SLA Resolution (Minutes)', type: 'number' },
];
