import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { actionLog } from '../../resources';

export const description = getProperties(actionLog);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /logs/{id}
	return await getRecord(this, i, actionLog);
}
