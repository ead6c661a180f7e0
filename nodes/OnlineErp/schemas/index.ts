import { z, type ZodType } from 'zod';

import type { HttpMethod } from '../../shared';

/** A record as the connector returns it: an object whose fields differ per ERP (all pass). */
export const recordSchema = z.object({}).passthrough();

/**
 * A list or one record (spec §7): a bare array of records, the array under `value` (OData
 * habit), or a single record object. An empty body is not among them: "no match" is `[]`.
 */
export const recordsSchema = z.union([
	z.array(recordSchema),
	z.object({ value: z.array(recordSchema) }).passthrough(),
	recordSchema,
]);

/**
 * A write answers the record(s) written, nothing (200/201/204 with an empty body), or a line of
 * text (spec §7: kept as `data`).
 */
export const writeAnswerSchema = z.union([z.undefined(), z.null(), recordsSchema, z.string()]);

/** What the transport checks every answer against, by method. */
export function onlineErpResponseSchema(method: HttpMethod): ZodType {
	return method === 'GET' ? recordsSchema : writeAnswerSchema;
}
