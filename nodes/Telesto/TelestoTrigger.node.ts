import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { pollEvent, strictBooleans } from '../shared';
import { telestoEvents } from './trigger/events';
import { telestoApiTest } from './methods/credentialTest';
import { triggerProperties } from './trigger/fields';

export class TelestoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telesto Trigger',
		name: 'telestoTrigger',
		icon: { light: 'file:../../icons/telesto.svg', dark: 'file:../../icons/telesto.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when Telesto products or stock change',
		defaults: { name: 'Telesto Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telestoApi', required: true, testedBy: 'telestoApiTest' }],
		properties: strictBooleans(triggerProperties),
	};

	methods = { credentialTest: { telestoApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvent(this, telestoEvents);
	}
}
