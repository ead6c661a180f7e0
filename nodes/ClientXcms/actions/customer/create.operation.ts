import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readCollection } from '../../../shared';
import { createProperties, createRecord, readCreateBody } from '../../helpers/write';
import { customer } from '../../resources';
import { customerFields, normaliseCustomer } from './fields';

export const description = createProperties(customer, [
	...customerFields,
	{
		name: 'verified',
		label: 'Mark Email Verified',
		type: 'boolean',
		description: 'Whether to mark the e-mail address as verified (ClientXCMS treats any value, even false, as true, so it is only sent when on)',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /customers
	const body = normaliseCustomer(await readCreateBody(this, i, [...customerFields]));
	const additional = readCollection(this, 'additionalFields', i) as { verified?: boolean };
	if (additional.verified === true) body.verified = true;
	return await createRecord(this, i, customer, body);
}
