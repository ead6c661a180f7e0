import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as reactivate from './reactivate.operation';

export const interfaceOperations = { create, delete: del, get, getAll, reactivate };

export const interfaceDescription = operationSelector({
	resource: 'interface',
	default: 'getAll',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Order a new interface',
			description: 'Order a new site with its prestations (never retried automatically)',
			module: create,
		},
		{ value: 'get', name: 'Get', action: 'Get an interface by its key', description: 'Get the status, dates and URLs of an interface', module: get },
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many interfaces',
			description: 'List the keys of your interfaces, optionally with their details',
			module: getAll,
		},
		{
			value: 'reactivate',
			name: 'Reactivate',
			action: 'Reactivate an interface',
			description: 'Cancel a deletion request before the deletion date',
			module: reactivate,
		},
		{
			value: 'delete',
			name: 'Request Deletion',
			action: 'Request deletion of an interface',
			description: 'Ask for the deletion of an interface (deferred 90 days, reversible until then)',
			module: del,
		},
	],
});
