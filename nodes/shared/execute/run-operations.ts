import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

/** One operation: its UI fields and what it does for one input item. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
	/**
	 * Runs once before the item loop with the indexes of the items this operation will handle,
	 * for checks that concern the run as a whole (request budgets).
	 */
	beforeItems?(this: IExecuteFunctions, itemIndexes: number[]): Promise<void>;
}

export type OperationRegistry = Record<string, Record<string, OperationModule>>;

/** Plain API data to n8n items (an array becomes one item per element). */
export function jsonItems(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}

function lookup(
	ctx: IExecuteFunctions,
	registry: OperationRegistry,
	itemIndex: number,
): OperationModule {
	const resource = ctx.getNodeParameter('resource', itemIndex) as string;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const op = registry[resource]?.[operation];
	if (!op) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not known for the resource "${resource}"`,
			{ itemIndex, description: 'Pick the resource and operation again in the node.' },
		);
	}
	return op;
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * A failed item as n8n routes it to the error output of "Continue (using error output)": n8n
 * 1.x takes an item whose json holds `error` alone (or `error` and `message`), n8n 2.x one whose
 * keys are among `error`, `message`, `details`. So the message, the hint and the status travel
 * inside the `error` value, as n8n's HTTP Request node does.
 */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const value: IDataObject = { message: errorMessage(error) };
	// n8n's own errors (a field refused by its type check is an ExpressionError) carry a description too.
	const description = (error as { description?: unknown } | undefined)?.description;
	if (typeof description === 'string' && description) value.description = description;
	if (error instanceof NodeApiError && error.httpCode) value.httpCode = error.httpCode;
	return { json: { error: value }, pairedItem: { item: itemIndex } };
}

/**
 * The node's item loop: reads resource and operation per item, dispatches, pairs every output
 * item with its input, and with Continue On Fail turns a failure into an `errorItem`.
 */
export async function runOperations(
	ctx: IExecuteFunctions,
	registry: OperationRegistry,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	const resolved: Array<OperationModule | Error> = items.map((_, i) => {
		try {
			return lookup(ctx, registry, i);
		} catch (error) {
			return error as Error;
		}
	});

	const groups = new Map<OperationModule, number[]>();
	resolved.forEach((op, i) => {
		if (op instanceof Error) return;
		const indexes = groups.get(op);
		if (indexes) indexes.push(i);
		else groups.set(op, [i]);
	});
	for (const [op, indexes] of groups) await op.beforeItems?.call(ctx, indexes);

	for (let i = 0; i < items.length; i++) {
		try {
			const op = resolved[i];
			if (op instanceof Error) throw op;
			const result = await op.execute.call(ctx, i);
			// One loop instead of a spread: a spread of a large result can exceed the call stack.
			for (const item of ctx.helpers.constructExecutionMetaData(result, { itemData: { item: i } })) {
				out.push(item);
			}
		} catch (error) {
			if (ctx.continueOnFail()) {
				out.push(errorItem(error, i));
				continue;
			}
			if (error instanceof NodeApiError) {
				error.context.itemIndex ??= i;
				// Given a NodeApiError, the constructor hands back that same error.
				throw new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
			}
			if (error instanceof NodeOperationError) error.context.itemIndex ??= i;
			// Given a NodeOperationError, the constructor hands back that same error.
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
		}
	}
	return [out];
}
