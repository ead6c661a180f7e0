import { createHash } from 'node:crypto';

import { NodeOperationError, type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';

import {
	backoffPolicy,
	NOT_RETRIED,
	coordination,
	type HeldLock,
	type ApiProfile,
	type ErrorDetails,
	type QueryValue,
	type RequestGate,
	type RetryPolicy,
} from '../../shared';
import { onlineErpResponseSchema } from '../schemas';

export const ONLINE_ERP_DEFAULT_BASE_URL = 'https://v4.api.onlineerp.solution.quebec/api';
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Robot-offline answers and a reset connection are worth one more try, 5 s later, for reads. */
export const READ_RETRY_DELAY_MS = 5_000;

/** Trailing `/` removed; a bare host gets `/api`, the path every OnlineERP URL has. */
export function onlineErpBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const raw = (String(credentials.baseUrl ?? '').trim() || ONLINE_ERP_DEFAULT_BASE_URL).replace(/\/+$/, '');
	return /^https?:\/\/[^/]+$/i.test(raw) ? `${raw}/api` : raw;
}

/** encodeURIComponent plus the characters it leaves alone but OData gives meaning to (`'`, `(`, `)`). */
export function encodeQueryValue(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

/**
 * `$filter=…&$top=…`: names keep their literal `$` (n8n's serializer would send `%24filter`, and
 * the hub's handling of that is unknown); values are strictly percent-encoded.
 */
export function serializeODataQuery(query: Record<string, Exclude<QueryValue, undefined>>): string {
	return Object.entries(query)
		.map(([name, value]) => `${name}=${encodeQueryValue(Array.isArray(value) ? value.join(',') : String(value))}`)
		.join('&');
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const OFFLINE_STATUSES = new Set([502, 503, 504]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);

export const ROBOT_OFFLINE =
	"The OnlineERP connector at the customer's site did not answer. The robot service on the ERP computer may be stopped, the computer may be off, or the ERP may be busy.";
const WRITE_CHECK = 'Check in the ERP whether the change was applied before running again.';
export const WRITE_NOT_RETRIED = `${NOT_RETRIED} ${WRITE_CHECK}`;
export const ALREADY_EXISTS = 'A record with this key already exists in the ERP; nothing was created.';

function isTimeout(details: Pick<ErrorDetails, 'errorCode' | 'networkError'>): boolean {
	return details.networkError && TIMEOUT_CODES.has(details.errorCode ?? '');
}

export function isRobotOffline(details: ErrorDetails): boolean {
	if (details.status !== undefined && OFFLINE_STATUSES.has(details.status)) return true;
	return details.networkError && (isTimeout(details) || details.errorCode === 'ECONNRESET');
}

function firstText(...values: unknown[]): string | undefined {
	for (const v of values) if (typeof v === 'string' && v.trim()) return v.trim();
	return undefined;
}

/** The hub's own words, from whichever of the usual error shapes it used (§9.1 of the spec). */
export function hubMessage(body: unknown): string | undefined {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 500) : undefined;
	if (Buffer.isBuffer(body)) return hubMessage(body.toString('utf8'));
	if (typeof body !== 'object' || Array.isArray(body)) return JSON.stringify(body).slice(0, 500);
	const b = body as IDataObject;
	const error = b.error;
	const own = firstText(
		b.message,
		b.Message,
		error && typeof error === 'object' ? (error as IDataObject).message : undefined,
		typeof error === 'string' ? error : undefined,
		b.error_description,
		b.title,
		b.detail,
	);
	if (own) return own;
	if (b.errors && typeof b.errors === 'object') {
		const parts = Object.entries(b.errors as IDataObject).map(
			([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`,
		);
		if (parts.length) return parts.join('; ');
	}
	return JSON.stringify(body).slice(0, 500);
}

const HINTS: Record<number, string> = {
	401: 'OnlineERP rejected the licence code or secret key (Basic authentication). Check them in the credential.',
	403: 'This licence is not allowed to perform this operation.',
	404: 'Unknown entity or record, or this operation does not exist for this entity on your ERP. Check the entity name and the record ID.',
	405: 'This operation is not supported for this entity on your ERP (see the support matrix).',
	501: 'This operation is not supported for this entity on your ERP (see the support matrix).',
	400: 'The ERP rejected the data. Available and required fields differ per ERP; check the body.',
	422: 'The ERP rejected the data. Available and required fields differ per ERP; check the body.',
};

const SERVER_ERROR = 'The OnlineERP hub or the ERP reported an error.';

function withWriteNote(text: string, details: ErrorDetails): string {
	return WRITE_METHODS.has(details.method) ? `${text} ${WRITE_NOT_RETRIED}` : text;
}

const readRetry = backoffPolicy({
	retries: 1,
	baseDelayMs: READ_RETRY_DELAY_MS,
	maxDelayMs: READ_RETRY_DELAY_MS,
	jitter: 0,
	statuses: [502, 503, 504],
	on429: 'never',
});

/**
 * Reads only (the shared policy never repeats a write), once, on 502/503/504 or a reset
 * connection (spec §9.3). Not after a timeout (the robot may still be working on the first
 * request), nor after other network errors (refused connection, unknown host): a wrong Base URL
 * would only be reported 5 s later.
 */
export const onlineErpRetry: RetryPolicy = (input) =>
	input.networkError && input.errorCode !== 'ECONNRESET' ? undefined : readRetry(input);

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** How long a request waits for the licence's robot before it gives up. */
export const ROBOT_WAIT_MS = 15 * 60_000;

/** The robot turn each request in flight holds, from `before` to `after`. */
const turns = new WeakMap<object, HeldLock>();

function robotKey(info: { baseUrl: string; credentials: ICredentialDataDecryptedObject }): string {
	const licence = String(info.credentials.licenceCode ?? '').trim();
	return `onlineErp:robot:${createHash('sha256').update(`${info.baseUrl}|${licence}`).digest('hex').slice(0, 24)}`;
}

/**
 * One licence has one robot, which runs one request at a time: requests to a licence take turns,
 * in this process and across every queue-mode process (through n8n's Redis), instead of piling
 * up at the robot and timing out. Also checks the Company Header Name first: a bad one would
 * fail inside n8n's HTTP client as if the hub were unreachable.
 */
const robotGate: RequestGate = {
	async before(ctx, info) {
		const name = String(info.credentials.companyHeaderName ?? '').trim();
		if (name && !HEADER_NAME.test(name)) {
			throw new NodeOperationError(ctx.getNode(), `The Company Header Name "${name}" is not a valid HTTP header name`, {
				itemIndex: info.itemIndex,
				description: 'Fix it in the OnlineERP credential: letters, digits and - or _ only. The usual name is COMPANY_ID.',
			});
		}
		// The turn outlives the request's own timeout, so a process that dies frees it soon after.
		const turn = await coordination.lock(robotKey(info), { ttlMs: info.timeoutMs + 15_000, waitMs: ROBOT_WAIT_MS });
		if (turn.busy) {
			throw new NodeOperationError(ctx.getNode(), `The OnlineERP robot of this licence stayed busy for ${Math.round(ROBOT_WAIT_MS / 60_000)} minutes`, {
				itemIndex: info.itemIndex,
				description: `${turn.holder ? `${turn.holder} still holds` : 'Another request still holds'} the robot's turn. The robot runs one request at a time per licence, so requests wait for each other; nothing was sent. Run fewer OnlineERP workflows at once for this licence, or check the robot at the customer's site.`,
			});
		}
		turns.set(info, turn);
	},
	async after(_ctx, info) {
		const turn = turns.get(info);
		turns.delete(info);
		await turn?.release();
	},
};

export const onlineErpProfile: ApiProfile = {
	gate: robotGate,
	displayName: 'OnlineERP',
	credentialType: 'onlineErpApi',
	baseUrl: onlineErpBaseUrl,
	headers: { Accept: 'application/json' },
	timeoutMs: DEFAULT_TIMEOUT_MS,
	retry: onlineErpRetry,
	serializeQuery: serializeODataQuery,
	responseSchema: (method) => onlineErpResponseSchema(method),
	// The envelope is undocumented: a write may answer a line of text (spec §7).
	textAnswers: true,
	unknownOutcomeHint: (details) =>
		`${WRITE_CHECK}${isTimeout(details) ? ' If the ERP is only slow, raise Timeout (Seconds) in the node options.' : ''}`,
	secrets(credentials) {
		const licence = String(credentials.licenceCode ?? '');
		const secret = String(credentials.secretKey ?? '');
		return [secret, Buffer.from(`${licence}:${secret}`).toString('base64')];
	},
	errorMessage(details) {
		const own = hubMessage(details.body);
		if (details.method === 'POST' && (details.status === 409 || details.status === 412)) return ALREADY_EXISTS;
		if (isRobotOffline(details)) {
			let what = details.errorCode ?? 'network error';
			if (isTimeout(details)) what = 'timeout';
			if (details.status !== undefined) what = `HTTP ${details.status}`;
			return `The OnlineERP robot at the customer's site did not answer (${what}${own ? `: ${own}` : ''})`;
		}
		return own;
	},
	errorHint(details) {
		const { status } = details;
		if (details.method === 'POST' && (status === 409 || status === 412)) {
			const own = hubMessage(details.body);
			return `The ERP already has a record with this key (Fail If Record Exists sends If-None-Match: * so that a re-run cannot create a duplicate).${own ? ` OnlineERP said: ${own}` : ''}`;
		}
		if (isRobotOffline(details)) {
			const timeout = isTimeout(details)
				? ' The request timed out: raise Timeout (Seconds) in the node options if the ERP is only slow.'
				: '';
			return withWriteNote(`${ROBOT_OFFLINE}${timeout}`, details);
		}
		if (status !== undefined && HINTS[status]) return HINTS[status];
		if (status !== undefined && status >= 500) return withWriteNote(SERVER_ERROR, details);
		if (details.networkError) {
			return withWriteNote('The OnlineERP hub could not be reached. Check the Base URL in the credential and the network of the n8n server.', details);
		}
		return undefined;
	},
};
