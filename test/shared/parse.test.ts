import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { parseOrThrow, recordHash } from '../../nodes/shared';
import { node } from './fake-context';

describe('parseOrThrow()', () => {
	const schema = z.object({ customer: z.object({ email: z.string().email() }), qty: z.number().int() });

	it('returns the parsed value', () => {
		expect(parseOrThrow(schema, { customer: { email: 'a@b.co' }, qty: 2 }, { node, kind: 'input', label: 'Order' })).toEqual({
			customer: { email: 'a@b.co' },
			qty: 2,
		});
	});

	it('names every invalid field and the item for user input', () => {
		const error = (() => {
			try {
				parseOrThrow(schema, { customer: { email: 'x' }, qty: 1.5 }, { node, kind: 'input', label: 'Order', itemIndex: 4 });
			} catch (e) {
				return e as NodeOperationError;
			}
			return undefined;
		})();
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Invalid Order (item 4)');
		expect(error?.description).toContain('customer.email: Invalid email');
		expect(error?.description).toContain('qty: Expected integer, received float');
	});

	it('reports a response that does not fit as an API error', () => {
		expect(() => parseOrThrow(schema, [], { node, kind: 'response', label: 'X GET /y' })).toThrow(NodeApiError);
	});
});

describe('recordHash()', () => {
	it('ignores key order and sees any value change', () => {
		expect(recordHash({ a: 1, b: { c: 2, d: 3 } })).toBe(recordHash({ b: { d: 3, c: 2 }, a: 1 }));
		expect(recordHash({ a: 1 })).not.toBe(recordHash({ a: 2 }));
		expect(recordHash({ a: 1 })).toMatch(/^[0-9a-f]{12}$/);
	});
});
