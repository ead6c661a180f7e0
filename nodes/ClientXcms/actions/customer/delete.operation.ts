import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord } from '../../helpers/write';
import { customer } from '../../resources';

export const description = deleteProperties(customer, [
	{
		displayName: 'Force',
		name: 'force',
		type: 'boolean',
		default: false,
		description:
			'Whether to delete even when the customer has active services or pending invoices (otherwise ClientXCMS refuses with the blocking reasons)',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /customers/{id}?force=
	const force = this.getNodeParameter('force', i, false) as boolean;
	return await deleteRecord(this, i, customer, { query: force ? { force: 'true' } : undefined });
}
