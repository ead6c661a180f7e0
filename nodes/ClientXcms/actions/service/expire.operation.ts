import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idProperty } from '../../helpers/records';
import { notice } from '../../helpers/write';
import { service } from '../../resources';
import { changeServiceStatus } from './statusChange';

export const description = [
	notice('Expires (terminates) the service. Does not work on ClientXCMS 2.16 and earlier: the API answers "Invalid status" and leaves the service unchanged. The node then reports an error; expire the service in the ClientXCMS admin area instead.'),
	idProperty(service),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /services/{id}/expire
	return await changeServiceStatus(this, i, { suffix: 'expire' });
}
