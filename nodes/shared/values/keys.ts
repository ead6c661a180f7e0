import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

/** Names that reach an object's prototype when used as a key with plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface InputPlace {
	node: INode;
	/** The field as the user sees it, e.g. "Fields" or "Body (JSON)". */
	field: string;
	itemIndex: number;
}

/** Whether user text may become an object key. */
export function isSafeKey(key: string): boolean {
	return !FORBIDDEN_KEYS.has(key);
}

function refuse(place: InputPlace, key: string): never {
	throw new NodeOperationError(place.node, `${place.field} on item ${place.itemIndex} uses the name "${key}", which is not allowed`, {
		itemIndex: place.itemIndex,
		description: '"__proto__", "constructor" and "prototype" cannot be field names: they would change how every object behaves.',
	});
}

/** Refuses a key (or a dot path's segment) that could reach a prototype. */
export function assertSafeKey(key: string, place: InputPlace): void {
	if (!isSafeKey(key)) refuse(place, key);
}

/** Refuses a forbidden key anywhere in parsed user JSON, before it is merged or sent. */
export function assertSafeKeysDeep(value: unknown, place: InputPlace, depth = 0): void {
	if (depth > 64 || !value || typeof value !== 'object') return;
	if (Array.isArray(value)) {
		for (const v of value) assertSafeKeysDeep(v, place, depth + 1);
		return;
	}
	for (const key of Object.keys(value)) {
		assertSafeKey(key, place);
		assertSafeKeysDeep((value as IDataObject)[key], place, depth + 1);
	}
}

/** `obj[key]` when `key` is the object's own, never an inherited member such as `toString`. */
export function ownValue(obj: IDataObject, key: string): IDataObject[string] | undefined {
	return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Sets an own property: even a key named `__proto__` stays data and never changes a prototype. */
export function setOwn(obj: IDataObject, key: string, value: unknown): void {
	Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const COLLECTION_LABELS: Record<string, string> = {
	options: 'Options',
	filters: 'Filters',
	additionalFields: 'Additional Fields',
	updateFields: 'Update Fields',
	conditions: 'Filter Conditions',
	fields: 'Fields',
	queryParameters: 'Query Parameters',
};

/**
 * A collection parameter (Options, Filters, Additional Fields…) as a plain object. An expression
 * may put a list or text there: a list would answer `.filter` or `.map` with Array's own
 * methods, so anything but an object is refused naming the field and the item.
 */
export function readCollection(
	ctx: { getNodeParameter(name: string, itemIndex: number, fallback?: unknown): unknown; getNode(): INode },
	name: string,
	itemIndex: number,
): IDataObject {
	const value = ctx.getNodeParameter(name, itemIndex, {});
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'object' && !Array.isArray(value)) {
		// Own data fields only: n8n fills a collection given a list by reading each option's name
		// on it, so an option named `filter` or `map` arrives holding Array's own method.
		const out: IDataObject = {};
		for (const [key, field] of Object.entries(value)) if (typeof field !== 'function') setOwn(out, key, field);
		return out;
	}
	const label = COLLECTION_LABELS[name] ?? name;
	throw new NodeOperationError(ctx.getNode(), `${label} on item ${itemIndex} must be a set of fields, got ${Array.isArray(value) ? 'a list' : typeof value}`, {
		itemIndex,
		description: `Add the fields in "${label}" one by one, or make the expression give an object such as {"name": "value"}.`,
	});
}
