import type {
	IAuthenticateGeneric,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

const DOCS = 'https://docs.clientxcms.com/developpers/api';

export class ClientXcmsApi implements ICredentialType {
	name = 'clientXcmsApi';

	displayName = 'ClientXCMS API';

	icon = { light: 'file:../icons/clientxcms.svg', dark: 'file:../icons/clientxcms.dark.svg' } as const;

	documentationUrl = 'https://docs.clientxcms.com/developpers/api';

	httpRequestNode = {
		name: 'ClientXCMS',
		docsUrl: DOCS,
		apiBaseUrlPlaceholder: 'https://billing.example.com/api/application/customers',
	};

	properties: INodeProperties[] = [
		{
			displayName:
				'Use an Administrator key (all permissions), or a key with the exact permissions of the operations you use (ask your ClientXCMS administrator). Keys made in the admin area with custom permissions cannot reach pricings, action logs, service expiry, cancellation reasons or health. Keys expire 30 days after creation.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Instance URL',
			name: 'instanceUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://billing.example.com',
			description:
				'Address of your ClientXCMS client area. A pasted /api/application or /api suffix is removed.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. 12|CLIENTXCMS…',
			description:
				'The whole token, including the number and the "|" before it (Settings → Security → API Keys). A pasted "Bearer " is removed.',
		},
		{
			displayName: 'Allow Plain HTTP',
			name: 'allowHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to allow an http:// Instance URL. The key then travels unencrypted; use only on a private network or for tests.',
		},
		{
			displayName: 'Instance Time Zone',
			name: 'timezone',
			type: 'string',
			default: 'Europe/Paris',
			description:
				'Time zone ClientXCMS stores dates in (Europe/Paris unless the instance was modified). Dates the node sends are converted to it.',
		},
		{
			displayName: 'Processes Sharing This Key',
			name: 'processesSharingKey',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 60 },
			default: 1,
			description:
				'How many n8n processes use this API key without counting together: separate n8n instances, or the main and worker processes of queue mode while its Redis cannot be reached. Each then keeps to its share of the 55 requests per minute. Queue mode with Redis counts together and ignores this.',
		},
	];

	// No `test` request: the Test button runs the nodes' `clientXcmsApiTest` (testedBy), which
	// refuses plain HTTP before sending and tells an expired key from a missing permission.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '={{"Bearer " + String($credentials.apiKey || "").trim().replace(/^Bearer\\s+/i, "")}}',
				Accept: 'application/json',
			},
		},
	};
}
