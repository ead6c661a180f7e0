import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProperties, updateRecord } from '../../helpers/write';
import { department } from '../../resources';
import { departmentFields } from './fields';

export const description = updateProperties(department, departmentFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /departments/{id}, then POST /departments/{id} re-sending the required name, description, icon
	return await updateRecord(this, i, department, { fields: departmentFields, resend: { fields: ['name', 'description', 'icon'] } });
}
