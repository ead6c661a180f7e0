import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { service } from '../../resources';
import { changeServiceStatus } from './statusChange';

export const description = [idProperty(service)];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /services/{id}/unsuspend
	return await changeServiceStatus(this, i, { suffix: 'unsuspend' });
}
