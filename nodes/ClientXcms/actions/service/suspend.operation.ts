import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readCollection } from '../../../shared';
import { idProperty } from '../../helpers/records';
import { notice } from '../../helpers/write';
import { service } from '../../resources';
import { changeServiceStatus } from './statusChange';

export const description = [
	notice('Does not work on ClientXCMS 2.16 and earlier: the API answers "Invalid status" and leaves the service unchanged, and the node reports an error. There, suspend the service in the ClientXCMS admin area, or use Customer → Suspend with Force on (it suspends all of the customer\'s active services).'),
	idProperty(service),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection' as const,
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Reason', name: 'reason', type: 'string' as const, default: '', placeholder: 'e.g. Abuse report' },
			{ displayName: 'Notify Customer', name: 'notify', type: 'boolean' as const, default: false, description: 'Whether to e-mail the customer' },
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /services/{id}/suspend
	const options = readCollection(this, 'options', i) as IDataObject;
	const body: IDataObject = { notify: options.notify === true };
	if (typeof options.reason === 'string' && options.reason.trim()) body.reason = options.reason.trim();
	return await changeServiceStatus(this, i, { suffix: 'suspend', body });
}
