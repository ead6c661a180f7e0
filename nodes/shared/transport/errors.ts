import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { ApiProfile, ErrorDetails } from './types';

const BODY_EXCERPT = 200;
/** The start of an unusable answer shown in the message itself; the description has more. */
const MESSAGE_EXCERPT = 80;

/** The first characters of a body that is not the API's JSON envelope, for the error text. */
export function bodyExcerpt(body: unknown, length = BODY_EXCERPT): string {
	if (body === undefined || body === null || body === '') return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8', 0, length);
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return text.length > length ? `${text.slice(0, length)}…` : text;
}

/**
 * Every form a secret can take in an error: as typed, percent- or form-encoded (URLs echoed
 * back), JSON-escaped (bodies echoed back) and base64 (a Basic header). Longest first, so a
 * form that contains another is replaced whole.
 */
function secretForms(secrets: string[]): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		// A secret of one to three characters would blank out ordinary words of every message.
		if (secret.length < 4) continue;
		forms.add(secret);
		forms.add(encodeURIComponent(secret));
		forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
		forms.add(JSON.stringify(secret).slice(1, -1));
		forms.add(Buffer.from(secret).toString('base64'));
	}
	return [...forms].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}

function scrubText(text: string, forms: string[]): string {
	let out = text;
	for (const form of forms) if (out.includes(form)) out = out.split(form).join('***');
	return out;
}

function scrubValue(value: unknown, forms: string[], depth = 0): unknown {
	if (typeof value === 'string') return scrubText(value, forms);
	if (depth > 20 || !value || typeof value !== 'object') return value;
	if (Buffer.isBuffer(value)) return scrubText(value.toString('utf8'), forms);
	if (Array.isArray(value)) return value.map((v) => scrubValue(v, forms, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) out[scrubText(k, forms)] = scrubValue(v, forms, depth + 1);
	return out;
}

function asJsonObject(body: unknown): JsonObject {
	if (body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
		return body as JsonObject;
	}
	return { body: bodyExcerpt(body) };
}

/** The sentence that ends every "outcome unknown" description, before the API's own advice. */
export const NOT_RETRIED = 'Nothing was retried.';

/** What a write whose outcome is unknown tells the user to do, in the API's terms. */
export function unknownOutcomeNote(profile: ApiProfile, details: ErrorDetails): string {
	return `${NOT_RETRIED} ${profile.unknownOutcomeHint(details)}`;
}

function text(details: ErrorDetails, profile: ApiProfile): { message: string; description?: string } {
	const { method, path, status } = details;
	const mayBeApplied = details.outcomeUnknown ? ', the change may have been applied' : '';
	if (details.problem !== undefined) {
		const start = bodyExcerpt(details.body, MESSAGE_EXCERPT);
		const more = bodyExcerpt(details.body);
		return {
			message: `Unexpected response from ${profile.displayName} to ${method} ${path} (HTTP ${status ?? '?'})${mayBeApplied}: ${start || 'an empty body'}`,
			description: [
				details.problem,
				more.length > start.length ? `The answer began with: ${more}` : undefined,
				details.outcomeUnknown ? unknownOutcomeNote(profile, details) : undefined,
			]
				.filter(Boolean)
				.join('\n'),
		};
	}
	if (details.outcomeUnknown && status !== undefined) {
		// "Try again later" advice does not fit a write a gateway answered for: it may have gone through.
		const hint = profile.errorHint(details);
		return {
			message: `${profile.errorMessage(details) ?? `${profile.displayName} answered ${method} ${path} with HTTP ${status}`}${mayBeApplied}`,
			description: hint?.includes(NOT_RETRIED)
				? hint
				: `The answer came from a gateway in front of ${profile.displayName}, which may have received the request. ${unknownOutcomeNote(profile, details)}`,
		};
	}
	if (details.outcomeUnknown) {
		// The profile's network advice ("check the Base URL") does not fit: the server was reached.
		return {
			message: `${profile.displayName} did not answer ${method} ${path}${details.errorCode ? ` (${details.errorCode})` : ''}${mayBeApplied}`,
			description: `The request was sent, but the connection ended before an answer came back. ${unknownOutcomeNote(profile, details)}`,
		};
	}
	const own = profile.errorMessage(details);
	const hint = profile.errorHint(details) ?? undefined;
	const fallback = details.networkError
		? `${profile.displayName} could not be reached${details.errorCode ? ` (${details.errorCode})` : ''}`
		: `${profile.displayName} answered HTTP ${status ?? '?'}${bodyExcerpt(details.body) ? `: ${bodyExcerpt(details.body)}` : ''}`;
	return { message: own ?? fallback, description: hint };
}

export interface ApiErrorOptions {
	itemIndex?: number;
	/** Values of the credential that must never appear in the error (keys, tokens, Basic header). */
	secrets?: string[];
}

/**
 * Builds the NodeApiError the user sees: the API's own message when it sent one, the profile's
 * hint as description, the HTTP status as code; an unusable answer or a write without an answer
 * says so. The credential's secrets are replaced by *** everywhere in it.
 */
export function apiError(
	node: INode,
	profile: ApiProfile,
	details: ErrorDetails,
	options: ApiErrorOptions = {},
): NodeApiError {
	const forms = secretForms(options.secrets ?? []);
	const { message, description } = text(details, profile);
	const clean = (value: string | undefined) => (value === undefined ? undefined : scrubText(value, forms));
	const error = new NodeApiError(node, scrubValue(asJsonObject(details.body), forms) as JsonObject, {
		message: clean(message),
		description: clean(description),
		httpCode: details.status !== undefined ? String(details.status) : undefined,
		itemIndex: options.itemIndex,
	});
	// NodeApiError rewrites messages of well-known codes ("The resource you are requesting could
	// not be found"); the API's own words are more useful to the user.
	error.message = clean(message) as string;
	return error;
}
