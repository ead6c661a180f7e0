import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord } from '../../helpers/write';
import { subdomainHost } from '../../resources';

export const description = deleteProperties(subdomainHost);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /subdomains/{id}
	return await deleteRecord(this, i, subdomainHost);
}
