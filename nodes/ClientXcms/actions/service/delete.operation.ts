import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord, notice } from '../../helpers/write';
import { service } from '../../resources';

export const description = [
	notice('Removes the service from ClientXCMS only; the hosting account is not terminated on the server.'),
	...deleteProperties(service),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /services/{id}
	return await deleteRecord(this, i, service);
}
