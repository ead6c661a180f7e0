import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { objectSchema } from '../../schemas';
import { segment, send } from '../../transport';
import { interfaceLocator, readInterfaceKey } from '../fields';

export const description: INodeProperties[] = [
	{
		displayName: 'Only an interface whose deletion was requested, and not yet carried out, can be reactivated',
		name: 'reactivateNotice',
		type: 'notice',
		default: '',
	},
	interfaceLocator,
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /interfaces/{key} with the body {} (never retried)
	const key = await readInterfaceKey(this, i);
	const body = await send(this, {
		method: 'POST',
		path: `/interfaces/${segment(key)}`,
		// As text: n8n drops an empty object body, and the spec sends `{}` with a JSON content type.
		body: '{}',
		headers: { 'Content-Type': 'application/json' },
		schema: objectSchema,
		idempotent: false,
		itemIndex: i,
	});
	return jsonItems({ key, ...body });
}
