import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import { clock } from '../clock';
import { parseOrThrow } from '../validation/parse';
import { hasUnsafeSegment } from '../values/paths';
import { apiError } from './errors';
import type {
	ApiProfile,
	ErrorDetails,
	GateRequestInfo,
	QueryValue,
	RawResponse,
	RequestContext,
	RequestSpec,
} from './types';

interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

interface FailureShape {
	httpCode?: string | null;
	context?: { data?: unknown };
	cause?: unknown;
	code?: string;
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
}

function lowerHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers ?? {})) {
		if (v !== undefined && v !== null) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
	}
	return out;
}

/**
 * n8n wraps the HTTP client's error in a NodeApiError. n8n 2.x keeps the client's error (with the
 * whole answer) as its cause; n8n 1.x keeps only the status (`httpCode`) and a JSON body
 * (`context.data`), without headers.
 */
function failureDetails(
	error: unknown,
	spec: RequestSpec,
	where: Pick<ErrorDetails, 'baseUrl' | 'timezone'>,
): ErrorDetails {
	const outer = error as FailureShape;
	const inner = (outer.cause ?? outer) as FailureShape;
	const response = inner.response ?? outer.response;
	const rawStatus = response?.status ?? (outer.httpCode ? Number(outer.httpCode) : undefined);
	const status = rawStatus !== undefined && !Number.isNaN(rawStatus) ? rawStatus : undefined;
	let body = response ? response.data : outer.context?.data;
	if (Buffer.isBuffer(body)) {
		const text = body.toString('utf8');
		try {
			body = JSON.parse(text);
		} catch {
			body = text;
		}
	}
	return {
		...where,
		status,
		body,
		headers: lowerHeaders(response?.headers),
		method: spec.method,
		path: spec.path,
		networkError: status === undefined,
		errorCode: inner.code ?? outer.code,
	};
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body.trim() === '') return undefined;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * Sends one API request through n8n's `httpRequestWithAuthentication` (so the credential's
 * authenticate and preAuthentication apply), with the profile's gate, retry policy and error
 * mapping. Returns status, headers and the parsed body.
 */
export async function requestRaw(
	ctx: RequestContext,
	profile: ApiProfile,
	spec: RequestSpec,
): Promise<RawResponse> {
	if (hasUnsafeSegment(spec.path.split('?')[0])) {
		// Operations check each segment with the field's name; this catches any they miss.
		throw new NodeOperationError(ctx.getNode(), `Request not sent: its path ${spec.path.slice(0, 120)} holds an empty, "." or ".." segment`, {
			itemIndex: spec.itemIndex,
			description: 'Such a path reaches another route than the one asked for. Check the IDs and keys given to this node.',
		});
	}
	const credentials = await ctx.getCredentials(profile.credentialType, spec.itemIndex ?? 0);
	const baseUrl = profile.baseUrl(credentials);
	const info: GateRequestInfo = {
		baseUrl,
		credentials,
		method: spec.method,
		path: spec.path,
		itemIndex: spec.itemIndex,
	};
	const where = { baseUrl, timezone: ctx.getTimezone() };
	const idempotent = spec.idempotent ?? (spec.method === 'GET' || spec.method === 'HEAD');
	const options: IHttpRequestOptions = {
		method: spec.method,
		url: joinUrl(baseUrl, spec.path),
		headers: { ...(profile.headers ?? {}), ...(spec.headers ?? {}) },
		timeout: spec.timeoutMs ?? profile.timeoutMs,
		returnFullResponse: true,
		json: !spec.binary,
		...(spec.binary ? { encoding: 'arraybuffer' as const } : {}),
		...(spec.followRedirects === false ? { disableFollowRedirect: true } : {}),
	};
	if (spec.query) {
		const qs: Record<string, Exclude<QueryValue, undefined>> = {};
		for (const [k, v] of Object.entries(spec.query)) if (v !== undefined) qs[k] = v;
		const text = profile.serializeQuery?.(qs);
		if (text === undefined) options.qs = qs as IDataObject;
		else if (text) options.url += `${options.url.includes('?') ? '&' : '?'}${text}`;
	}
	if (spec.body !== undefined) options.body = spec.body;

	for (let attempt = 1; ; attempt++) {
		await profile.gate?.before(ctx, info);
		let details: ErrorDetails;
		try {
			// Read again on every attempt: a token refreshed by the previous attempt is stored.
			const override = profile.credentialsOverride?.(
				attempt === 1 ? credentials : await ctx.getCredentials(profile.credentialType, spec.itemIndex ?? 0),
			);
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				profile.credentialType,
				{ ...options, headers: { ...options.headers } },
				override
					? { credentialsDecrypted: { id: '', name: '', type: profile.credentialType, data: override } }
					: undefined,
			)) as FullResponse;
			const headers = lowerHeaders(response.headers);
			profile.gate?.after(ctx, info, { status: response.statusCode, headers, requestsSent: 1 });
			const body = spec.binary ? response.body : parseBody(response.body);
			const bodyMessage = spec.binary ? undefined : profile.bodyError?.(body);
			if (bodyMessage === undefined) return { status: response.statusCode, headers, body };
			details = {
				...where,
				status: response.statusCode,
				body,
				headers,
				method: spec.method,
				path: spec.path,
				networkError: false,
			};
		} catch (error) {
			details = failureDetails(error, spec, where);
			// n8n itself repeats a request once after a 401 (to refresh expirable credentials).
			const requestsSent =
				details.status === 401 ? 2 : NOT_SENT_CODES.has(details.errorCode ?? '') ? 0 : 1;
			profile.gate?.after(ctx, info, { status: details.status, headers: details.headers, requestsSent });
		}
		const delay = profile.retry({
			attempt,
			status: details.status,
			headers: details.headers,
			idempotent,
			networkError: details.networkError,
			errorCode: details.errorCode,
		});
		if (delay === undefined) throw apiError(ctx.getNode(), profile, details, spec.itemIndex);
		await clock.sleep(delay);
	}
}

/** `requestRaw` that returns only the body, validated by `spec.schema` when given. */
export async function request<T = unknown>(
	ctx: RequestContext,
	profile: ApiProfile,
	spec: RequestSpec<T>,
): Promise<T> {
	const { body } = await requestRaw(ctx, profile, spec);
	if (!spec.schema) return body as T;
	return parseOrThrow(spec.schema, body, {
		node: ctx.getNode(),
		kind: 'response',
		label: `${profile.displayName} ${spec.method} ${spec.path}`,
		itemIndex: spec.itemIndex,
	});
}
