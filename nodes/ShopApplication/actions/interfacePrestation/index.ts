import { operationSelector } from '../../../shared';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as terminate from './terminate.operation';

export const interfacePrestationOperations = { add, get, getAll, terminate };

export const interfacePrestationDescription = operationSelector({
	resource: 'interfacePrestation',
	default: 'getAll',
	operations: [
		{
			value: 'add',
			name: 'Add',
			action: 'Add prestations to an interface',
			description: 'Order extra prestations for an existing interface (never retried automatically)',
			module: add,
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a prestation of an interface',
			description: 'Get every occurrence of one prestation on an interface',
			module: get,
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many prestations of an interface',
			description: 'List the prestation codes on an interface, optionally with their occurrences',
			module: getAll,
		},
		{
			value: 'terminate',
			name: 'Terminate',
			action: 'Terminate a prestation of an interface',
			description: 'Terminate one occurrence (by unique reference) or all occurrences (by code)',
			module: terminate,
		},
	],
});
