import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getConfig from './getConfig.operation';
import * as update from './update.operation';
import * as updateConfig from './updateConfig.operation';

export const productOperations = { getAll, get, create, update, delete: del, getConfig, updateConfig };

export const productDescription = operationSelector({
	resource: 'product',
	default: 'getAll',
	operations: [
		{ value: 'create', name: 'Create', action: 'Create a product', description: 'Create a product, optionally with a price', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a product', description: 'Delete a product and its pricing', module: del },
		{ value: 'get', name: 'Get', action: 'Get a product', description: 'Get a product by ID', module: get },
		{ value: 'getConfig', name: 'Get Config', action: 'Get the provisioning config of a product', description: 'Get the provisioning configuration of a product', module: getConfig },
		{ value: 'getAll', name: 'Get Many', action: 'Get many products', description: 'List products', module: getAll },
		{ value: 'update', name: 'Update', action: 'Update a product', description: 'Change fields of a product', module: update },
		{ value: 'updateConfig', name: 'Update Config', action: 'Update the provisioning config of a product', description: 'Replace the provisioning configuration of a product', module: updateConfig },
	],
});
