import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getMany, getManyProperties } from '../../helpers/getMany';
import { cancellationReason } from '../../resources';

export const description = getManyProperties(cancellationReason);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /cancellation_reasons
	return await getMany(this, i, cancellationReason);
}
