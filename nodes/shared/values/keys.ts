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
