import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getMany, getManyProperties } from '../../helpers/getMany';
import { ticket } from '../../resources';

export const description = getManyProperties(ticket);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /tickets
	return await getMany(this, i, ticket);
}
