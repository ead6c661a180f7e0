import type { INodeProperties } from 'n8n-workflow';

import { dateStyleOption, timeoutOption } from '../descriptions/options';
import { entityFields } from '../entities';
import { MAX_PAGE_SIZE } from '../transport/list';

export const TRIGGER_PAGE_SIZE = 1000;

export const triggerProperties: INodeProperties[] = [
	...entityFields(),
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		required: true,
		default: 'newRecord',
		options: [
			{ name: 'New Record', value: 'newRecord', description: 'A record whose key was not seen before' },
			{
				name: 'Updated Record',
				value: 'updatedRecord',
				description: 'A known record whose watched fields (or watched date) changed',
			},
		],
	},
	{
		displayName: 'Detection',
		name: 'detection',
		type: 'options',
		default: 'snapshot',
		options: [
			{
				name: 'Compare Snapshots',
				value: 'snapshot',
				description:
					'Each poll reads the filtered list and compares a fingerprint of each record (only the Select fields) with the last poll',
			},
			{
				name: 'Watch a Date Field',
				value: 'dateField',
				description:
					'Each poll asks only for records whose date field is at or after the last one seen: one small request when nothing changed',
			},
		],
	},
	{
		displayName: 'Key Field',
		name: 'keyField',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. NoClient',
		description: 'The field that identifies a record (dots reach sub-fields). A record without it fails the poll.',
	},
	{
		displayName: 'Date Field',
		name: 'dateField',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. DateModification',
		description:
			'A date the ERP sets on the record: its creation date for New Record, its modification date for Updated Record. With Updated Record, records created since the last poll are reported too when the ERP sets this date on creation.',
		displayOptions: { show: { detection: ['dateField'] } },
	},
	{
		displayName: 'Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: 'e.g. EstActif eq true',
		description: 'An OData $filter sent with every poll, to watch only some records',
	},
	{
		displayName: 'Select',
		name: 'select',
		type: 'string',
		default: '',
		placeholder: 'e.g. NoClient,NomClient,InfoAgeDesComptes',
		description:
			'Fields to read ($select), comma-separated; strongly recommended: less data goes through the robot, and only changes of these fields are reported. The key and date fields are added when missing.',
	},
	{
		displayName: 'Minimum Minutes Between Polls',
		name: 'minMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 15,
		description: "A poll sooner than this after the previous request sends nothing, to spare the customer's robot",
	},
	{
		displayName: 'Max Records per Poll',
		name: 'maxRecords',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5000,
		description: 'Above this the poll fails and asks for a filter; the trigger keeps one fingerprint per record',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			dateStyleOption,
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
				default: TRIGGER_PAGE_SIZE,
				description: 'Records per request ($top); a list shorter than this takes one request per poll',
			},
			{
				displayName: 'Pagination',
				name: 'pagination',
				type: 'options',
				default: 'pages',
				options: [
					{ name: 'Pages', value: 'pages', description: 'One page after the other, with $top and $skip' },
					{ name: 'Single Request', value: 'single' },
				],
			},
			timeoutOption,
		],
	},
];
