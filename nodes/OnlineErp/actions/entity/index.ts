import { operationSelector } from '../../../shared';
import { RESOURCE } from '../common';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const entityOperations = { getAll, get, create, update, delete: del };

/** [Operation dropdown, every operation's fields]: the node puts the entity picker between them. */
export const [entityOperationSelector, ...entityOperationFields] = operationSelector({
	resource: RESOURCE,
	default: 'getAll',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a record',
			description: 'Create a record (fails if it already exists, by default)',
			module: create,
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a record',
			description: 'Delete a record, where the ERP allows it',
			module: del,
		},
		{ value: 'get', name: 'Get', action: 'Get a record by its key', description: 'Get a record by its key', module: get },
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many records',
			description: 'Get records, with a filter, selected fields and sort order',
			module: getAll,
		},
		{ value: 'update', name: 'Update', action: 'Update a record', description: 'Update a record', module: update },
	],
});
