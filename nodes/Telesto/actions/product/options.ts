import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCollection } from '../../../shared';
import { cleanUpFields } from '../../descriptions/clean-up';
import { parseNumericFields, type CleanUpOptions } from '../../schemas/clean-up';

export { cleanUpFields };

export const productOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		...cleanUpFields,
		{
			displayName: 'Force Fresh List',
			name: 'forceFresh',
			type: 'boolean',
			default: false,
			description:
				'Whether to fetch the product list again instead of reusing the one already fetched in this execution. Each fetch spends 1 of the 100 requests per hour.',
		},
	],
};

export interface ProductOptions {
	cleanUp: CleanUpOptions;
	forceFresh: boolean;
}

export function readProductOptions(ctx: IExecuteFunctions, itemIndex: number): ProductOptions {
	const options = readCollection(ctx, 'options', itemIndex) as {
		cleanUp?: boolean;
		numericFields?: string;
		forceFresh?: boolean;
	};
	return {
		cleanUp: {
			enabled: options.cleanUp ?? true,
			numericFields: parseNumericFields(options.numericFields),
		},
		forceFresh: options.forceFresh ?? false,
	};
}
