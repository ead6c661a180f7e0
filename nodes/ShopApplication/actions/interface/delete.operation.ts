import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { objectSchema } from '../../schemas';
import { segment, send } from '../../transport';
import { interfaceLocator, readInterfaceKey } from '../fields';

export const description: INodeProperties[] = [
	{
		displayName:
			'Access stops on the 1st of next month; the interface is deleted 90 days after the request and can be reactivated until then',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	interfaceLocator,
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /interfaces/{key} (never retried)
	const key = await readInterfaceKey(this, i);
	const body = await send(this, {
		method: 'DELETE',
		path: `/interfaces/${segment(key)}`,
		schema: objectSchema,
		idempotent: false,
		itemIndex: i,
	});
	return jsonItems({ key, ...body });
}
