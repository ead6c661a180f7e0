import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { assertSafeKeysDeep } from '../../../shared';
import { idProperty } from '../../helpers/records';
import { recordActionItems } from '../../helpers/write';
import { product } from '../../resources';

export const description = [
	idProperty(product),
	{
		displayName: 'Config (JSON)',
		name: 'config',
		type: 'json' as const,
		default: '{}',
		required: true,
		description: "The provisioning configuration; its fields depend on the product type's module",
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// PUT /products/{id}/config
	const raw = this.getNodeParameter('config', i) as unknown;
	let config: unknown;
	try {
		config = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
	} catch {
		throw new NodeOperationError(this.getNode(), `Config (JSON) is not valid JSON (item ${i})`, { itemIndex: i });
	}
	if (!config || typeof config !== 'object' || Array.isArray(config)) {
		throw new NodeOperationError(this.getNode(), `Config (JSON) must be a JSON object (item ${i})`, {
			itemIndex: i,
			description: 'e.g. {"memory": 2048}',
		});
	}
	assertSafeKeysDeep(config, { node: this.getNode(), field: 'Config (JSON)', itemIndex: i });
	return await recordActionItems(this, i, product, { method: 'PUT', suffix: 'config', body: config as IDataObject });
}
