import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord } from '../../helpers/write';
import { server } from '../../resources';

export const description = deleteProperties(server);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /servers/{id}
	return await deleteRecord(this, i, server);
}
