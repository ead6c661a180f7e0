import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { erpProperty } from '../nodes/OnlineErp/entities';

const ONLINE_ERP_DEFAULT_BASE_URL = 'https://v4.api.onlineerp.solution.quebec/api';
const ONLINE_ERP_DEFAULT_COMPANY_HEADER = 'COMPANY_ID';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const OFFLINE_MESSAGE =
	'OnlineERP did not get an answer from the robot at your site (HTTP {{code}}). The robot service or the ERP computer may be offline: this does not mean the credentials are wrong.';

/** The company header as the credential sets it: trimmed name and ID, `0` when the ID is empty. */
function companyHeader(credentials: ICredentialDataDecryptedObject): [string, string] {
	const name = String(credentials.companyHeaderName ?? '').trim() || ONLINE_ERP_DEFAULT_COMPANY_HEADER;
	if (!HEADER_NAME.test(name)) {
		throw new Error(
			`The Company Header Name "${name}" is not a valid HTTP header name (letters, digits and - _ only)`,
		);
	}
	const id = String(credentials.companyId ?? '').trim() || '0';
	return [name, id];
}

export class OnlineErpApi implements ICredentialType {
	name = 'onlineErpApi';

	displayName = 'OnlineERP API';

	icon = 'file:../icons/onlineerp.svg' as const;

	documentationUrl = 'https://logiciel.solutioninfomedia.com/erpconnector/survol-de-lapi-online-erp-connector';

	httpRequestNode = {
		name: 'OnlineERP',
		docsUrl: 'https://logiciel.solutioninfomedia.com/erpconnector/survol-de-lapi-online-erp-connector',
		apiBaseUrlPlaceholder: 'https://v4.api.onlineerp.solution.quebec/api/Entity/Product',
	};

	properties: INodeProperties[] = [
		{
			displayName:
				'The test reaches the ERP through the robot at your site: a failure can mean the robot is offline, not that the credentials are wrong.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: ONLINE_ERP_DEFAULT_BASE_URL,
			placeholder: 'e.g. https://yourcompany.onlineerp.solution.quebec/api',
			description:
				'Use the address Solution Infomedia gave you, e.g. https://yourcompany.onlineerp.solution.quebec/api. Without a path, /api is added.',
		},
		{
			displayName: 'Licence Code',
			name: 'licenceCode',
			type: 'string',
			required: true,
			default: '',
			description: "Your connector's licence code (CodeLicence), sent as the Basic authentication user",
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The secret key protecting your data, sent as the Basic authentication password',
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '0',
			description:
				'Which company of the licence to use (e.g. an Acomba company and an Avantage company under one licence). Empty means 0, the default company.',
		},
		erpProperty(
			'The accounting software behind this company. The node warns when the vendor does not list an operation for it; nothing is blocked.',
		),
		{
			displayName: 'Entity Used by the Test Button',
			name: 'testEntity',
			type: 'string',
			default: 'SupplierInvoice',
			description:
				'The Test button reads one record of this entity. SupplierInvoice is readable on Acomba, QuickBooks Online, Avantage and Sage 50; set another entity for Servex or Servicentre.',
		},
		{
			displayName: 'Company Header Name',
			name: 'companyHeaderName',
			type: 'string',
			default: ONLINE_ERP_DEFAULT_COMPANY_HEADER,
			description:
				'Advanced: change only if Solution Infomedia tells you to (some proxies drop header names with an underscore)',
		},
	];

	/**
	 * A function, not generic properties: the company header's name is itself a credential value,
	 * and generic authentication only takes expressions as header values.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const [name, id] = companyHeader(credentials);
		return {
			...requestOptions,
			auth: { username: String(credentials.licenceCode ?? ''), password: String(credentials.secretKey ?? '') },
			headers: { Accept: 'application/json', ...(requestOptions.headers ?? {}), [name]: id },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ (b => /^https?:\\/\\/[^/]+$/i.test(b) ? b + "/api" : b)(String($credentials.baseUrl).trim().replace(/\\/+$/, "")) }}',
			// Written into the URL: a query object would send `%24top`.
			url: '={{ "/Entity/" + encodeURIComponent(String($credentials.testEntity || "SupplierInvoice").trim()) + "?$top=1" }}',
			method: 'GET',
			timeout: 60_000,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'OnlineERP rejected the licence code or secret key (Basic authentication)',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'This licence is not allowed to read this entity' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The test entity does not exist on your ERP, or the Base URL is wrong. Set "Entity Used by the Test Button" to an entity your ERP supports.',
				},
			},
			...[500, 502, 503, 504].map((code) => ({
				type: 'responseCode' as const,
				properties: { value: code, message: OFFLINE_MESSAGE.replace('{{code}}', String(code)) },
			})),
		],
	};
}
