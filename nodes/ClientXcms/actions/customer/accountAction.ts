import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readCollection } from '../../../shared';
import { sensitiveOption } from '../../helpers/getMany';
import { idProperty } from '../../helpers/records';
import { recordActionItems } from '../../helpers/write';
import { customer } from '../../resources';

/** The four actions POST /customers/{id}/action/{action} knows; anything else is a silent no-op. */
export type AccountAction = 'suspend' | 'ban' | 'reactivate' | 'disable2FA';

export function accountActionProperties(action: AccountAction): INodeProperties[] {
	const reason: INodeProperties[] =
		action === 'suspend' || action === 'ban'
			? [{ displayName: 'Reason', name: 'reason', type: 'string', default: '', placeholder: 'e.g. Unpaid invoices', description: 'Stored with the account state (default "No reason provided")' }]
			: [];
	const force: INodeProperties[] =
		action === 'suspend' || action === 'ban'
			? [{ displayName: 'Also Suspend Services', name: 'force', type: 'boolean', default: false, description: "Whether to suspend all the customer's active services too" }]
			: [];
	return [
		idProperty(customer),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				...reason,
				{ displayName: 'Notify Customer', name: 'notify', type: 'boolean', default: false, description: 'Whether to e-mail the customer' },
				...force,
				sensitiveOption(customer),
			],
		},
	];
}

export async function runAccountAction(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: AccountAction,
): Promise<INodeExecutionData[]> {
	const options = readCollection(ctx, 'options', itemIndex) as IDataObject;
	const body: IDataObject = { notify: options.notify === true };
	if (typeof options.reason === 'string' && options.reason.trim()) body.reason = options.reason.trim();
	if (action === 'suspend' || action === 'ban') body.force = options.force === true;
	return await recordActionItems(ctx, itemIndex, customer, { method: 'POST', suffix: `action/${action}`, body });
}
