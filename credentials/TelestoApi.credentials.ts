import type {
	IAuthenticateGeneric,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class TelestoApi implements ICredentialType {
	name = 'telestoApi';

	displayName = 'Telesto API';

	icon = { light: 'file:../icons/telesto.svg', dark: 'file:../icons/telesto.dark.svg' } as const;

	documentationUrl = 'https://www.telesto.app/en/help/section?id=143';

	httpRequestNode = {
		name: 'Telesto',
		docsUrl: 'https://www.telesto.app/en/help/section?id=143',
		apiBaseUrlPlaceholder: 'https://telesto.app/v2/products',
	};

	properties: INodeProperties[] = [
		{
			displayName:
				'Testing spends 1 of the 100 requests per hour Telesto allows for this server\'s IP address. API keys are issued by Telesto support (Pro subscription).',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The key Telesto support gave you: paste it exactly as given.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://telesto.app/v2',
			description: 'Leave as is unless Telesto gives you another address',
		},
		{
			displayName: 'Requests per Hour',
			name: 'requestsPerHour',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description:
				'How many requests this n8n may send to Telesto in any hour. Telesto blocks the IP address for 15 minutes past 100; lower this when other programs share the IP.',
		},
		{
			displayName: 'Processes Sharing This Key',
			name: 'processesSharingKey',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 1,
			description:
				'How many n8n processes send to Telesto from this IP address without counting together: separate n8n instances, or the main and worker processes of queue mode while its Redis cannot be reached. Each then keeps to its share of Requests per Hour. Queue mode with Redis counts together and ignores this.',
		},
	];

	// No `test` request: the Test button runs the nodes' `telestoApiTest` (testedBy), which counts
	// the request in this n8n's hourly budget and tells a key without Pro access from a wrong key.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '={{$credentials.apiKey.trim()}}',
				Accept: 'application/json',
			},
		},
	};
}
