import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceSelector, runOperations, strictBooleans } from '../shared';
import { interfaceDescription } from './actions/interface';
import { interfacePrestationDescription } from './actions/interfacePrestation';
import { prestationDescription } from './actions/prestation';
import { shopApplicationRegistry } from './actions/registry';
import { simplifyField } from './actions/simplify';
import { getPrestationCodes, searchInterfaces, searchOccurrences } from './methods';
import { shopApplicationApiTest } from './methods/credentialTest';

export class ShopApplication implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shop Application',
		name: 'shopApplication',
		icon: { light: 'file:../../icons/shop-application.svg', dark: 'file:../../icons/shop-application.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Order and manage Shop Application (Cegid) sites and their prestations',
		defaults: { name: 'Shop Application' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopApplicationApi', required: true, testedBy: 'shopApplicationApiTest' }],
		properties: strictBooleans([
			resourceSelector(
				[
					{ name: 'Interface', value: 'interface', description: 'A customer site' },
					{
						name: 'Interface Prestation',
						value: 'interfacePrestation',
						description: 'A service on a customer site',
					},
					{ name: 'Prestation', value: 'prestation', description: 'A service of the catalogue' },
				],
				'interface',
			),
			...interfaceDescription,
			...interfacePrestationDescription,
			...prestationDescription,
			simplifyField,
		]),
	};

	methods = {
		credentialTest: { shopApplicationApiTest },
		listSearch: { searchInterfaces, searchOccurrences },
		loadOptions: { getPrestationCodes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations(this, shopApplicationRegistry);
	}
}
