import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';
import type { ZodError, ZodType } from 'zod';

export interface ParseOptions {
	node: INode;
	/** `input`: the user's parameters (NodeOperationError); `response`: what the API sent (NodeApiError). */
	kind: 'input' | 'response';
	/** Names what was parsed: a field label or the API route. */
	label: string;
	itemIndex?: number;
}

/** One line per problem, each with its path: "customer.email: Invalid email". */
export function describeZodError(error: ZodError): string[] {
	return error.issues.map((issue) => {
		const path = issue.path.join('.');
		return path ? `${path}: ${issue.message}` : issue.message;
	});
}

/**
 * Validates with zod and turns a failure into the n8n error a user can act on, naming the field
 * (or route) and the item.
 */
export function parseOrThrow<T>(schema: ZodType<T>, value: unknown, options: ParseOptions): T {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const problems = describeZodError(result.error);
	const itemText = options.itemIndex !== undefined ? ` (item ${options.itemIndex})` : '';
	if (options.kind === 'input') {
		throw new NodeOperationError(options.node, `Invalid ${options.label}${itemText}`, {
			description: problems.join('\n'),
			itemIndex: options.itemIndex,
		});
	}
	throw new NodeApiError(
		options.node,
		{ problems: problems.slice(0, 20).join('; ') },
		{
			message: `Unexpected response from ${options.label}${itemText}`,
			description: `The answer did not have the expected shape: ${problems.slice(0, 5).join('; ')}`,
			itemIndex: options.itemIndex,
		},
	);
}
