import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceSelector, runOperations, strictBooleans } from '../shared';
import { otherEndpointDescription } from './actions/otherEndpoint';
import { productDescription } from './actions/product';
import { telestoRegistry } from './actions/registry';
import { telestoApiTest } from './methods/credentialTest';
import { searchProducts } from './methods/listSearch';

export class Telesto implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telesto',
		name: 'telesto',
		icon: { light: 'file:../../icons/telesto.svg', dark: 'file:../../icons/telesto.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read products and stock from Telesto inventory',
		defaults: { name: 'Telesto' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telestoApi', required: true, testedBy: 'telestoApiTest' }],
		properties: strictBooleans([
			resourceSelector(
				[
					{ name: 'Product', value: 'product' },
					{
						name: 'Other Endpoint (Budgeted)',
						value: 'otherEndpoint',
						description: 'A Telesto path support gave you, counted against the hourly budget',
					},
				],
				'product',
			),
			...productDescription,
			...otherEndpointDescription,
		]),
	};

	methods = { listSearch: { searchProducts }, credentialTest: { telestoApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations(this, telestoRegistry);
	}
}
