import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getMany, getManyProperties } from '../../helpers/getMany';
import { actionLog } from '../../resources';

export const description = getManyProperties(actionLog);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /logs
	return await getMany(this, i, actionLog);
}
