import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const groupOperations = { getAll, get, create, update, delete: del };

export const groupDescription = operationSelector({
	resource: 'group',
	default: 'getAll',
	operations: [
		{ value: 'create', name: 'Create', action: 'Create a product group', description: 'Create a product group', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a product group', description: 'Delete an empty product group', module: del },
		{ value: 'get', name: 'Get', action: 'Get a product group', description: 'Get a product group by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many product groups', description: 'List product groups', module: getAll },
		{ value: 'update', name: 'Update', action: 'Update a product group', description: 'Change fields of a product group (the others are kept)', module: update },
	],
});
