import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { ApiProfile, ErrorDetails } from './types';

const BODY_EXCERPT = 200;

/** The first characters of a body that is not the API's JSON envelope, for the error text. */
export function bodyExcerpt(body: unknown): string {
	if (body === undefined || body === null || body === '') return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8', 0, BODY_EXCERPT);
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return text.length > BODY_EXCERPT ? `${text.slice(0, BODY_EXCERPT)}…` : text;
}

function asJsonObject(details: ErrorDetails): JsonObject {
	const body = details.body;
	if (body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
		return body as JsonObject;
	}
	return { body: bodyExcerpt(body) };
}

/**
 * Builds the NodeApiError the user sees: the API's own message when it sent one, the profile's
 * hint as description, the HTTP status as code.
 */
export function apiError(
	node: INode,
	profile: ApiProfile,
	details: ErrorDetails,
	itemIndex?: number,
): NodeApiError {
	const own = profile.errorMessage(details);
	const fallback = details.networkError
		? `${profile.displayName} could not be reached${details.errorCode ? ` (${details.errorCode})` : ''}`
		: `${profile.displayName} answered HTTP ${details.status ?? '?'}${
				bodyExcerpt(details.body) ? `: ${bodyExcerpt(details.body)}` : ''
			}`;
	const error = new NodeApiError(node, asJsonObject(details), {
		message: own ?? fallback,
		description: profile.errorHint(details) ?? undefined,
		httpCode: details.status !== undefined ? String(details.status) : undefined,
		itemIndex,
	});
	// NodeApiError rewrites messages of well-known codes ("The resource you are requesting could
	// not be found"); the API's own words are more useful to the user.
	error.message = own ?? fallback;
	return error;
}
