import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createProperties, createRecord, readCreateBody } from '../../helpers/write';
import { server } from '../../resources';
import { serverFields } from './fields';

export const description = createProperties(server, serverFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /servers
	return await createRecord(this, i, server, await readCreateBody(this, i, serverFields));
}
