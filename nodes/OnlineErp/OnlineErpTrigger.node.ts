import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { pollEvent, strictBooleans } from '../shared';
import { onlineErpEvents } from './trigger/events';
import { triggerProperties } from './trigger/fields';
import { onlineErpApiTest } from './methods/credentialTest';

export class OnlineErpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OnlineERP Trigger',
		name: 'onlineErpTrigger',
		icon: { light: 'file:../../icons/onlineerp.svg', dark: 'file:../../icons/onlineerp.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] + ": " + ($parameter["entity"] === "other" ? $parameter["entityName"] : $parameter["entity"])}}',
		description: 'Starts a workflow when records of an OnlineERP entity are created or updated',
		defaults: { name: 'OnlineERP Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlineErpApi', required: true, testedBy: 'onlineErpApiTest' }],
		properties: strictBooleans(triggerProperties),
	};

	methods = { credentialTest: { onlineErpApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvent(this, onlineErpEvents);
	}
}
