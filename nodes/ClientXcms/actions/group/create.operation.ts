import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createProperties, createRecord, readCreateBody } from '../../helpers/write';
import { group } from '../../resources';
import { finaliseGroup, groupFields } from './fields';

export const description = createProperties(group, groupFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /groups
	const body = finaliseGroup(await readCreateBody(this, i, groupFields)) as IDataObject;
	return await createRecord(this, i, group, body);
}
