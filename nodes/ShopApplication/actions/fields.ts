import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { checkPathSegment } from '../../shared';
import { findInterfaceByUrl } from '../transport/interfaces';

/** The interface picker: list (search on site address, status, key), key, or site / admin URL. */
export const interfaceLocator: INodeProperties = {
	displayName: 'Interface',
	name: 'interface',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The interface (customer site)',
	hint: 'The list and the URL lookup read the details of your interfaces, one request per interface (20 per page of the list), kept 2 minutes',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an interface...',
			typeOptions: { searchListMethod: 'searchInterfaces', searchable: true },
		},
		{
			displayName: 'By Key',
			name: 'key',
			type: 'string',
			placeholder: 'e.g. e831c78b-a576-4aad-8d5f-d594b0ccadbe',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[^/]+$', errorMessage: 'An interface key has no "/"' },
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://myshop.example.com or https://myshop.example.com/superadmin/',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^https?://.+', errorMessage: 'Enter the address of the site or of its administration area' },
				},
			],
		},
	],
};

/** Codes picked from the catalogue; an expression may give an array or a comma-separated text. */
export function prestationCodesField(description: string): INodeProperties {
	return {
		displayName: 'Prestation Names or IDs',
		name: 'prestations',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getPrestationCodes' },
		required: true,
		default: [],
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export const prestationCodeField: INodeProperties = {
	displayName: 'Prestation Code Name or ID',
	name: 'prestationCode',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPrestationCodes' },
	required: true,
	default: '',
	description:
		'The prestation code. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/**
 * The interface key of item `i`, refused when it is not one safe path segment. A site or
 * administration address (By URL) is looked up among your interfaces.
 */
export async function readInterfaceKey(ctx: IExecuteFunctions, i: number): Promise<string> {
	const value = ctx.getNodeParameter('interface', i, '', { extractValue: true });
	if (typeof value === 'string' && /^https?:\/\//i.test(value.trim())) {
		const found = await findInterfaceByUrl(ctx, value.trim(), i);
		if (!found) {
			throw new NodeOperationError(ctx.getNode(), `No interface has the address ${value.trim()} (item ${i})`, {
				itemIndex: i,
				description: 'Check the address, or pick the interface from the list.',
			});
		}
		return found;
	}
	return checkPathSegment(value, {
		node: ctx.getNode(),
		field: 'Interface',
		itemIndex: i,
		hint: 'Pick an interface from the list or enter its key alone, e.g. e831c78b-a576-4aad-8d5f-d594b0ccadbe.',
	});
}

/** R1 normalisation: trimmed, upper-cased, empty entries dropped; duplicates kept. */
export function normaliseCodes(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : raw == null ? [] : [raw];
	return list.map((c) => String(c).trim().toUpperCase()).filter(Boolean);
}

/** One code or reference (trimmed), refused when it is not one safe path segment. */
export function readCode(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
	options: { extractValue?: boolean } = {},
): string {
	return checkPathSegment(ctx.getNodeParameter(name, i, '', options), { node: ctx.getNode(), field: label, itemIndex: i });
}

/** Options → Include Details of a Get Many; the description says what the extra requests cost. */
export function includeDetailsOptions(description: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [{ displayName: 'Include Details', name: 'includeDetails', type: 'boolean', default: false, description }],
	};
}
