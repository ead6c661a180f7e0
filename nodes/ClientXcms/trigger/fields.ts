import type { INodeProperties } from 'n8n-workflow';

import { enumOptions } from '../helpers/fields';
import { SERVICE_STATUSES } from '../resources';
import { SERVICE_LOG_ACTIONS } from './events';

const LOG_NOTE = 'Needs the logs:index permission, which keys made in the admin UI with custom permissions cannot have';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		required: true,
		default: 'newCustomer',
		options: [
			{ name: 'Customer Updated', value: 'customerUpdated', description: 'A customer record changed (detected by fingerprint; ClientXCMS hides the customer update time)' },
			{ name: 'Invoice Paid', value: 'invoicePaid', description: 'An invoice became paid (each invoice fires once). On activation the trigger reads the paid invoices (up to 2,500, one request per 50).' },
			{ name: 'Invoice Updated', value: 'invoiceUpdated', description: 'Any change of an invoice' },
			{ name: 'New Action Log Entry', value: 'newLog', description: `An entry was added to the action log. ${LOG_NOTE}.` },
			{ name: 'New Customer', value: 'newCustomer', description: 'A customer account was created' },
			{ name: 'New Invoice', value: 'newInvoice', description: 'An invoice was created (a completed order shows up as a new invoice)' },
			{ name: 'New Service', value: 'newService', description: 'A service was created' },
			{ name: 'New Ticket', value: 'newTicket', description: 'A support ticket was opened' },
			{ name: 'Service Lifecycle Event', value: 'serviceEvent', description: `A service was delivered, suspended, expired, cancelled, renewed… (from the action log). ${LOG_NOTE}.` },
			{ name: 'Service Status Changed', value: 'serviceStatusChanged', description: 'The status of a service changed. On activation the trigger reads the status of every service (up to 2,500, one request per 50).' },
			{ name: 'Ticket Updated', value: 'ticketUpdated', description: 'A ticket changed (status, priority, assignment…)' },
		],
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: enumOptions(SERVICE_STATUSES),
		default: [],
		description: 'Fire only when the new status is one of these (all when empty)',
		displayOptions: { show: { event: ['serviceStatusChanged'] } },
	},
	{
		displayName: 'Actions',
		name: 'actions',
		type: 'multiOptions',
		options: enumOptions(SERVICE_LOG_ACTIONS.map((a) => a)).map((o) => ({ ...o, name: o.name.replace(/^Service /, '') })),
		default: ['service_delivered', 'service_suspended', 'service_expired', 'service_cancelled', 'service_renewed'],
		required: true,
		displayOptions: { show: { event: ['serviceEvent'] } },
	},
	{
		displayName: 'Action',
		name: 'logAction',
		type: 'string',
		default: '',
		placeholder: 'e.g. new_registered',
		description: 'Fire only for this action (all when empty)',
		displayOptions: { show: { event: ['newLog'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include New Customers',
				name: 'includeNewCustomers',
				type: 'boolean',
				default: false,
				description: 'Whether Customer Updated also fires for new customers (with _change: "created")',
				displayOptions: { show: { '/event': ['customerUpdated'] } },
			},
			{
				displayName: 'Include Service',
				name: 'includeService',
				type: 'boolean',
				default: false,
				description: 'Whether to add the service record to each lifecycle event (one more request per event)',
				displayOptions: { show: { '/event': ['serviceEvent'] } },
			},
			{
				displayName: 'Include Sensitive Fields',
				name: 'includeSensitive',
				type: 'boolean',
				default: false,
				description: 'Whether to keep totp_secret and confirmation_token in customer records',
				displayOptions: { show: { '/event': ['newCustomer', 'customerUpdated'] } },
			},
		],
	},
];
