import { operationSelector } from '../../../shared';
import * as request from './request.operation';

export const otherEndpointOperations = { request };

export const otherEndpointDescription = operationSelector({
	resource: 'otherEndpoint',
	default: 'request',
	operations: [
		{
			value: 'request',
			name: 'Make a Request',
			action: 'Make a request to another endpoint',
			description: 'Call a Telesto path support gave you, within the hourly request budget',
			module: request,
		},
	],
});
