import { operationSelector } from '../../../shared';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const productOperations = { get, getAll };

export const productDescription = operationSelector({
	resource: 'product',
	default: 'getAll',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get a product by ID or EAN/UPC',
			description: 'Get a product by ID or EAN/UPC',
			module: get,
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many products',
			description: 'Get products, filtered by name, barcode, stock or creation date',
			module: getAll,
		},
	],
});
