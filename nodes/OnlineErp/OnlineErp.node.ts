import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceSelector, runOperations } from '../shared';
import { RESOURCE } from './actions/common';
import { entityOperationFields, entityOperationSelector } from './actions/entity';
import { onlineErpRegistry } from './actions/registry';
import { ANY_ERP, entityFields, ERPS, matrixNotices } from './entities';
import { onlineErpApiTest } from './methods/credentialTest';

export class OnlineErp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OnlineERP',
		name: 'onlineErp',
		icon: 'file:../../icons/onlineerp.svg',
		group: ['transform'],
		version: 1,
		subtitle:
			'={{$parameter["operation"] + ": " + ($parameter["entity"] === "other" ? $parameter["entityName"] : $parameter["entity"])}}',
		description:
			'Read and write records of an on-premise ERP (Acomba, Avantage, Sage 50, QuickBooks Online…) through OnlineERP / ERPConnector',
		defaults: { name: 'OnlineERP' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlineErpApi', required: true, testedBy: 'onlineErpApiTest' }],
		properties: [
			{
				displayName:
					'Items are sent one at a time: each call goes through the robot at the customer site, which runs one request at a time per licence.',
				name: 'sequentialNotice',
				type: 'notice',
				default: '',
			},
			resourceSelector(
				[{ name: 'Entity', value: RESOURCE, description: 'A record of any OnlineERP entity' }],
				RESOURCE,
			),
			entityOperationSelector,
			...entityFields({ resource: [RESOURCE] }),
			{
				displayName: 'ERP',
				name: 'erp',
				type: 'options',
				default: ANY_ERP,
				options: [{ name: 'Not Specified', value: ANY_ERP }, ...ERPS],
				description:
					'The ERP behind this company. Only used to warn when the vendor support matrix lacks the operation; nothing is blocked.',
				displayOptions: { show: { resource: [RESOURCE] } },
			},
			...matrixNotices(RESOURCE),
			...entityOperationFields,
		],
	};

	methods = { credentialTest: { onlineErpApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations(this, onlineErpRegistry);
	}
}
