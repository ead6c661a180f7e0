import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { pollEvent, strictBooleans } from '../shared';
import { clientXcmsEvents } from './trigger/events';
import { clientXcmsApiTest } from './methods/credentialTest';
import { triggerProperties } from './trigger/fields';

export class ClientXcmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClientXCMS Trigger',
		name: 'clientXcmsTrigger',
		icon: { light: 'file:../../icons/clientxcms.svg', dark: 'file:../../icons/clientxcms.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when customers, services, invoices or tickets change in ClientXCMS',
		defaults: { name: 'ClientXCMS Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clientXcmsApi', required: true, testedBy: 'clientXcmsApiTest' }],
		properties: strictBooleans(triggerProperties),
	};

	methods = { credentialTest: { clientXcmsApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvent(this, clientXcmsEvents);
	}
}
