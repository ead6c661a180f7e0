import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { accountActionProperties, runAccountAction } from './accountAction';

export const description = accountActionProperties('disable2FA');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /customers/{id}/action/disable2FA
	return await runAccountAction(this, i, 'disable2FA');
}
