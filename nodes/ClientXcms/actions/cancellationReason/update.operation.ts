import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProperties, updateRecord } from '../../helpers/write';
import { cancellationReason } from '../../resources';
import { cancellationReasonFields } from './fields';

export const description = updateProperties(cancellationReason, cancellationReasonFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /cancellation_reasons/{id} (each field optional: no read needed)
	return await updateRecord(this, i, cancellationReason, { fields: cancellationReasonFields });
}
