import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProperties, updateRecord } from '../../helpers/write';
import { server } from '../../resources';
import { serverFields } from './fields';

export const description = updateProperties(server, serverFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /servers/{id}, then POST /servers/{id} re-sending the required hostname and address
	return await updateRecord(this, i, server, { fields: serverFields, resend: { fields: ['hostname', 'address'] } });
}
