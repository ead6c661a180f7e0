import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const subdomainHostOperations = { getAll, get, create, update, delete: del };

export const subdomainHostDescription = operationSelector({
	resource: 'subdomainHost',
	default: 'getAll',
	operations: [
		{ value: 'create', name: 'Create', action: 'Create a subdomain host', description: 'Create a subdomain host', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a subdomain host', description: 'Delete a subdomain host', module: del },
		{ value: 'get', name: 'Get', action: 'Get a subdomain host', description: 'Get a subdomain host by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many subdomain hosts', description: 'List subdomain hosts', module: getAll },
		{ value: 'update', name: 'Update', action: 'Update a subdomain host', description: 'Change a subdomain host (product and group lists are kept)', module: update },
	],
});
