import { z } from 'zod';

/** A Telesto product as sent: every value a string ("" for empty), unknown keys kept. */
export const productSchema = z
	.object({
		id: z.union([z.string(), z.number()]).transform(String),
		name: z.string().optional(),
		ean_upc: z.union([z.string(), z.number()]).transform(String).optional(),
		stock_onhand: z.union([z.string(), z.number()]).optional(),
		created: z.string().optional(),
	})
	.passthrough();

export type Product = z.infer<typeof productSchema>;

const ARRAY_KEYS = ['data', 'products', 'items'] as const;

/**
 * `/products` answers a bare array; should Telesto wrap it, the first of `data`, `products`,
 * `items` holding an array is used.
 */
export const productListSchema = z
	.unknown()
	.transform((body, ctx) => {
		if (Array.isArray(body)) return body;
		if (body && typeof body === 'object') {
			for (const key of ARRAY_KEYS) {
				const value = (body as Record<string, unknown>)[key];
				if (Array.isArray(value)) return value;
			}
		}
		const text = typeof body === 'string' ? body : JSON.stringify(body) ?? '';
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `Telesto returned an unexpected response for /products: ${text.slice(0, 200)}`,
		});
		return z.NEVER;
	})
	.pipe(z.array(productSchema));
