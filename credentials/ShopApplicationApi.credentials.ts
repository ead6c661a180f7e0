import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { sharedToken } from '../nodes/ShopApplication/transport/token-share';

export class ShopApplicationApi implements ICredentialType {
	name = 'shopApplicationApi';

	displayName = 'Shop Application API';

	icon = { light: 'file:../icons/shop-application.svg', dark: 'file:../icons/shop-application.dark.svg' } as const;

	documentationUrl = 'https://api.cegid.shop-application.io/docs';

	httpRequestNode = {
		name: 'Shop Application',
		docsUrl: 'https://api.cegid.shop-application.io/docs',
		apiBaseUrlPlaceholder: 'https://api.cegid.shop-application.io/prestations',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.cegid.shop-application.io',
			description: 'Leave as is unless Cegid gives you a test platform address',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'The reseller login (client_id) Cegid gave you',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The reseller password (client_secret). It is only sent to get a token.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		// A timestamp (epoch ms), not a secret; the rule goes by the word "token" in the name.
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field
		{
			displayName: 'Access Token Expires At',
			name: 'accessTokenExpiresAt',
			type: 'hidden',
			default: 0,
		},
	];

	/**
	 * GET /token once per token lifetime; n8n runs it again when the token is empty or after a 401.
	 * Executions that start together, in one process or in several queue-mode workers, share one.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await sharedToken(this, credentials);
	}

	// No `test` request: the Test button runs the nodes' `shopApplicationApiTest` (testedBy), which
	// reads the token answer itself; a refused token in preAuthentication only reaches n8n's
	// generic "Authorization failed".
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				Accept: 'application/json',
			},
		},
	};
}
