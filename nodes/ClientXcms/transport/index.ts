import { ApplicationError, type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';

import { backoffPolicy, type ApiProfile, type ErrorDetails } from '../../shared';
import { abilityFor } from '../routes';
import { pacingGate } from './pacing';

export const DEFAULT_INSTANCE_TIMEZONE = 'Europe/Paris';

/** `<instance>/api/application`, from what the user pasted; plain HTTP only when allowed. */
export function clientXcmsBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.instanceUrl ?? '').trim();
	const instance = raw.replace(/\/+$/, '').replace(/\/api(\/application)?$/i, '').replace(/\/+$/, '');
	if (!/^https?:\/\//i.test(instance)) {
		throw new ApplicationError(
			`The ClientXCMS Instance URL "${raw}" must start with https:// (e.g. https://billing.example.com)`,
		);
	}
	if (/^http:\/\//i.test(instance) && credentials.allowHttp !== true) {
		throw new ApplicationError(
			'The ClientXCMS Instance URL uses plain http://. Use https://, or tick "Allow Plain HTTP" in the credential if this is a private test instance.',
		);
	}
	return `${instance}/api/application`;
}

/** The credential's Instance Time Zone (ClientXCMS stores local Europe/Paris wall-clock times). */
export function instanceTimezone(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.timezone ?? '').trim() || DEFAULT_INSTANCE_TIMEZONE;
}

const RESOURCE_NAMES: Record<string, string> = {
	customers: 'customer',
	products: 'product',
	groups: 'product group',
	pricings: 'pricing',
	services: 'service',
	invoices: 'invoice',
	departments: 'support department',
	tickets: 'support ticket',
	coupons: 'coupon',
	servers: 'server',
	logs: 'action log entry',
	subdomains: 'subdomain host',
	cancellation_reasons: 'cancellation reason',
};

function bodyObject(details: ErrorDetails): IDataObject {
	const b = details.body;
	return b && typeof b === 'object' && !Array.isArray(b) && !Buffer.isBuffer(b) ? (b as IDataObject) : {};
}

function vendorMessage(details: ErrorDetails): string | undefined {
	const body = bodyObject(details);
	for (const key of ['message', 'error'] as const) {
		const v = body[key];
		if (typeof v === 'string' && v.trim()) return v.trim();
	}
	return undefined;
}

/** `field: message` lines of a Laravel 422 `errors` object. */
export function validationLines(body: unknown): string[] {
	const errors = (body as IDataObject | undefined)?.errors;
	if (!errors || typeof errors !== 'object') return [];
	return Object.entries(errors as Record<string, unknown>).flatMap(([field, messages]) =>
		(Array.isArray(messages) ? messages : [messages]).map((m) => `${field}: ${String(m)}`),
	);
}

function notFoundText(path: string): string | undefined {
	const [, resource, id] = path.split('?')[0].split('/');
	const name = RESOURCE_NAMES[resource];
	return name && id ? `No ${name} with ID ${decodeURIComponent(id)}` : undefined;
}

/**
 * A refusal's details beyond its message: the other key (`error` next to `message`) and, for a
 * blocked customer deletion, what blocks it.
 */
function refusalDetails(details: ErrorDetails): string | undefined {
	const body = bodyObject(details);
	const lines: string[] = [];
	const other = typeof body.error === 'string' ? body.error.trim() : '';
	if (other && other !== vendorMessage(details)) lines.push(other);
	const reasons = body.blocking_reasons;
	if (reasons && typeof reasons === 'object' && !Array.isArray(reasons)) {
		for (const [key, value] of Object.entries(reasons as IDataObject)) {
			const reason = (value ?? {}) as IDataObject;
			const list = (reason.services ?? reason.invoices) as IDataObject | undefined;
			const names = list && typeof list === 'object' ? Object.entries(list).map(([id, name]) => `#${id} ${String(name)}`) : [];
			lines.push(`${key.replace(/_/g, ' ')}: ${String(reason.count ?? names.length)}${names.length ? ` (${names.join(', ')})` : ''}`);
		}
		lines.push('Turn on Force to delete the customer anyway, or settle these first.');
	}
	return lines.length ? lines.join('\n') : undefined;
}

const UNKNOWN_ROUTE = /could not be found/i;
const FILTER_REFUSED = /^Requested (filter|sort|include)/i;

export const clientXcmsProfile: ApiProfile = {
	displayName: 'ClientXCMS',
	credentialType: 'clientXcmsApi',
	baseUrl: clientXcmsBaseUrl,
	headers: { Accept: 'application/json' },
	timeoutMs: 60_000,
	// 429: the throttle runs before the controller, so the request did nothing and any method may
	// be repeated after Retry-After. 502/504/network: GETs only (GET /invoices/{id}/notify is
	// marked non-idempotent by its operation). 500 is a deterministic bug here, not retried.
	retry: backoffPolicy({
		retries: 2,
		baseDelayMs: 1000,
		maxDelayMs: 8000,
		statuses: [502, 504],
		on429: 'always',
		maxRetryAfterMs: 60_000,
	}),
	errorMessage(details) {
		const { status } = details;
		const own = vendorMessage(details);
		switch (status) {
			case 401:
				return 'ClientXCMS rejected the API key (401 Unauthenticated)';
			case 403:
				if (own === 'Invalid ability provided.') {
					const ability = abilityFor(details.method, details.path);
					return `The API key lacks the permission \`${ability ?? 'unknown'}\``;
				}
				return own;
			case 404:
				if (own && UNKNOWN_ROUTE.test(own)) return 'This ClientXCMS instance does not offer this operation';
				if (/\/config$/.test(details.path) && (details.body === null || details.body === undefined || details.body === '')) {
					return "This product's type has no provisioning configuration";
				}
				return notFoundText(details.path) ?? own;
			case 405:
				return 'ClientXCMS does not accept this operation in this form';
			case 422:
				return 'ClientXCMS rejected the data';
			case 429:
				return 'ClientXCMS rate limit reached (60 requests per minute per admin account)';
			case 500:
				return 'ClientXCMS had an internal error';
			case 503:
				return `ClientXCMS is in maintenance mode${own ? `: ${own}` : ''}`;
			default:
				return own;
		}
	},
	errorHint(details) {
		const { status } = details;
		const own = vendorMessage(details);
		switch (status) {
			case 400:
				return own && FILTER_REFUSED.test(own)
					? 'This filter/sort/include is not allowed for this resource.'
					: refusalDetails(details);
			case 401:
				return 'The API key is invalid or expired. ClientXCMS keys expire 30 days after creation by default; regenerate it (Settings → Security → API Keys → Regenerate) and paste the new key into the credential.';
			case 403: {
				if (own !== 'Invalid ability provided.') return undefined;
				const ability = abilityFor(details.method, details.path);
				return `This operation needs the permission \`${ability ?? 'unknown'}\`. Use an Administrator key (Settings → Security → API Keys), or ask your ClientXCMS administrator for a key with that permission.`;
			}
			case 404:
				return own && UNKNOWN_ROUTE.test(own)
					? 'It needs ClientXCMS 2.15 or later.'
					: 'Check the ID; deleted records are no longer visible to the API.';
			case 405:
				return 'This is a bug of the node; please report it.';
			case 422:
				return validationLines(details.body).join('\n') || own;
			case 429:
				return 'The request was retried after the Retry-After delay and still refused. Spread the work over more time or use fewer parallel workflows with this admin account.';
			case 500:
				return "Check the instance's logs (storage/logs/laravel.log).";
			default:
				if (details.networkError) return 'ClientXCMS could not be reached. Check the Instance URL and the network of the n8n server.';
				return undefined;
		}
	},
	gate: pacingGate,
};
