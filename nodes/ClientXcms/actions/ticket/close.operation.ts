import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readCollection } from '../../../shared';
import { idProperty } from '../../helpers/records';
import { recordActionItems } from '../../helpers/write';
import { ticket } from '../../resources';

export const description = [
	idProperty(ticket),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection' as const,
		placeholder: 'Add Option',
		default: {},
		options: [{ displayName: 'Reason', name: 'reason', type: 'string' as const, default: '', placeholder: 'e.g. Solved' }],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /tickets/{id}/close
	const options = readCollection(this, 'options', i) as IDataObject;
	const reason = typeof options.reason === 'string' && options.reason.trim() ? { reason: options.reason.trim() } : undefined;
	return await recordActionItems(this, i, ticket, { method: 'POST', suffix: 'close', body: reason });
}
