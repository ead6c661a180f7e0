import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { getInterface } from '../../transport/api';
import { interfaceLocator, readInterfaceKey } from '../fields';

export const description: INodeProperties[] = [interfaceLocator];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /interfaces/{key}
	return jsonItems(await getInterface(this, await readInterfaceKey(this, i), i));
}
