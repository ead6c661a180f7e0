import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared';
import {
	interfaceDetailsSchema,
	keyListSchema,
	occurrenceListSchema,
	type Occurrence,
} from '../schemas';
import { segment, send, statusLabel } from './index';

/** GET /interfaces */
export async function listInterfaceKeys(ctx: RequestContext, itemIndex?: number): Promise<string[]> {
	return await send(ctx, { method: 'GET', path: '/interfaces', schema: keyListSchema, itemIndex });
}

/** GET /interfaces/{key}, as `{ key, …details, status_label }`. */
export async function getInterface(ctx: RequestContext, key: string, itemIndex?: number): Promise<IDataObject> {
	const details = await send(ctx, {
		method: 'GET',
		path: `/interfaces/${segment(key)}`,
		schema: interfaceDetailsSchema,
		itemIndex,
	});
	return { key, ...details, status_label: statusLabel(details.statut) } as IDataObject;
}

/** GET /interfaces/{key}/prestations (a code appears once per occurrence). */
export async function listInterfacePrestations(
	ctx: RequestContext,
	key: string,
	itemIndex?: number,
): Promise<string[]> {
	return await send(ctx, {
		method: 'GET',
		path: `/interfaces/${segment(key)}/prestations`,
		schema: keyListSchema,
		itemIndex,
	});
}

/** GET /interfaces/{key}/prestations/{code}: every occurrence, `key` added. */
export async function getInterfacePrestation(
	ctx: RequestContext,
	key: string,
	code: string,
	itemIndex?: number,
): Promise<Array<Occurrence & { key: string }>> {
	const list = await send<Occurrence[]>(ctx, {
		method: 'GET',
		path: `/interfaces/${segment(key)}/prestations/${segment(code)}`,
		schema: occurrenceListSchema,
		itemIndex,
	});
	return list.map((o) => ({ key, ...o }));
}
