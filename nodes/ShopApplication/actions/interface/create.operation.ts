import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection } from '../../../shared';
import { createResponseSchema } from '../../schemas';
import { send } from '../../transport';
import { normaliseCodes, prestationCodesField } from '../fields';
import { orderProblems, throwIfProblems } from '../order-rules';

const CLIENT_FIELDS: Array<{ name: string; displayName: string; key: string; placeholder: string; description?: string }> = [
	{ name: 'firstName', displayName: 'First Name', key: 'prenom', placeholder: 'e.g. Marie' },
	{ name: 'company', displayName: 'Company', key: 'societe', placeholder: 'e.g. Boulangerie Martin' },
	{ name: 'address', displayName: 'Address', key: 'adresse', placeholder: 'e.g. 12 rue de la Paix' },
	{ name: 'postalCode', displayName: 'Postal Code', key: 'code_postal', placeholder: 'e.g. 75002' },
	{ name: 'city', displayName: 'City', key: 'ville', placeholder: 'e.g. Paris' },
	{
		name: 'country',
		displayName: 'Country',
		key: 'pays',
		placeholder: 'e.g. France',
		description: 'Sent as typed (Shop Application does not say whether it wants a name or an ISO code)',
	},
	{ name: 'phone', displayName: 'Phone', key: 'telephone', placeholder: 'e.g. +33 1 23 45 67 89' },
	{ name: 'rcs', displayName: 'RCS', key: 'rcs', placeholder: 'e.g. 123 456 789 R.C.S. Paris', description: 'French company register number' },
	{ name: 'ape', displayName: 'APE', key: 'ape', placeholder: 'e.g. 1071C', description: 'French activity code' },
];

export const description: INodeProperties[] = [
	{
		displayName: 'Your Interface ID',
		name: 'guid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order-2024-0042',
		description: 'Your own identifier for this site, such as your order or customer number',
	},
	prestationCodesField('The prestations of the order: exactly one setup (IN-…-S) plus its associated prestations'),
	{
		displayName: 'Client Last Name',
		name: 'clientLastName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Martin',
	},
	{
		displayName: 'Client Email',
		name: 'clientEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@email.com',
	},
	{
		displayName: 'Additional Client Fields',
		name: 'clientFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: CLIENT_FIELDS.map(({ name, displayName, placeholder, description }) => ({
			displayName,
			name,
			type: 'string' as const,
			default: '',
			placeholder,
			...(description ? { description } : {}),
		})),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Sub-Domain',
				name: 'subDomain',
				type: 'string',
				default: '',
				placeholder: 'e.g. boulangerie-martin',
				description:
					'Sub-domain of the installation, for prestations without a project form. Without it, the company or client name is used; it can be changed later in the site\'s administration.',
			},
		],
	},
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
					'Whether to check the order against the catalogue before sending it: codes exist, exactly one setup, associated prestations present. Off: the order is sent as is and Shop Application decides.',
			},
		],
	},
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SUB_DOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /interfaces (never retried: a repeated order could create and bill a second site)
	const guid = String(this.getNodeParameter('guid', i, '') ?? '').trim();
	const codes = normaliseCodes(this.getNodeParameter('prestations', i, []));
	const nom = String(this.getNodeParameter('clientLastName', i, '') ?? '').trim();
	const email = String(this.getNodeParameter('clientEmail', i, '') ?? '').trim();
	const clientFields = this.getNodeParameter('clientFields', i, {}) as IDataObject;
	const { subDomain = '' } = readCollection(this, 'additionalFields', i) as { subDomain?: string };
	const { validateOrder = true } = readCollection(this, 'options', i) as { validateOrder?: boolean };
	const sousDomaine = String(subDomain).trim().toLowerCase();

	const fieldProblems: string[] = [];
	if (!guid) fieldProblems.push('Your Interface ID is empty');
	if (!nom) fieldProblems.push('Client Last Name is empty');
	if (!EMAIL.test(email)) fieldProblems.push(email ? `Client Email '${email}' is not an e-mail address` : 'Client Email is empty');
	if (sousDomaine && !SUB_DOMAIN.test(sousDomaine)) {
		fieldProblems.push(
			`Sub-Domain '${sousDomaine}' must be 1–63 letters a–z, digits or "-", not starting or ending with "-"`,
		);
	}
	const orderIssues = validateOrder ? await orderProblems(this, { kind: 'create', codes, itemIndex: i }) : [];
	if (!validateOrder && !codes.length) fieldProblems.push('Prestations is empty');
	throwIfProblems(this, [...fieldProblems, ...orderIssues], {
		itemIndex: i,
		what: 'Interface order',
		hint: orderIssues.length
			? 'Correct the fields above, or turn off "Validate Before Sending" to let Shop Application judge the prestations.'
			: 'Correct the fields above.',
	});

	const client: IDataObject = { nom, email };
	for (const { name, key } of CLIENT_FIELDS) {
		const value = String(clientFields[name] ?? '').trim();
		// Empty optional fields are omitted, not sent as "".
		if (value) client[key] = value;
	}
	const body: IDataObject = { guid, prestations: codes, client };
	if (sousDomaine) body.sous_domaine = sousDomaine;

	const created = await send(this, {
		method: 'POST',
		path: '/interfaces',
		body,
		schema: createResponseSchema,
		idempotent: false,
		itemIndex: i,
	});
	return jsonItems({ ...created, key: created.sa_key, guid });
}
