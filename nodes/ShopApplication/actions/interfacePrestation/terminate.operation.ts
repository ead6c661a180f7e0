import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { occurrenceListSchema, type Occurrence } from '../../schemas';
import { segment, send } from '../../transport';
import { interfaceLocator, prestationCodeField, readCode, readInterfaceKey } from '../fields';

export const description: INodeProperties[] = [
	interfaceLocator,
	{
		displayName: 'Terminate By',
		name: 'terminateBy',
		type: 'options',
		default: 'reference',
		options: [
			{
				name: 'Unique Reference (One Occurrence)',
				value: 'reference',
				description: 'Terminate one occurrence, named by its reference_unique',
			},
			{
				name: 'Code (All Occurrences)',
				value: 'code',
				description: 'Terminate every occurrence of the prestation on the interface',
			},
		],
	},
	{
		displayName:
			'Terminating by code ends EVERY occurrence of this prestation on the interface. To end a single copy, terminate by unique reference.',
		name: 'terminateByCodeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { terminateBy: ['code'] } },
	},
	{
		displayName: 'Unique Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5c34c58c2121e',
		description: 'The reference_unique of the occurrence, as returned by Add or Interface Prestation → Get',
		displayOptions: { show: { terminateBy: ['reference'] } },
	},
	{ ...prestationCodeField, displayOptions: { show: { terminateBy: ['code'] } } },
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /interfaces/{key}/prestations/{code_or_ref} (never retried)
	const key = readInterfaceKey(this, i);
	const byCode = this.getNodeParameter('terminateBy', i, 'reference') === 'code';
	const target = byCode
		? readCode(this, 'prestationCode', 'Prestation Code', i).toUpperCase()
		: readCode(this, 'reference', 'Unique Reference', i);
	const terminated = await send<Occurrence[]>(this, {
		method: 'DELETE',
		path: `/interfaces/${segment(key)}/prestations/${segment(target)}`,
		schema: occurrenceListSchema,
		idempotent: false,
		itemIndex: i,
	});
	return jsonItems(
		terminated.length ? terminated.map((t) => ({ key, ...t })) : [{ key, terminated: [], requested: target }],
	);
}
