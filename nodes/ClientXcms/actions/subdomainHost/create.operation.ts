import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createProperties, createRecord, readCreateBody } from '../../helpers/write';
import { subdomainHost } from '../../resources';
import { subdomainHostFields } from './fields';

export const description = createProperties(subdomainHost, subdomainHostFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /subdomains
	return await createRecord(this, i, subdomainHost, await readCreateBody(this, i, subdomainHostFields));
}
