import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createProperties, createRecord, readCreateBody } from '../../helpers/write';
import { cancellationReason } from '../../resources';
import { cancellationReasonFields } from './fields';

export const description = createProperties(cancellationReason, cancellationReasonFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /cancellation_reasons
	return await createRecord(this, i, cancellationReason, await readCreateBody(this, i, cancellationReasonFields));
}
