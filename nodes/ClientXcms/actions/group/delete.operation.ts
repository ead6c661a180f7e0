import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord, notice } from '../../helpers/write';
import { group } from '../../resources';

export const description = [
	notice('A group that still has products is not deleted (400), but ClientXCMS has already moved its child groups to the top level by then.'),
	...deleteProperties(group),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /groups/{id}
	return await deleteRecord(this, i, group);
}
