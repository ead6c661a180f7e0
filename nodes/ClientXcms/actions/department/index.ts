import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const departmentOperations = { getAll, get, create, update, delete: del };

export const departmentDescription = operationSelector({
	resource: 'department',
	default: 'getAll',
	operations: [
		{ value: 'create', name: 'Create', action: 'Create a support department', description: 'Create a support department', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a support department', description: 'Delete a support department without tickets', module: del },
		{ value: 'get', name: 'Get', action: 'Get a support department', description: 'Get a support department by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many support departments', description: 'List support departments', module: getAll },
		{ value: 'update', name: 'Update', action: 'Update a support department', description: 'Change fields of a support department', module: update },
	],
});
