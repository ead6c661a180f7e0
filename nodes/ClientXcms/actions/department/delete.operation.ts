import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord, notice } from '../../helpers/write';
import { department } from '../../resources';

export const description = [
	notice('A department that still has tickets cannot be deleted (403).'),
	...deleteProperties(department),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /departments/{id} (204, empty body)
	return await deleteRecord(this, i, department);
}
