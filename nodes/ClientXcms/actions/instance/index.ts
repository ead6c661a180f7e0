import { operationSelector } from '../../../shared';
import * as getHealth from './getHealth.operation';
import * as getLicense from './getLicense.operation';

export const instanceOperations = { getHealth, getLicense };

export const instanceDescription = operationSelector({
	resource: 'instance',
	default: 'getHealth',
	operations: [
		{ value: 'getHealth', name: 'Get Health', action: 'Get the health status of the instance', description: 'Check that the instance answers (needs the health ability)', module: getHealth },
		{ value: 'getLicense', name: 'Get License', action: 'Get the licence of the instance', description: 'Get the licence details cached by the instance', module: getLicense },
	],
});
