import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { bodyProperties } from '../../helpers/fields';
import { idProperty, readRecordId, redact } from '../../helpers/records';
import { notice, send } from '../../helpers/write';
import { ticket } from '../../resources';
import { contentField } from './fields';

export const description = [
	notice('The customer is e-mailed and the ticket becomes "answered". ClientXCMS silently drops a message sent less than 10 seconds after the previous one; the node checks and reports it.'),
	idProperty(ticket),
	...bodyProperties([contentField], 'create'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /tickets/{id}/reply
	const id = readRecordId(this, ticket, i);
	const content = String(this.getNodeParameter('content', i)).trim();
	const answer = (await send(this, { method: 'POST', path: `/tickets/${id}/reply`, body: { content }, itemIndex: i })) as IDataObject;
	const updated = (answer?.ticket ?? {}) as IDataObject;
	const messages = Array.isArray(updated.messages) ? (updated.messages as IDataObject[]) : [];
	const newest = messages.reduce<IDataObject | undefined>((a, m) => (!a || Number(m.id) > Number(a.id) ? m : a), undefined);
	if (String(newest?.message ?? '').trim() !== content) {
		throw new NodeOperationError(
			this.getNode(),
			'ClientXCMS ignored the reply: a message less than 10 seconds after the previous one is dropped. Wait and run again.',
			{ itemIndex: i },
		);
	}
	return jsonItems({ ...redact(ticket, updated, false), _message: answer.message ?? null });
}
