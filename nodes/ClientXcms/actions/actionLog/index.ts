import { operationSelector } from '../../../shared';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const actionLogOperations = { getAll, get };

export const actionLogDescription = operationSelector({
	resource: 'actionLog',
	default: 'getAll',
	operations: [
		{ value: 'get', name: 'Get', action: 'Get an action log entry', description: 'Get an action log entry by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many action log entries', description: 'List action log entries', module: getAll },
	],
});
