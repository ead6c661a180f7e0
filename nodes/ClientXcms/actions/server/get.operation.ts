import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { server } from '../../resources';

export const description = getProperties(server);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /servers/{id}
	return await getRecord(this, i, server);
}
