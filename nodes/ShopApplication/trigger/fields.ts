import type { INodeProperties } from 'n8n-workflow';

export type ShopApplicationEvent =
	| 'newInterface'
	| 'interfaceInstalled'
	| 'deletionRequested'
	| 'interfaceDeleted'
	| 'interfaceReactivated'
	| 'interfaceStatusChanged'
	| 'prestationAdded'
	| 'prestationTerminated'
	| 'newPrestation';

export const STATUS_EVENTS = [
	'interfaceInstalled',
	'deletionRequested',
	'interfaceDeleted',
	'interfaceReactivated',
	'interfaceStatusChanged',
] as const;

export type StatusEvent = (typeof STATUS_EVENTS)[number];

export const PRESTATION_EVENTS = ['prestationAdded', 'prestationTerminated'] as const;

export const DEFAULT_MAX_CHECKS = 10;

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		required: true,
		default: 'newInterface',
		options: [
			{
				name: 'Deletion Requested',
				value: 'deletionRequested',
				description: 'An interface went to status 2 (deactivated: deletion requested)',
			},
			{ name: 'Interface Deleted', value: 'interfaceDeleted', description: 'An interface went to status 0 (deleted)' },
			{
				name: 'Interface Installed',
				value: 'interfaceInstalled',
				description: 'An interface went from status 3 (installing) to 1 (active)',
			},
			{
				name: 'Interface Reactivated',
				value: 'interfaceReactivated',
				description: 'An interface went from status 2 (deactivated) back to 1 (active)',
			},
			{
				name: 'Interface Status Changed',
				value: 'interfaceStatusChanged',
				description: 'The status of an interface changed, whatever the change',
			},
			{ name: 'New Catalogue Prestation', value: 'newPrestation', description: 'A code appeared in the catalogue' },
			{ name: 'New Interface', value: 'newInterface', description: 'A key appeared in the list of interfaces' },
			{
				name: 'Prestation Added',
				value: 'prestationAdded',
				description: 'A prestation occurrence appeared on a watched interface',
			},
			{
				name: 'Prestation Terminated',
				value: 'prestationTerminated',
				description: 'A prestation occurrence on a watched interface was terminated',
			},
		],
	},
	{
		displayName: 'Only When New Status Is',
		name: 'statuses',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Active (1)', value: 1 },
			{ name: 'Deactivated (2)', value: 2 },
			{ name: 'Deleted (0)', value: 0 },
			{ name: 'Installing (3)', value: 3 },
		],
		description: 'Emit only changes to these statuses; none selected emits every change',
		displayOptions: { show: { event: ['interfaceStatusChanged'] } },
	},
	{
		displayName: 'Interfaces to Watch',
		name: 'watch',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All Interfaces (In Turn)', value: 'all' },
			{ name: 'Selected Interfaces', value: 'selected' },
		],
		displayOptions: { show: { event: [...PRESTATION_EVENTS] } },
	},
	{
		displayName: 'Interface Names or IDs',
		name: 'interfaceKeys',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getInterfaceKeys' },
		required: true,
		default: [],
		description:
			'The interfaces to watch. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { event: [...PRESTATION_EVENTS], watch: ['selected'] } },
	},
	{
		displayName: 'Max Rotating Checks per Poll',
		name: 'maxChecks',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 200 },
		default: DEFAULT_MAX_CHECKS,
		description:
			'The activation reads every interface once. Each poll then sends GET /interfaces, reads new interfaces, those in transition (installing or deletion requested) and those not read yet, and checks this many of the others in turn (one request each): a change is seen within ceil(interfaces ÷ this number) polls.',
		displayOptions: { show: { event: [...STATUS_EVENTS] } },
	},
	{
		displayName: 'Max Interfaces Checked per Poll',
		name: 'maxChecks',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 200 },
		default: DEFAULT_MAX_CHECKS,
		description:
			'Watched interfaces are checked in turn, this many per poll: a change is seen within ceil(watched interfaces ÷ this number) polls. A check costs 1 request, plus 1 per prestation code whose count rose (and, for terminations, 1 per code with active occurrences).',
		displayOptions: { show: { event: [...PRESTATION_EVENTS] } },
	},
];
