import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { subdomainHost } from '../../resources';

export const description = getProperties(subdomainHost);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /subdomains/{id}
	return await getRecord(this, i, subdomainHost);
}
