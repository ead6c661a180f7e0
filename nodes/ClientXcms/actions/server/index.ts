import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as testConnection from './testConnection.operation';
import * as update from './update.operation';

export const serverOperations = { getAll, get, create, update, delete: del, testConnection };

export const serverDescription = operationSelector({
	resource: 'server',
	default: 'getAll',
	operations: [
		{ value: 'create', name: 'Create', action: 'Create a server', description: 'Add a provisioning server', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a server', description: 'Delete a provisioning server', module: del },
		{ value: 'get', name: 'Get', action: 'Get a server', description: 'Get a provisioning server by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many servers', description: 'List provisioning servers', module: getAll },
		{ value: 'testConnection', name: 'Test Connection', action: 'Test a server connection', description: 'Test connection settings (broken on ClientXCMS 2.16 and earlier)', module: testConnection },
		{ value: 'update', name: 'Update', action: 'Update a server', description: 'Change fields of a provisioning server', module: update },
	],
});
