import {
	NodeConnectionTypes,
	NodeOperationError,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { runPoll } from '../shared';
import { shopApplicationApiTest } from './methods/credentialTest';
import { listInterfaceKeys } from './transport/api';
import {
	DEFAULT_MAX_CHECKS,
	STATUS_EVENTS,
	triggerProperties,
	type ShopApplicationEvent,
} from './trigger/fields';
import { newInterfacePoll, statusPoll } from './trigger/interfaces';
import { newPrestationPoll, prestationPoll } from './trigger/prestations';
import { normaliseKeys } from './trigger/rotation';

export class ShopApplicationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shop Application Trigger',
		name: 'shopApplicationTrigger',
		icon: 'file:../../icons/shop-application.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when Shop Application interfaces or prestations change',
		defaults: { name: 'Shop Application Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopApplicationApi', required: true, testedBy: 'shopApplicationApiTest' }],
		properties: triggerProperties,
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
		const event = this.getNodeParameter('event') as ShopApplicationEvent;
		const maxChecks = Math.max(1, Math.floor(Number(this.getNodeParameter('maxChecks', DEFAULT_MAX_CHECKS)) || 1));
		if (event === 'newInterface') return await runPoll(this, newInterfacePoll(this));
		if (event === 'newPrestation') return await runPoll(this, newPrestationPoll(this));
		if ((STATUS_EVENTS as readonly string[]).includes(event)) {
			const onlyTo =
				event === 'interfaceStatusChanged' ? (this.getNodeParameter('statuses', []) as number[]).map(Number) : [];
			return await runPoll(this, statusPoll(this, { event, onlyTo, maxChecks }));
		}
		const selected =
			this.getNodeParameter('watch', 'all') === 'selected'
				? normaliseKeys(this.getNodeParameter('interfaceKeys', []))
				: undefined;
		if (selected && !selected.length) {
			throw new NodeOperationError(this.getNode(), 'No interface selected in "Interface Names or IDs"', {
				description: 'Select the interfaces to watch, or watch all interfaces.',
			});
		}
		return await runPoll(
			this,
			prestationPoll(this, { event: event as 'prestationAdded' | 'prestationTerminated', selected, maxChecks }),
		);
	}
}
