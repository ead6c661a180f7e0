import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { jsonItems, runOperations, type OperationRegistry } from '../../nodes/shared';
import { node } from './fake-context';

function context(items: IDataObject[], params: (name: string, i: number) => unknown, continueOnFail = false) {
	return {
		getInputData: () => items.map((json) => ({ json })),
		getNodeParameter: params,
		getNode: () => node,
		continueOnFail: () => continueOnFail,
		helpers: {
			constructExecutionMetaData: (data: Array<{ json: IDataObject }>, { itemData }: { itemData: { item: number } }) =>
				data.map((d) => ({ ...d, pairedItem: itemData })),
		},
	} as unknown as IExecuteFunctions;
}

const echo: OperationRegistry = {
	thing: {
		get: {
			description: [],
			async execute(this: IExecuteFunctions, i: number) {
				const id = this.getNodeParameter('id', i) as string;
				if (id === 'bad') throw new NodeOperationError(this.getNode(), `Bad ID on item ${i}`);
				if (id === 'api') throw new NodeApiError(this.getNode(), { message: 'Gone' }, { message: 'Gone', httpCode: '410' });
				if (id === 'raw') throw new Error('boom');
				return jsonItems([{ id }, { id: `${id}-copy` }]);
			},
		},
	},
};

const params = (ids: string[]) => (name: string, i: number) =>
	({ resource: 'thing', operation: 'get', id: ids[i] })[name];

describe('runOperations()', () => {
	it('reads parameters per item and pairs every output item with its input', async () => {
		const out = await runOperations(context([{}, {}], params(['a', 'b'])), echo);
		expect(out).toEqual([
			[
				{ json: { id: 'a' }, pairedItem: { item: 0 } },
				{ json: { id: 'a-copy' }, pairedItem: { item: 0 } },
				{ json: { id: 'b' }, pairedItem: { item: 1 } },
				{ json: { id: 'b-copy' }, pairedItem: { item: 1 } },
			],
		]);
	});

	it('stops on the first failure, naming its item', async () => {
		const error = await runOperations(context([{}, {}], params(['a', 'bad'])), echo).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Bad ID on item 1');
		expect(error.context.itemIndex).toBe(1);
	});

	it('wraps an unexpected error in a NodeOperationError with the item', async () => {
		const error = await runOperations(context([{}], params(['raw'])), echo).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('boom');
		expect(error.context.itemIndex).toBe(0);
	});

	it('with Continue On Fail emits an error item per failure and goes on', async () => {
		const out = await runOperations(context([{}, {}, {}], params(['bad', 'api', 'c']), true), echo);
		expect(out[0]).toEqual([
			{ json: { error: { message: 'Bad ID on item 0' } }, pairedItem: { item: 0 } },
			{ json: { error: { message: 'Gone', httpCode: '410' } }, pairedItem: { item: 1 } },
			{ json: { id: 'c' }, pairedItem: { item: 2 } },
			{ json: { id: 'c-copy' }, pairedItem: { item: 2 } },
		]);
	});

	it('rejects an unknown resource/operation pair clearly', async () => {
		const error = await runOperations(
			context([{}], (name) => ({ resource: 'thing', operation: 'explode' })[name]),
			echo,
		).catch((e) => e);
		expect(error.message).toBe('The operation "explode" is not known for the resource "thing"');
	});

	it('calls beforeItems once with the indexes of the items an operation handles', async () => {
		const beforeItems = jest.fn(async () => {});
		const registry: OperationRegistry = { thing: { get: { ...echo.thing.get, beforeItems } } };
		await runOperations(context([{}, {}, {}], params(['a', 'b', 'c'])), registry);
		expect(beforeItems).toHaveBeenCalledTimes(1);
		expect(beforeItems).toHaveBeenCalledWith([0, 1, 2]);
	});

	it('groups items in linear work: no copy of the growing group per item', async () => {
		const n = 3000;
		let seen: number[] = [];
		const registry: OperationRegistry = {
			thing: {
				get: {
					description: [],
					beforeItems: async (indexes) => {
						seen = indexes;
					},
					execute: async () => [],
				},
			},
		};
		const items = Array.from({ length: n }, () => ({}));
		// Work counted, not timed: every element an array spread or for…of visits is one next().
		const original = Array.prototype[Symbol.iterator];
		let steps = 0;
		Array.prototype[Symbol.iterator] = function counted(this: unknown[]) {
			const inner = original.call(this);
			return {
				next: () => {
					steps++;
					return inner.next();
				},
				[Symbol.iterator]() {
					return this;
				},
			} as unknown as ArrayIterator<unknown>;
		};
		try {
			await runOperations(context(items, (name) => ({ resource: 'thing', operation: 'get' })[name]), registry);
		} finally {
			Array.prototype[Symbol.iterator] = original;
		}
		expect(seen).toHaveLength(n);
		expect(seen[n - 1]).toBe(n - 1);
		// Copying the group per item visits n²/2 elements (4.5 million here).
		expect(steps).toBeLessThan(10 * n);
	});
});
