import { operationSelector } from '../../../shared';
import * as del from './delete.operation';
import * as expire from './expire.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as suspend from './suspend.operation';
import * as unsuspend from './unsuspend.operation';

export const serviceOperations = { getAll, get, unsuspend, suspend, expire, delete: del };

export const serviceDescription = operationSelector({
	resource: 'service',
	default: 'getAll',
	operations: [
		{ value: 'delete', name: 'Delete', action: 'Delete a service', description: 'Remove a service from ClientXCMS (not terminated on the server)', module: del },
		{ value: 'expire', name: 'Expire', action: 'Expire a service', description: 'Expire a service (does not work on ClientXCMS 2.16 and earlier)', module: expire },
		{ value: 'get', name: 'Get', action: 'Get a service', description: 'Get a service by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many services', description: 'List services', module: getAll },
		{ value: 'suspend', name: 'Suspend', action: 'Suspend a service', description: 'Suspend a service (does not work on ClientXCMS 2.16 and earlier)', module: suspend },
		{ value: 'unsuspend', name: 'Unsuspend', action: 'Unsuspend a service', description: 'Unsuspend a service on its server', module: unsuspend },
	],
});
