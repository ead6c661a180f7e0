import type { INodeProperties } from 'n8n-workflow';

/** Clean-up options shared by the action node and the trigger. */
export const cleanUpFields: INodeProperties[] = [
	{
		displayName: 'Clean Up Values',
		name: 'cleanUp',
		type: 'boolean',
		default: true,
		description:
			'Whether to turn empty strings into null and stock values such as "50" into numbers, so IF and Filter nodes compare them correctly. Off: items are exactly what Telesto sent.',
	},
	{
		displayName: 'Numeric Fields',
		name: 'numericFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. purchase_price, critical_level',
		description:
			'Comma-separated names of other fields to convert to numbers when they hold a plain number (stock_onhand always is)',
	},
];
