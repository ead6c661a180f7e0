import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAnalytics from './getAnalytics.operation';
import * as update from './update.operation';

export const cancellationReasonOperations = { getAll, get, create, update, delete: del, getAnalytics };

export const cancellationReasonDescription = operationSelector({
	resource: 'cancellationReason',
	default: 'getAll',
	operations: [
		{ value: 'create', name: 'Create', action: 'Create a cancellation reason', description: 'Create a cancellation reason', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a cancellation reason', description: 'Delete a cancellation reason', module: del },
		{ value: 'get', name: 'Get', action: 'Get a cancellation reason', description: 'Get a cancellation reason by ID', module: get },
		{ value: 'getAnalytics', name: 'Get Analytics', action: 'Get cancellation analytics', description: 'Count cancellations per reason over a period', module: getAnalytics },
		{ value: 'getAll', name: 'Get Many', action: 'Get many cancellation reasons', description: 'List cancellation reasons', module: getAll },
		{ value: 'update', name: 'Update', action: 'Update a cancellation reason', description: 'Change a cancellation reason', module: update },
	],
});
