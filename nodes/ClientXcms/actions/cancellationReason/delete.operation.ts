import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteProperties, deleteRecord } from '../../helpers/write';
import { cancellationReason } from '../../resources';

export const description = deleteProperties(cancellationReason);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /cancellation_reasons/{id}
	return await deleteRecord(this, i, cancellationReason);
}
