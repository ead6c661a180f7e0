import assert from 'node:assert/strict';

import type { E2eCase } from '../types';

/**
 * One node with "On Error: Continue (using error output)" whose only item fails: n8n must route
 * it to the error output (the second), with the API's message inside `error`.
 */
export function errorOutputCase(options: {
	node: string;
	parameters: Record<string, unknown>;
	message: RegExp;
	httpCode?: string;
}): E2eCase {
	return {
		name: 'A failed item reaches the error output',
		steps: [
			{
				node: options.node,
				parameters: options.parameters,
				onError: 'continueErrorOutput',
				expectOutputs: (outputs) => {
					assert.equal(outputs.length, 2, 'a success and an error output');
					assert.deepEqual(outputs[0], [], 'nothing on the success output');
					assert.equal(outputs[1].length, 1, 'the failed item on the error output');
					const error = outputs[1][0].error as Record<string, unknown>;
					assert.match(String(error?.message), options.message);
					if (options.httpCode) assert.equal(error.httpCode, options.httpCode);
				},
			},
		],
	};
}
