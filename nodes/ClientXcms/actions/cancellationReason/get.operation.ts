import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getProperties, getRecord } from '../../helpers/write';
import { cancellationReason } from '../../resources';

export const description = getProperties(cancellationReason);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /cancellation_reasons/{id}
	return await getRecord(this, i, cancellationReason);
}
