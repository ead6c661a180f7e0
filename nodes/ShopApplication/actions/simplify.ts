import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { simplifyToggle, type OperationModule } from '../../shared';
import { isTerminated } from '../schemas';

/**
 * Simplify (node version 2 on): the API's French field names in English, with typed values
 * (numbers, booleans, null for the empty dates the API writes as ""). Version 1 workflows keep
 * the raw records they were built on.
 */
export const simplifyField: INodeProperties = {
	...simplifyToggle(),
	description:
		'Whether to return English field names with typed values (status, site URL, price excluding VAT…) instead of the API record with its French names',
	displayOptions: { hide: { '@version': [1] } },
};

const NAMES: Record<string, string> = {
	guid: 'yourInterfaceId',
	date_creation: 'createdAt',
	statut: 'statusCode',
	status_label: 'status',
	url: 'siteUrl',
	url_administration: 'adminUrl',
	url_formulaire: 'projectFormUrl',
	date_suppression: 'deletionDate',
	date_reactivation: 'reactivatedAt',
	resilie: 'terminated',
	date_resiliation: 'terminatedAt',
	reference_unique: 'uniqueReference',
	nom: 'name',
	descriptif_court: 'shortDescription',
	descriptif_long: 'longDescription',
	prix: 'priceExclVat',
	prestations_associees: 'requiresOneOf',
};

const DATES = new Set(['date_creation', 'date_suppression', 'date_reactivation', 'date_resiliation']);

function number(value: unknown): number | null {
	const n = typeof value === 'number' ? value : Number(String(value ?? '').trim().replace(',', '.'));
	return value === '' || value === null || value === undefined || Number.isNaN(n) ? null : n;
}

/** One record in English with typed values; unknown fields pass through as they are. */
export function simplifyRecord(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [name, value] of Object.entries(record)) {
		// Create answers the new key twice (sa_key and key).
		if (name === 'sa_key' && record.key !== undefined) continue;
		let typed: unknown = value;
		if (name === 'statut' || name === 'prix') typed = number(value);
		else if (name === 'resilie') typed = isTerminated(value);
		else if (DATES.has(name)) typed = typeof value === 'string' && value.trim() === '' ? null : value;
		out[NAMES[name] ?? name] = typed as IDataObject[string];
	}
	return out;
}

export function simplifyOn(ctx: IExecuteFunctions, i: number): boolean {
	return ctx.getNode().typeVersion >= 2 && ctx.getNodeParameter('simplify', i, true) === true;
}

/** An operation whose items are simplified when the node asks for it. */
export function withSimplify(module: OperationModule): OperationModule {
	return {
		...module,
		async execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
			const items = await module.execute.call(this, i);
			return simplifyOn(this, i) ? items.map((item) => ({ ...item, json: simplifyRecord(item.json) })) : items;
		},
	};
}
