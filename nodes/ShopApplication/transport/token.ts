import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

// The clock that ages the token (`tokenIsStale`, through the profile) also dates it.
import { clock } from '../../shared/clock';

export const SHOP_APPLICATION_DEFAULT_BASE_URL = 'https://api.cegid.shop-application.io';

const DEFAULT_LIFETIME_S = 3600;

export function shopApplicationBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.baseUrl ?? '').trim() || SHOP_APPLICATION_DEFAULT_BASE_URL;
	return raw.replace(/\/+$/, '');
}

/** A3: reuse until obtained-at + expires_in − margin (60 s, or half the lifetime when ≤ 120 s). */
export function tokenExpiresAt(expiresIn: unknown, obtainedAt: number): number {
	const seconds =
		typeof expiresIn === 'number' && Number.isInteger(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_S;
	const margin = seconds <= 120 ? seconds / 2 : 60;
	return obtainedAt + (seconds - margin) * 1000;
}

/** Whether the stored token is past its A3 expiry (0 = unknown: leave it to a 401). */
export function tokenIsStale(credentials: ICredentialDataDecryptedObject, now: number): boolean {
	const expiresAt = Number(credentials.accessTokenExpiresAt ?? 0);
	return Boolean(credentials.accessToken) && expiresAt > 0 && now >= expiresAt;
}

/** Set in the body of a token failure, so the hint speaks of the credentials, not of the request's path. */
export const TOKEN_REQUEST_MARK = 'token_request';

/**
 * A token request failure rebuilt from scratch (A6): the HTTP client's own error carries the
 * request URL, which holds the client secret, so nothing of it is kept. `httpCode` and
 * `response.data` are where the shared transport reads the status and the API's message;
 * `response.status` is left out on purpose so that n8n does not run preAuthentication again.
 */
export class ShopApplicationTokenError extends Error {
	readonly httpCode?: string;

	readonly code?: string;

	readonly response?: { data: IDataObject };

	/** The business request waits for the token: it was not sent, so a write was not applied. */
	readonly requestSent = false;

	constructor(message: string, options: { status?: number; code?: string }) {
		super(message);
		this.name = 'ShopApplicationTokenError';
		if (options.status !== undefined) {
			this.httpCode = String(options.status);
			this.response = { data: { error: true, message, [TOKEN_REQUEST_MARK]: true } };
		}
		if (options.code) this.code = options.code;
	}
}

/**
 * The secret as typed and as the token URL carries it (percent-encoded, or form-encoded with
 * `+` for spaces), so that a body echoing the request URL does not give it away.
 */
export function scrub(text: string, secret: string): string {
	if (!secret) return text;
	const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
	let out = text;
	for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('***');
	return out;
}

function vendorMessage(body: unknown): string | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const message = (body as IDataObject).message;
		if (typeof message === 'string' && message.trim()) return message.trim();
	}
	if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 200);
	return undefined;
}

/**
 * `GET {baseUrl}/token?client_id=…&client_secret=…` (A1) with n8n's plain httpRequest; returns
 * the hidden credential fields n8n stores. The JWT is never decoded (A5).
 */
export async function requestToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: number = clock.now(),
): Promise<IDataObject> {
	const clientId = String(credentials.clientId ?? '').trim();
	const secret = String(credentials.clientSecret ?? '');
	let response: { statusCode: number; body: unknown };
	try {
		const answer = (await helper.helpers.httpRequest({
			method: 'GET',
			url: `${shopApplicationBaseUrl(credentials)}/token`,
			qs: { client_id: clientId, client_secret: secret },
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})) as { statusCode?: unknown; body?: unknown };
		// A helper that ignores returnFullResponse hands back the body alone.
		response =
			typeof answer?.statusCode === 'number'
				? { statusCode: answer.statusCode, body: answer.body }
				: { statusCode: 200, body: answer };
	} catch (error) {
		// Only the status, the body and the error code travel on, never the error: it holds the URL.
		const failure = error as { code?: unknown; response?: { status?: unknown; data?: unknown } };
		const status = failure.response?.status;
		if (typeof status === 'number') {
			response = { statusCode: status, body: failure.response?.data };
		} else {
			const code = typeof failure.code === 'string' ? failure.code : undefined;
			// preAuthentication runs without a node to build a NodeApiError on; n8n wraps this one.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw new ShopApplicationTokenError(
				`Shop Application could not be reached to get a token${code ? ` (${code})` : ''}`,
				{ code },
			);
		}
	}
	let body = response.body;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			// kept as text for the message
		}
	}
	const data = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as IDataObject;
	const token = typeof data.access_token === 'string' ? data.access_token.trim() : '';
	if (response.statusCode === 200 && data.error !== true && token) {
		return { accessToken: token, accessTokenExpiresAt: tokenExpiresAt(data.expires_in, now) };
	}
	const own = vendorMessage(body);
	const status = response.statusCode === 200 ? 401 : response.statusCode;
	const message =
		status >= 500
			? `Shop Application could not issue a token (HTTP ${status})${own ? `: ${own}` : ''}`
			: `Shop Application refused the Client ID / Client Secret${
					own ? `: ${own}` : token ? '' : ' (no access_token in the answer)'
				}`;
	throw new ShopApplicationTokenError(scrub(message, secret), { status });
}
