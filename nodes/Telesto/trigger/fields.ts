import type { INodeProperties } from 'n8n-workflow';

import { cleanUpFields } from '../descriptions/clean-up';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		required: true,
		default: 'newProduct',
		options: [
			{ name: 'Product Created', value: 'newProduct', description: 'A product that was not in the list before' },
			{ name: 'Product Deleted', value: 'productRemoved', description: 'A product is no longer in the list; emits its ID (only IDs are kept between polls)' },
			{
				name: 'Product Updated',
				value: 'productUpdated',
				description:
					'Any field of a product changed. Only fingerprints are kept between polls, so the changed fields cannot be named.',
			},
			{
				name: 'Stock Below Threshold',
				value: 'lowStock',
				description:
					'Stock fell to or below the threshold; emits again only after it has risen above it',
			},
			{ name: 'Stock Changed', value: 'stockChanged', description: 'The stock on hand of a product changed' },
		],
	},
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		default: 5,
		description: 'Emit when the stock on hand is at or below this number',
		displayOptions: { show: { event: ['lowStock'] } },
	},
	{
		displayName: 'Minimum Minutes Between Requests',
		name: 'minMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description:
			'Polls sooner than this after the last request (failed ones included) send nothing; after failures the wait doubles, up to an hour. Telesto allows 100 requests per hour per IP address; at 10 minutes this trigger uses at most 6.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: cleanUpFields,
	},
];
