import {
	NodeOperationError,
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import type { OperationModule } from '../execute/run-operations';
import { readNumber } from '../values/numbers';

export interface OperationEntry {
	value: string;
	name: string;
	/** Sentence-case action shown in the nodes panel, e.g. "Get many products". */
	action: string;
	description: string;
	module: OperationModule;
}

/**
 * A resource's Operation dropdown plus every operation's own fields, each shown only for its
 * resource and operation.
 */
export function operationSelector(options: {
	resource: string;
	operations: OperationEntry[];
	default: string;
}): INodeProperties[] {
	const { resource, operations } = options;
	// The default is the caller's, which the rule cannot read from a variable.
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map(
			({ value, name, action, description }): INodePropertyOptions => ({
				name,
				value,
				action,
				description,
			}),
		),
		default: options.default,
	};
	const fields = operations.flatMap((op) =>
		updateDisplayOptions({ show: { resource: [resource], operation: [op.value] } }, op.module.description),
	);
	return [selector, ...fields];
}

/** The Resource dropdown. */
export function resourceSelector(
	resources: Array<{ name: string; value: string; description?: string }>,
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources,
		default: defaultValue,
	};
}

/** Return All + Limit (default 50), as n8n's own nodes present them. */
export function returnAllOrLimit(options: { maxLimit?: number } = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(options.maxLimit ? { maxValue: options.maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/**
 * Return All / Limit of item `itemIndex`: undefined for Return All, else a whole number of at
 * least 1. An expression giving anything else is refused naming the field and the item.
 */
export function readLimit(
	ctx: Pick<IExecuteFunctions, 'getNodeParameter' | 'getNode'>,
	itemIndex: number,
): number | undefined {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as unknown;
	if (returnAll === true || returnAll === 'true') return undefined;
	if (returnAll !== false && returnAll !== 'false') {
		throw new NodeOperationError(ctx.getNode(), `Return All on item ${itemIndex} must be true or false`, { itemIndex });
	}
	const raw = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = readNumber(raw, { node: ctx.getNode(), field: 'Limit', itemIndex });
	if (limit === undefined || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `Limit on item ${itemIndex} must be a whole number of at least 1, got ${String(raw)}`, {
			itemIndex,
		});
	}
	return limit;
}

/**
 * Typed boolean fields: n8n then reads "true"/"false" (and 1/0) given by an expression as a
 * boolean, and refuses anything else naming the field and the item, where the node would have
 * read junk as false.
 */
export function strictBooleans(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((p) => {
		if (p.type === 'boolean') return { ...p, validateType: 'boolean' };
		if (p.type === 'collection') return { ...p, options: strictBooleans(p.options as INodeProperties[]) };
		return p;
	});
}

/** The Simplify toggle, for records with more than ten fields. */
export function simplifyToggle(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
}

/** A collection of optional fields ("Additional Fields", "Filters", "Options", "Update Fields"). */
export function fieldCollection(options: {
	name: string;
	displayName: string;
	placeholder?: string;
	fields: INodeProperties[];
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'collection',
		placeholder: options.placeholder ?? 'Add Field',
		default: {},
		options: options.fields,
	};
}
