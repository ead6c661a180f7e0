import { z, type ZodType } from 'zod';

import type { HttpMethod } from '../../shared';
import { matchRoute } from '../routes';

/** Every ClientXCMS record has an id (numbers; a few routes show uuids); other keys pass through. */
export const recordSchema = z.object({ id: z.union([z.number(), z.string().min(1)]) }).passthrough();

const records = z.array(recordSchema);

/** Envelope A (customers, services, invoices): `data` and `links.next` are what paging reads. */
export const pageASchema = z
	.object({ data: records, links: z.object({ next: z.string().nullable().optional() }).passthrough() })
	.passthrough();

/** Envelope B (every other list and the one-item pages of "get one"). */
export const pageBSchema = z.object({ data: records, next_page_url: z.string().nullable() }).passthrough();

/** `{"message": "…"}`: deletions of message-answering resources, e-mail actions, ticket closing. */
export const messageSchema = z.object({ message: z.string() }).passthrough();

const messageWith = (key: string) => messageSchema.extend({ [key]: recordSchema });

/** 204 with an empty body (invoices, departments); a message is accepted too. */
const emptyOrMessage = z.union([z.undefined(), messageSchema]);

/** Service suspend / expire / unsuspend: the service and the module's result. */
export const statusChangeSchema = z
	.object({ data: recordSchema, result: z.union([z.array(z.unknown()), z.object({}).passthrough()]) })
	.passthrough();

/** `POST /servers/test` (unreachable on 2.16, where `POST /servers/{server}` captures it). */
export const connectionTestSchema = z.object({ success: z.boolean() }).passthrough();

const statusSchema = z.object({ status: z.string() }).passthrough();

const object = z.object({}).passthrough();

const pageA = ['customers', 'services', 'invoices'];

/** The documented answer of each route (§7 of the reference), by `METHOD /path` template. */
const RESPONSES: Record<string, ZodType> = {
	'GET /health': statusSchema,
	'GET /license': statusSchema,
	'POST /customers/{customer}/resend_confirmation': messageSchema,
	'POST /customers/{customer}/send_password': messageSchema,
	'POST /customers/{customer}/confirm': recordSchema,
	'POST /customers/{customer}/action/{action}': recordSchema,
	'DELETE /customers/{customer}': messageSchema,
	'GET /customers/{customer}': recordSchema,
	'GET /pricings/{pricing}': recordSchema,
	'GET /cancellation_reasons/{cancellation_reason}': recordSchema,
	'GET /groups/{product}': object,
	'GET /products/{product}/config': object,
	'PUT /products/{product}/config': messageSchema.extend({ config: object }),
	'DELETE /products/{product}': recordSchema,
	'DELETE /groups/{group}': recordSchema,
	'DELETE /pricings/{pricing}': recordSchema,
	'DELETE /services/{service}': recordSchema,
	'DELETE /invoices/{invoice}': emptyOrMessage,
	'DELETE /departments/{department}': emptyOrMessage,
	'DELETE /tickets/{ticket}': messageSchema,
	'DELETE /coupons/{coupon}': messageSchema,
	'DELETE /servers/{server}': messageSchema,
	'DELETE /subdomains/{subdomain}': messageSchema,
	'DELETE /cancellation_reasons/{cancellation_reason}': messageSchema,
	'POST /services/{service}/expire': statusChangeSchema,
	'POST /services/{service}/suspend': statusChangeSchema,
	'POST /services/{service}/unsuspend': statusChangeSchema,
	'GET /invoices/{invoice}/notify': messageWith('invoice'),
	'POST /invoices/{invoice}/validate': messageWith('invoice'),
	'POST /invoices/{invoice}/edit': messageWith('invoice'),
	'POST /tickets/{ticket}/reply': messageWith('ticket'),
	'POST /tickets/{ticket}/close': messageWith('ticket'),
	'POST /tickets/{ticket}/reopen': messageWith('ticket'),
	'GET /cancellation_reasons_analytics': z
		.object({ total_cancellations: z.number(), distribution: z.array(object) })
		.passthrough(),
};

/**
 * The schema of the answer Laravel's route for this request documents: the table above, else
 * by the route's form (list → its envelope, one-item page, created or updated record).
 * Undefined for file downloads.
 */
export function responseSchemaFor(method: HttpMethod, path: string): ZodType | undefined {
	const route = matchRoute(method, path);
	if (!route) return undefined;
	const key = `${route.method} ${route.path}`;
	if (RESPONSES[key]) return RESPONSES[key];
	const [, resource, id, action] = route.path.split('/');
	if (action) return undefined;
	if (method === 'GET') return pageA.includes(resource) ? (id ? pageBSchema : pageASchema) : pageBSchema;
	return recordSchema;
}
