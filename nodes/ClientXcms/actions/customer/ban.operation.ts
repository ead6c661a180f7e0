import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { accountActionProperties, runAccountAction } from './accountAction';

export const description = accountActionProperties('ban');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /customers/{id}/action/ban
	return await runAccountAction(this, i, 'ban');
}
