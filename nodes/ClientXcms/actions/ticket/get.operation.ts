import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { ticket } from '../../resources';

export const description = getProperties(ticket);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /tickets/{id}
	return await getRecord(this, i, ticket);
}
