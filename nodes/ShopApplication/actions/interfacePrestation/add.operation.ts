import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection } from '../../../shared';
import { occurrenceListSchema, type Occurrence } from '../../schemas';
import { segment, send } from '../../transport';
import { interfaceLocator, normaliseCodes, prestationCodesField, readInterfaceKey } from '../fields';
import { orderProblems, throwIfProblems } from '../order-rules';

export const description: INodeProperties[] = [
	interfaceLocator,
	prestationCodesField('The prestations to add. No setup prestation (IN-…-S): those come with a new interface'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Validate Before Sending',
				name: 'validateOrder',
				type: 'boolean',
				default: true,
				description:
					'Whether to check the order before sending it: codes exist, no setup, associated prestations in the order or active on the interface. Off: the order is sent as is.',
			},
			{
				displayName: 'Codes Body Format',
				name: 'bodyFormat',
				type: 'options',
				default: 'array',
				options: [
					{ name: 'Array', value: 'array', description: 'The body is the list itself: ["MO-ARTCRITERES-S"]' },
					{
						name: 'Object With Prestations Key',
						value: 'object',
						description: 'The body is {"prestations": ["MO-ARTCRITERES-S"]}',
					},
				],
				description:
					'Shop Application does not name this body parameter. Keep Array unless your account refuses it.',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /interfaces/{key}/prestations (never retried: prestations are billed)
	const key = await readInterfaceKey(this, i);
	const codes = normaliseCodes(this.getNodeParameter('prestations', i, []));
	const { validateOrder = true, bodyFormat = 'array' } = readCollection(this, 'options', i) as {
		validateOrder?: boolean;
		bodyFormat?: 'array' | 'object';
	};
	const problems = validateOrder
		? await orderProblems(this, { kind: 'add', codes, interfaceKey: key, itemIndex: i })
		: codes.length
			? []
			: ['Prestations is empty'];
	throwIfProblems(this, problems, {
		itemIndex: i,
		what: 'Prestation order',
		hint: 'Correct the prestations, or turn off "Validate Before Sending" to let Shop Application decide.',
	});

	const added = await send<Occurrence[]>(this, {
		method: 'POST',
		path: `/interfaces/${segment(key)}/prestations`,
		body: bodyFormat === 'object' ? { prestations: codes } : (codes as unknown as IDataObject[]),
		schema: occurrenceListSchema,
		idempotent: false,
		itemIndex: i,
	});
	return jsonItems(added.length ? added.map((a) => ({ key, ...a })) : [{ key, added: [] }]);
}
