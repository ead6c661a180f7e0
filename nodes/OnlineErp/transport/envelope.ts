import type { IDataObject } from 'n8n-workflow';

function asItem(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : { value: value as IDataObject[string] };
}

/**
 * A list answer as records: a bare array, or the array under `value` (OData habit, `@odata.*`
 * keys dropped), or any other object as one record. An empty body is an empty list.
 */
export function readList(body: unknown): IDataObject[] {
	if (body === undefined || body === null || body === '') return [];
	if (Array.isArray(body)) return body.map(asItem);
	if (typeof body === 'object') {
		const value = (body as IDataObject).value;
		if (Array.isArray(value)) return value.map(asItem);
		return [body as IDataObject];
	}
	return [{ data: String(body) }];
}

/** A write answer as items: the body as returned, or a success item when the body is empty. */
export function readWriteResult(body: unknown, fallback: IDataObject): IDataObject[] {
	if (body === undefined || body === null || body === '') return [fallback];
	if (typeof body === 'string') return [{ data: body }];
	if (Array.isArray(body)) return body.length ? body.map(asItem) : [fallback];
	const value = (body as IDataObject).value;
	if (Array.isArray(value)) return value.length ? value.map(asItem) : [fallback];
	return [body as IDataObject];
}

/** The created record's key from a `Location` header, when the hub sends one. */
export function idFromLocation(headers: Record<string, string>): string | undefined {
	const location = headers.location;
	if (!location) return undefined;
	const last = location.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop();
	return last ? decodeURIComponent(last) : undefined;
}
