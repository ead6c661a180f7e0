import type { INodeProperties } from 'n8n-workflow';

/** The ERPs of the vendor's support matrices. */
export const ERPS = [
	{ name: 'Acomba', value: 'acomba' },
	{ name: 'Avantage', value: 'avantage' },
	{ name: 'QuickBooks Online', value: 'quickBooksOnline' },
	{ name: 'Sage 50', value: 'sage50' },
	{ name: 'Servex', value: 'servex' },
	{ name: 'Servicentre', value: 'servicentre' },
] as const;
export type Erp = (typeof ERPS)[number]['value'];
export const ANY_ERP = 'notSpecified';

/** The ERP dropdown: on the credential (set once), and on version 1 nodes saved before that. */
export function erpProperty(description: string): INodeProperties {
	return {
		displayName: 'ERP',
		name: 'erp',
		type: 'options',
		default: ANY_ERP,
		options: [{ name: 'Not Specified', value: ANY_ERP }, ...ERPS],
		description,
	};
}

export type Verb = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type OperationName = 'getAll' | 'get' | 'create' | 'update' | 'delete';

export const OPERATION_VERB: Record<OperationName, Verb> = {
	getAll: 'GET',
	get: 'GET',
	create: 'POST',
	update: 'PUT',
	delete: 'DELETE',
};

const OPERATION_LABEL: Record<OperationName, string> = {
	getAll: 'Get Many',
	get: 'Get',
	create: 'Create',
	update: 'Update',
	delete: 'Delete',
};

export interface EntityInfo {
	/** Sent as is in `/Entity/<name>`. */
	name: string;
	displayName: string;
	description: string;
	/** Verbs per ERP from the vendor's entity page; undefined when the vendor documents none. */
	matrix?: Partial<Record<Erp, Verb[]>>;
	note?: string;
	/**
	 * Key field candidates, the first one a record has wins. Keys differ per ERP and only NoClient
	 * is documented, so the record picker also recognises a key by its name (see `recordKey`).
	 */
	keyFields: string[];
	/** Fields that name a record for a person (label of the record picker), first found wins. */
	nameFields: string[];
	/** Field names documented by the vendor, offered before any record is read from the ERP. */
	fields: string[];
}

export const OTHER_ENTITY = 'other';
/** Entity names are sent in the URL path as typed; PascalCase as on the vendor's pages. */
export const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export const ENTITIES: EntityInfo[] = [
	{
		name: 'Customer',
		displayName: 'Customer',
		description: 'Customers (NoClient, NomClient, InfoAgeDesComptes…)',
		keyFields: ['NoClient'],
		nameFields: ['NomClient'],
		fields: ['NoClient', 'NomClient', 'InfoAgeDesComptes', 'InfoAgeDesComptes.MontantDu_Cycle1_Courant'],
		note: 'Support per ERP is not documented for this entity.',
	},
	{
		name: 'CustomerInvoice',
		displayName: 'Customer Invoice',
		description: 'Sales invoices',
		keyFields: ['NoFacture'],
		nameFields: ['NomClient', 'NoClient'],
		fields: [],
		matrix: { acomba: ['GET', 'POST'], quickBooksOnline: ['GET', 'POST'], avantage: ['GET'] },
		note: 'Invoices cannot be updated on any ERP: issue a credit note.',
	},
	{
		name: 'GLJournalEntry',
		displayName: 'GL Journal Entry',
		description: 'General ledger journal entries',
		keyFields: ['NoEcriture'],
		nameFields: ['Description'],
		fields: [],
		matrix: { acomba: ['POST'], avantage: ['GET'], sage50: ['GET', 'POST'] },
		note: 'Lines carry a GL account, an amount and a debit/credit direction.',
	},
	{
		name: 'Product',
		displayName: 'Product',
		description: 'Products: prices, inventory, classification',
		keyFields: ['NoProduit', 'CodeProduit'],
		nameFields: ['Description', 'NomProduit'],
		fields: ['EstActif', 'GroupeProduit', 'GroupeProduit.CodeGroupe', 'ExtendedProperties'],
		matrix: { acomba: ['GET', 'POST', 'PUT'], quickBooksOnline: ['GET'] },
	},
	{
		name: 'SupplierInvoice',
		displayName: 'Supplier Invoice',
		description: 'Purchase invoices',
		keyFields: ['NoFacture'],
		nameFields: ['NomFournisseur', 'NoFournisseur'],
		fields: [],
		matrix: {
			acomba: ['GET', 'POST'],
			quickBooksOnline: ['GET', 'POST'],
			avantage: ['GET', 'POST'],
			sage50: ['GET', 'POST'],
		},
		note: 'At least one detail line is required on Create.',
	},
	{
		name: 'SupplierOrder',
		displayName: 'Supplier Order',
		description: 'Purchase orders',
		keyFields: ['NoCommande'],
		nameFields: ['NomFournisseur', 'NoFournisseur'],
		fields: [],
		matrix: { acomba: ['GET', 'POST'], avantage: ['GET'] },
	},
];

export function entityInfo(name: string): EntityInfo | undefined {
	return ENTITIES.find((e) => e.name === name);
}

function scalar(value: unknown): value is string | number {
	return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

/** A field named like a key: No…, Code…, Numero…, …Id / …ID / …No. */
const KEY_LIKE = /^(No|Code|Numero|Num)[A-Z_]|^(Id|ID|No|Code)$|[a-z](Id|ID|No)$/;

/**
 * The key field of a record of `entity`: the entity's known key when the record has it, else the
 * first field named like a key (keys differ per ERP), else undefined.
 */
export function recordKey(entity: string, record: Record<string, unknown>): string | undefined {
	const known = entityInfo(entity)?.keyFields.find((f) => scalar(record[f]));
	return known ?? Object.keys(record).find((f) => KEY_LIKE.test(f) && scalar(record[f]));
}

/** The field that names a record for a person (Nom…, Description…), other than its key. */
export function recordName(entity: string, record: Record<string, unknown>, key?: string): string | undefined {
	const known = entityInfo(entity)?.nameFields.find((f) => f !== key && scalar(record[f]));
	return known ?? Object.keys(record).find((f) => f !== key && /^(Nom|Name|Description|Libelle|Titre)/i.test(f) && scalar(record[f]));
}

function erpName(erp: string): string {
	return ERPS.find((e) => e.value === erp)?.name ?? erp;
}

/** "Acomba: GET POST PUT · QuickBooks Online: GET", as on the vendor's entity page. */
export function matrixLine(info: EntityInfo): string {
	if (!info.matrix) return '';
	return ERPS.filter((e) => info.matrix?.[e.value]?.length)
		.map((e) => `${e.name}: ${info.matrix?.[e.value]?.join(' ')}`)
		.join(' · ');
}

/** ERPs whose matrix lacks the verb of this operation for a documented entity. */
export function erpsLacking(info: EntityInfo, operation: OperationName): Erp[] {
	if (!info.matrix) return [];
	const verb = OPERATION_VERB[operation];
	return ERPS.map((e) => e.value).filter((erp) => !info.matrix?.[erp]?.includes(verb));
}

/**
 * What to warn about when the chosen ERP's matrix lacks this operation. The request is still
 * sent: the vendor's matrices are not complete, and the ERP has the last word.
 */
export function matrixWarning(entity: string, operation: OperationName, erp: string): string | undefined {
	const info = entityInfo(entity);
	if (!info?.matrix || erp === ANY_ERP || !erp) return undefined;
	if (!erpsLacking(info, operation).includes(erp as Erp)) return undefined;
	const verb = OPERATION_VERB[operation];
	return `The OnlineERP support matrix does not list ${OPERATION_LABEL[operation]} (${verb}) of ${entity} for ${erpName(erp)}. The request was sent anyway; if it fails with 404, 405 or 501, the ERP lacks this operation.`;
}

/** Notices shown in the node panel: each entity's matrix, and a warning where the chosen ERP lacks the operation. */
export function matrixNotices(resource: string): INodeProperties[] {
	const notices: INodeProperties[] = [];
	for (const info of ENTITIES) {
		const line = matrixLine(info);
		const text = [line ? `Supported per ERP: ${line}.` : '', info.note ?? ''].filter(Boolean).join(' ');
		if (text) {
			notices.push({
				displayName: text,
				name: `notice${info.name}`,
				type: 'notice',
				default: '',
				displayOptions: { show: { resource: [resource], entity: [info.name] } },
			});
		}
		for (const operation of Object.keys(OPERATION_VERB) as OperationName[]) {
			const lacking = erpsLacking(info, operation);
			if (!lacking.length) continue;
			notices.push({
				displayName: `The support matrix does not list ${OPERATION_LABEL[operation]} (${OPERATION_VERB[operation]}) of ${info.name} for this ERP. The request is sent anyway; expect an error if the ERP lacks it.`,
				name: `warning${info.name}${operation}`,
				type: 'notice',
				default: '',
				displayOptions: {
					show: { resource: [resource], operation: [operation], entity: [info.name], erp: lacking },
				},
			});
		}
	}
	notices.push({
		displayName:
			"Entity names are in the vendor's entity list (\"Liste des entités\") and Postman collection. Fields differ per ERP.",
		name: 'noticeOtherEntity',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: [resource], entity: [OTHER_ENTITY] } },
	});
	return notices;
}

/** The entity dropdown (plus free text for any other entity), shared by the action node and the trigger. */
export function entityFields(show: Record<string, string[]> = {}): INodeProperties[] {
	const displayOptions = Object.keys(show).length ? { displayOptions: { show } } : {};
	return [
		{
			displayName: 'Entity',
			name: 'entity',
			type: 'options',
			noDataExpression: true,
			// The rule cannot see the options built from ENTITIES; Customer is one of them.
			// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-options
			default: 'Customer',
			options: [
				...ENTITIES.map((e) => ({ name: e.displayName, value: e.name, description: e.description })),
				{ name: 'Other Entity', value: OTHER_ENTITY, description: 'Any entity of the vendor list, by name' },
			],
			...displayOptions,
		},
		{
			displayName: 'Entity Name',
			name: 'entityName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Supplier',
			description: 'Exact entity name as in the vendor documentation (PascalCase, letters, digits and _)',
			displayOptions: { show: { ...show, entity: [OTHER_ENTITY] } },
		},
	];
}
