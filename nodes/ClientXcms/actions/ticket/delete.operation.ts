import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { fetchOne, readRecordId } from '../../helpers/records';
import { deleteProperties, notice, send } from '../../helpers/write';
import { ticket } from '../../resources';

export const description = [
	notice('An open ticket is only closed; run Delete again to delete it.'),
	...deleteProperties(ticket),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /tickets/{id} (status), then DELETE /tickets/{id}
	const id = readRecordId(this, ticket, i);
	const current = await fetchOne(this, ticket, { id, itemIndex: i });
	const answer = (await send(this, { method: 'DELETE', path: `/tickets/${id}`, itemIndex: i })) as IDataObject | undefined;
	const result = current.status === 'closed' ? 'deleted' : 'closed';
	return jsonItems({ deleted: result === 'deleted', id, result, message: answer?.message ?? null });
}
