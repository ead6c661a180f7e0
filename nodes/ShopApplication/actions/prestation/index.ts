import { operationSelector } from '../../../shared';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const prestationOperations = { get, getAll };

export const prestationDescription = operationSelector({
	resource: 'prestation',
	default: 'getAll',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get a catalogue prestation',
			description: 'Get the name, descriptions, price and associated codes of a prestation',
			module: get,
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many catalogue prestations',
			description: 'List the prestation codes you can order, optionally with their details',
			module: getAll,
		},
	],
});
