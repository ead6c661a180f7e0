import { z } from 'zod';

const text = z.union([z.string(), z.number()]).transform(String);

/**
 * §7: lists are bare JSON arrays of strings; should one ever be an object, its first
 * array-valued property is used.
 */
function listOf<T extends z.ZodTypeAny>(element: T, what: string) {
	return z
		.unknown()
		.transform((body, ctx) => {
			if (Array.isArray(body)) return body;
			if (body && typeof body === 'object') {
				const first = Object.values(body as Record<string, unknown>).find(Array.isArray);
				if (first) return first;
			}
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `expected a list of ${what}, got ${(JSON.stringify(body) ?? String(body)).slice(0, 200)}`,
			});
			return z.NEVER;
		})
		.pipe(z.array(element));
}

export const keyListSchema = listOf(text, 'keys or codes');

/** §5.2: `statut` is always sent (unknown keys pass through; the package adds `key` and `status_label`). */
export const interfaceDetailsSchema = z.object({ statut: z.union([z.number(), z.string()]) }).passthrough();
export type InterfaceDetails = z.infer<typeof interfaceDetailsSchema>;

/** §5.7 / §5.8 / §5.9 elements. */
export const occurrenceSchema = z
	.object({
		code: text,
		reference_unique: text,
		resilie: z.union([z.boolean(), z.number(), z.string()]).optional(),
	})
	.passthrough();
export type Occurrence = z.infer<typeof occurrenceSchema>;

/** An array, or a single object read as a one-element array. */
export const occurrenceListSchema = z
	.unknown()
	.transform((body) => (Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : body))
	.pipe(z.array(occurrenceSchema));

/** §5.11 */
export const catalogueDetailSchema = z
	.object({
		code: text.optional(),
		nom: z.string().optional(),
		prix: z.union([z.number(), z.string()]).optional(),
		prestations_associees: z
			.union([z.array(text), z.string(), z.null()])
			.optional()
			.transform((v) =>
				Array.isArray(v) ? v : typeof v === 'string' && v.trim() ? v.split(',').map((s) => s.trim()) : [],
			),
	})
	.passthrough();
export type CatalogueDetail = z.infer<typeof catalogueDetailSchema>;

/** §5.3 */
export const createResponseSchema = z.object({ sa_key: text }).passthrough();

/** §5.4: the date the deletion is scheduled for. */
export const deletionSchema = z.object({ date_suppression: z.string() }).passthrough();

/** §5.5 */
export const reactivationSchema = z.object({ date_reactivation: z.string() }).passthrough();

/** `resilie` as a boolean, whatever its JSON type. */
export function isTerminated(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}
