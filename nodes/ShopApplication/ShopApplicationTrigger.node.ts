import {
	NodeConnectionTypes,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { pollEvent, strictBooleans } from '../shared';
import { shopApplicationApiTest } from './methods/credentialTest';
import { listInterfaceKeys } from './transport/api';
import { shopApplicationEvents } from './trigger/events';
import { triggerProperties } from './trigger/fields';

export class ShopApplicationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shop Application Trigger',
		name: 'shopApplicationTrigger',
		icon: { light: 'file:../../icons/shop-application.svg', dark: 'file:../../icons/shop-application.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when Shop Application interfaces or prestations change',
		defaults: { name: 'Shop Application Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopApplicationApi', required: true, testedBy: 'shopApplicationApiTest' }],
		properties: strictBooleans(triggerProperties),
	};

	methods = {
		credentialTest: { shopApplicationApiTest },
		loadOptions: {
			async getInterfaceKeys(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return (await listInterfaceKeys(this)).map((key) => ({ name: key, value: key }));
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvent(this, shopApplicationEvents);
	}
}
