import type { BodyField } from '../../helpers/fields';

export const cancellationReasonFields: BodyField[] = [
	{ name: 'reason', label: 'Reason', type: 'string', required: true },
	{ name: 'status', label: 'Status', type: 'options', options: ['active', 'hidden', 'unreferenced'], required: true },
];
