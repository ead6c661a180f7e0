import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createProperties, createRecord, readCreateBody } from '../../helpers/write';
import { department } from '../../resources';
import { departmentFields } from './fields';

export const description = createProperties(department, departmentFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /departments
	return await createRecord(this, i, department, await readCreateBody(this, i, departmentFields));
}
