import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getMany, getManyProperties } from '../../helpers/getMany';
import { subdomainHost } from '../../resources';

export const description = getManyProperties(subdomainHost);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /subdomains
	return await getMany(this, i, subdomainHost);
}
