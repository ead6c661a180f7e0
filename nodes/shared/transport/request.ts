import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import type { ZodType } from 'zod';

import { clock } from '../clock';
import { inSingleAttempt } from '../polling/single-attempt';
import { describeZodError } from '../validation/parse';
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
	/** `false` on errors raised before the request itself left (e.g. a failed token request). */
	requestSent?: boolean;
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
): ErrorDetails & { requestSent: boolean } {
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
		requestSent: inner.requestSent !== false && outer.requestSent !== false,
	};
}

/** Failures that happen before anything reaches the server: a write failing so was not applied. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'CERT_HAS_EXPIRED',
]);

function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

interface ReadBody {
	/** The parsed JSON; undefined for an empty body; the raw text when it is not JSON. */
	body: unknown;
	/** Why the body cannot be used, when it is not JSON. */
	problem?: string;
}

/**
 * n8n hands over JSON parsed, and anything it could not parse as text. HTML and broken JSON are
 * never an answer; other text only where the profile allows it (its schema then decides).
 */
function readBody(raw: unknown, profile: ApiProfile): ReadBody {
	const value = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
	if (typeof value !== 'string') return { body: value };
	if (value.trim() === '') return { body: undefined };
	try {
		return { body: JSON.parse(value) };
	} catch {
		const start = value.trimStart();
		if (start.startsWith('<')) {
			return {
				body: value,
				problem:
					'The answer is an HTML page, not JSON: the address may lead to a website, a login page or a proxy rather than the API.',
			};
		}
		if (/^[[{"]/.test(start)) {
			return {
				body: value,
				problem: 'The answer is incomplete or malformed JSON: the connection may have been cut, or a proxy changed the answer.',
			};
		}
		return profile.textAnswers ? { body: value } : { body: value, problem: 'The answer is text, not the JSON this API sends.' };
	}
}

/** Answers a proxy or gateway gives when the API behind it failed or did not answer in time. */
const GATEWAY_STATUSES = new Set([502, 504]);

/** A request that may change data on the server: its outcome matters when no answer comes. */
function changesData(spec: RequestSpec): boolean {
	return spec.idempotent === false || (spec.method !== 'GET' && spec.method !== 'HEAD');
}

function shapeProblem(schema: ZodType, body: unknown): { data?: unknown; problem?: string } {
	const result = schema.safeParse(body);
	if (result.success) return { data: result.data };
	const problems = describeZodError(result.error).slice(0, 5).join('; ');
	return {
		problem:
			body === undefined
				? 'The answer is empty where this endpoint sends data.'
				: `The answer does not have the shape this endpoint sends (${problems}).`,
	};
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
		timeoutMs: spec.timeoutMs ?? profile.timeoutMs,
	};
	const where = { baseUrl, timezone: ctx.getTimezone() };
	const idempotent = spec.idempotent ?? (spec.method === 'GET' || spec.method === 'HEAD');
	const options: IHttpRequestOptions = {
		method: spec.method,
		url: joinUrl(baseUrl, spec.path),
		headers: { ...(profile.headers ?? {}), ...(spec.headers ?? {}) },
		timeout: info.timeoutMs,
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

	const fail = async (details: ErrorDetails) => {
		// The stored credential may hold a token refreshed during this request.
		const latest = profile.secrets
			? await ctx.getCredentials(profile.credentialType, spec.itemIndex ?? 0).catch(() => credentials)
			: credentials;
		return apiError(ctx.getNode(), profile, details, {
			itemIndex: spec.itemIndex,
			secrets: [...(profile.secrets?.(credentials) ?? []), ...(profile.secrets?.(latest) ?? [])],
		});
	};
	const schema = spec.binary ? undefined : (spec.schema ?? profile.responseSchema?.(spec.method, spec.path));

	for (let attempt = 1; ; attempt++) {
		await profile.gate?.before(ctx, info);
		let response: FullResponse;
		let details: ErrorDetails;
		try {
			// Read again on every attempt: a token refreshed by the previous attempt is stored.
			const current = attempt === 1 ? credentials : await ctx.getCredentials(profile.credentialType, spec.itemIndex ?? 0);
			const override = profile.credentialsOverride?.(current);
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				profile.credentialType,
				{ ...options, headers: { ...options.headers } },
				override
					? { credentialsDecrypted: { id: '', name: '', type: profile.credentialType, data: override } }
					: undefined,
			)) as FullResponse;
		} catch (error) {
			const { requestSent, ...failure } = failureDetails(error, spec, where);
			details = failure;
			const sent = requestSent && !NOT_SENT_CODES.has(details.errorCode ?? '');
			// n8n itself repeats a request once after a 401 (to refresh expirable credentials).
			const requestsSent = details.status === 401 ? 2 : sent ? 1 : 0;
			await profile.gate?.after(ctx, info, { status: details.status, headers: details.headers, requestsSent });
			// Sent, and no answer from the API itself (none at all, or a gateway's 502/504 in its
			// place): a write may have been applied, so unless the request is idempotent it is
			// never sent again, whatever the profile's retry policy says.
			const outcomeUnknown = (details.networkError || GATEWAY_STATUSES.has(details.status ?? 0)) && sent && changesData(spec);
			// A trigger poll sends each request once: the trigger's backoff replaces retries.
			const delay =
				(outcomeUnknown && !idempotent) || inSingleAttempt()
					? undefined
					: profile.retry({
							attempt,
							status: details.status,
							headers: details.headers,
							idempotent,
							networkError: details.networkError,
							errorCode: details.errorCode,
						});
			if (delay === undefined) throw await fail(outcomeUnknown ? { ...details, outcomeUnknown } : details);
			await clock.sleep(delay);
			continue;
		}
		const headers = lowerHeaders(response.headers);
		await profile.gate?.after(ctx, info, { status: response.statusCode, headers, requestsSent: 1 });
		if (spec.binary) return { status: response.statusCode, headers, body: response.body };
		const answer = { ...where, status: response.statusCode, headers, method: spec.method, path: spec.path, networkError: false };
		const { body, problem } = readBody(response.body, profile);
		if (problem !== undefined) throw await fail({ ...answer, body, problem, outcomeUnknown: changesData(spec) });
		// An error reported inside a 2xx body is the API's own refusal, never retried.
		if (profile.bodyError?.(body) !== undefined) throw await fail({ ...answer, body });
		if (!schema) return { status: response.statusCode, headers, body };
		const shaped = shapeProblem(schema, body);
		if (shaped.problem !== undefined) {
			throw await fail({ ...answer, body, problem: shaped.problem, outcomeUnknown: changesData(spec) });
		}
		return { status: response.statusCode, headers, body: shaped.data };
	}
}

/** `requestRaw` that returns only the body, validated by `spec.schema` when given. */
export async function request<T = unknown>(
	ctx: RequestContext,
	profile: ApiProfile,
	spec: RequestSpec<T>,
): Promise<T> {
	const { body } = await requestRaw(ctx, profile, spec);
	return body as T;
}
