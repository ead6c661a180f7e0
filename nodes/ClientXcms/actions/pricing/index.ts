import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const pricingOperations = { getAll, get, create, update, delete: del };

export const pricingDescription = operationSelector({
	resource: 'pricing',
	default: 'getAll',
	operations: [
		{ value: 'create', name: 'Create', action: 'Create a pricing', description: 'Create a pricing row', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a pricing', description: 'Delete a pricing row', module: del },
		{ value: 'get', name: 'Get', action: 'Get a pricing', description: 'Get a pricing row by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many pricings', description: 'List pricing rows', module: getAll },
		{ value: 'update', name: 'Update', action: 'Update a pricing', description: 'Change prices of a pricing row', module: update },
	],
});
