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
				description: 'Terminate one occurrence, picked from the list or named by its unique reference',
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
		displayName: 'Occurrence',
		name: 'reference',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The occurrence to terminate',
		hint: 'The list reads the prestations of the interface above: one request, plus one per distinct prestation code',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an occurrence...',
				typeOptions: { searchListMethod: 'searchOccurrences', searchable: true },
			},
			{
				displayName: 'By Unique Reference',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5c34c58c2121e',
			},
		],
		displayOptions: { show: { terminateBy: ['reference'] } },
	},
	{ ...prestationCodeField, displayOptions: { show: { terminateBy: ['code'] } } },
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// DELETE /interfaces/{key}/prestations/{code_or_ref} (never retried)
	const key = await readInterfaceKey(this, i);
	const byCode = this.getNodeParameter('terminateBy', i, 'reference') === 'code';
	const target = byCode
		? readCode(this, 'prestationCode', 'Prestation Code', i).toUpperCase()
		: readCode(this, 'reference', 'Occurrence', i, { extractValue: true });
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
