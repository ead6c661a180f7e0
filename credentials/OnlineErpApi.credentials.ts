import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { companyHeader, ONLINE_ERP_DEFAULT_COMPANY_HEADER } from '../nodes/OnlineErp/transport/company';
import { erpProperty } from '../nodes/OnlineErp/entities';

const ONLINE_ERP_DEFAULT_BASE_URL = 'https://v4.api.onlineerp.solution.quebec/api';

export class OnlineErpApi implements ICredentialType {
	name = 'onlineErpApi';

	displayName = 'OnlineERP API';

	icon = { light: 'file:../icons/onlineerp.svg', dark: 'file:../icons/onlineerp.dark.svg' } as const;

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
			description: "Your connector's licence code (CodeLicence), as OnlineERP gave it to you",
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The secret key that protects your data, as OnlineERP gave it to you',
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

	// No `test` request: the Test button runs the nodes' `onlineErpApiTest` (testedBy), which tells
	// a robot that does not answer from refused credentials.

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
}
