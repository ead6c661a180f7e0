import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameterResourceLocator,
	type INodeProperties,
} from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { cleanUp } from '../../schemas/clean-up';
import { executionScope, productList } from '../../transport/product-list';
import { matchEanUpc, matchId } from './match';
import { productOptions, readProductOptions } from './options';

export const description: INodeProperties[] = [
	{
		displayName:
			'Telesto cannot read a single product: the node reads the product list once per run and shares it between items, so a run costs 1 request whatever the number of items.',
		name: 'getNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Product',
		name: 'product',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The product to get',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a product...',
				typeOptions: { searchListMethod: 'searchProducts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. a1b2c3d4',
			},
			{
				displayName: 'By EAN/UPC',
				name: 'eanUpc',
				type: 'string',
				placeholder: 'e.g. 0123456789012',
			},
		],
	},
	productOptions,
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /products (shared by the execution), then matched locally
	const locator = this.getNodeParameter('product', i) as INodeParameterResourceLocator;
	const value = String(locator.value ?? '').trim();
	const byCode = locator.mode === 'eanUpc';
	if (!value) {
		throw new NodeOperationError(
			this.getNode(),
			`Product is empty on item ${i}: enter ${byCode ? 'an EAN/UPC' : 'a product ID'}`,
			{ itemIndex: i },
		);
	}
	const options = readProductOptions(this, i);
	const products = await productList(this, {
		scope: executionScope(this),
		itemIndex: i,
		forceFresh: options.forceFresh,
	});
	const found = byCode ? matchEanUpc(products, value) : matchId(products, value);
	if (!found.length) {
		throw new NodeOperationError(
			this.getNode(),
			`No Telesto product with ${byCode ? 'EAN/UPC' : 'ID'} '${value}'`,
			{
				itemIndex: i,
				description: byCode
					? 'Check the barcode; leading zeros are ignored between UPC and EAN.'
					: 'IDs are matched exactly (case-sensitive). Pick the product from the list to be sure.',
			},
		);
	}
	return jsonItems(found.map((p) => cleanUp(p as IDataObject, options.cleanUp)));
}
