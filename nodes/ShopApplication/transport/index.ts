import type { IDataObject } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';

import {
	backoffPolicy,
	clock,
	request,
	type ApiProfile,
	type ErrorDetails,
	type RequestContext,
	type RequestSpec,
} from '../../shared';
import { shopApplicationBaseUrl, TOKEN_REQUEST_MARK, tokenIsStale } from './token';

export { SHOP_APPLICATION_DEFAULT_BASE_URL, shopApplicationBaseUrl } from './token';

/** Paths that name an interface key or a prestation code (an unknown one comes back as 400). */
const NAMED_PATH = /^\/(interfaces\/[^/]+|prestation\/[^/]+)/;

function envelopeMessage(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const message = (body as IDataObject).message;
	return typeof message === 'string' && message.trim() ? message.trim() : undefined;
}

/** What to check before a billed write whose outcome is unknown is sent again. */
function unknownOutcomeAdvice(method: string, path: string): string {
	if (method === 'POST' && path === '/interfaces') {
		return 'Before ordering again, look for the new interface by your own Interface ID (in the Shop Application back office, or with Interface → Get Many and Include Details), so that a second site is not ordered and billed.';
	}
	if (method === 'POST' && path.endsWith('/prestations')) {
		return "Before adding again, check the interface's prestations with Interface Prestation → Get Many: each added prestation is billed.";
	}
	if (method === 'DELETE' && path.includes('/prestations/')) {
		return 'Check with Interface Prestation → Get whether the prestation is terminated before running it again.';
	}
	return 'Check the interface with Interface → Get (its status tells whether the deletion or reactivation was recorded) before running it again.';
}

export const shopApplicationProfile: ApiProfile = {
	displayName: 'Shop Application',
	credentialType: 'shopApplicationApi',
	baseUrl: shopApplicationBaseUrl,
	headers: { Accept: 'application/json' },
	timeoutMs: 60_000,
	// §6.2: GETs only (orders, terminations and reactivations are billed actions), ≈1 s then ≈2 s.
	retry: backoffPolicy({
		retries: 2,
		baseDelayMs: 1000,
		maxDelayMs: 3000,
		statuses: [500, 502, 503, 504],
		on429: 'never',
	}),
	errorMessage: (details: ErrorDetails) => envelopeMessage(details.body),
	errorHint(details: ErrorDetails) {
		const { status } = details;
		// A7: whatever /token answered short of a server error, the Client ID / Client Secret were refused.
		const fromToken = (details.body as IDataObject | undefined)?.[TOKEN_REQUEST_MARK] === true;
		if (status === 401 || (fromToken && status !== undefined && status < 500)) {
			return 'Shop Application rejected the credentials. Check the Client ID and Client Secret.';
		}
		if ((status === 400 || status === 404) && NAMED_PATH.test(details.path)) {
			return 'Shop Application rejected the request. Check that the interface key / prestation code exists and is written exactly.';
		}
		if (status === 400) return 'Shop Application rejected the request as malformed.';
		if (status !== undefined && status >= 500) return 'Shop Application had an unknown error. Try again later.';
		if (details.networkError) {
			return 'Shop Application could not be reached. Check the Base URL in the credential and the network of the n8n server.';
		}
		return undefined;
	},
	unknownOutcomeHint: (details) => unknownOutcomeAdvice(details.method, details.path),
	secrets: (credentials) => [String(credentials.clientSecret ?? ''), String(credentials.accessToken ?? '')],
	// §6.2: `{"error": true}` is a failure even with HTTP 200.
	bodyError(body: unknown) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
		const flag = (body as IDataObject).error;
		if (flag !== true && flag !== 'true' && flag !== 1) return undefined;
		return envelopeMessage(body) ?? 'Shop Application reported an error without a message';
	},
	// A3: a token past its lifetime is emptied for this request, so n8n fetches a new one first.
	credentialsOverride(credentials) {
		return tokenIsStale(credentials, clock.now()) ? { ...credentials, accessToken: '' } : undefined;
	},
};

/** A path segment for a key, code or reference typed by a user. */
export function segment(value: string): string {
	return encodeURIComponent(value);
}

const STATUS_LABELS: Record<string, string> = { '0': 'deleted', '1': 'active', '2': 'deactivated', '3': 'installing' };

export function statusLabel(statut: unknown): string {
	return STATUS_LABELS[String(statut)] ?? 'unknown';
}

/** `request` with this profile, typed by the schema's output (its input is whatever the API sent). */
export async function send<T>(
	ctx: RequestContext,
	spec: Omit<RequestSpec, 'schema'> & { schema: ZodType<T, ZodTypeDef, unknown> },
): Promise<T> {
	return (await request(ctx, shopApplicationProfile, spec as RequestSpec)) as T;
}
