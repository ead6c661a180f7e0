import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkPathSegment } from '../../shared';

/** The interface picker: list (search over GET /interfaces) or key. */
export const interfaceLocator: INodeProperties = {
	displayName: 'Interface',
	name: 'interface',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The interface (customer site)',
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

/** The interface key of item `i`, refused when it is not one safe path segment. */
export function readInterfaceKey(ctx: IExecuteFunctions, i: number): string {
	return checkPathSegment(ctx.getNodeParameter('interface', i, '', { extractValue: true }), {
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
export function readCode(ctx: IExecuteFunctions, name: string, label: string, i: number): string {
	return checkPathSegment(ctx.getNodeParameter(name, i, ''), { node: ctx.getNode(), field: label, itemIndex: i });
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
