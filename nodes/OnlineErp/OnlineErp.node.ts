import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceSelector, runOperations, strictBooleans } from '../shared';
import { RESOURCE } from './actions/common';
import { entityOperationFields, entityOperationSelector } from './actions/entity';
import { onlineErpRegistry } from './actions/registry';
import { entityFields, erpProperty, matrixNotices } from './entities';
import { getEntityFields, getSortFields, searchRecords } from './methods';
import { onlineErpApiTest } from './methods/credentialTest';

export class OnlineErp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OnlineERP',
		name: 'onlineErp',
		icon: { light: 'file:../../icons/onlineerp.svg', dark: 'file:../../icons/onlineerp.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{$parameter["operation"] + ": " + ($parameter["entity"] === "other" ? $parameter["entityName"] : $parameter["entity"])}}',
		description:
			'Read and write records of an on-premise ERP (Acomba, Avantage, Sage 50, QuickBooks Online…) through OnlineERP / ERPConnector',
		defaults: { name: 'OnlineERP' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlineErpApi', required: true, testedBy: 'onlineErpApiTest' }],
		properties: strictBooleans([
			{
				displayName:
					'Items are sent one at a time: each call goes through the robot at the customer site, which runs one request at a time per licence.',
				name: 'sequentialNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { '@version': [1] } },
			},
			resourceSelector(
				[{ name: 'Entity', value: RESOURCE, description: 'A record of any OnlineERP entity' }],
				RESOURCE,
			),
			entityOperationSelector,
			...entityFields({ resource: [RESOURCE] }),
			{
				...erpProperty(
					'The ERP behind this company. When set, it wins over the ERP of the credential. Only used to warn when the vendor support matrix lacks the operation; nothing is blocked.',
				),
				// Version 2 reads the ERP from the credential; version 1 workflows keep theirs.
				displayOptions: { show: { resource: [RESOURCE], '@version': [1] } },
			},
			...matrixNotices(RESOURCE),
			...entityOperationFields,
		]),
	};

	methods = {
		listSearch: { searchRecords },
		loadOptions: { getEntityFields, getSortFields },
		credentialTest: { onlineErpApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations(this, onlineErpRegistry);
	}
}
