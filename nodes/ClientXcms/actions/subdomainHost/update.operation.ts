import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProperties, updateRecord } from '../../helpers/write';
import { subdomainHost } from '../../resources';
import { subdomainHostFields } from './fields';

export const description = updateProperties(subdomainHost, subdomainHostFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /subdomains/{id}, then POST /subdomains/{id}; omitted products and groups would be cleared
	return await updateRecord(this, i, subdomainHost, { fields: subdomainHostFields, resend: { fields: ['domain', 'products', 'groups'] } });
}
