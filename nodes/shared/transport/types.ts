import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import type { ZodType } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** Every n8n context our nodes send requests from. */
export type RequestContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions;

export type QueryValue = string | number | boolean | undefined | Array<string | number>;

export interface RequestSpec<T = unknown> {
	method: HttpMethod;
	/** Path relative to the profile's base URL, starting with `/`. */
	path: string;
	query?: Record<string, QueryValue>;
	body?: IDataObject | IDataObject[] | string;
	headers?: Record<string, string>;
	/** Validates the parsed body; the result is what `request` returns. */
	schema?: ZodType<T>;
	itemIndex?: number;
	/** Defaults to true for GET/HEAD only. Only idempotent requests are retried after a failure. */
	idempotent?: boolean;
	/** Returns the body as a Buffer (PDF, exports). */
	binary?: boolean;
	/** `false`: a 3xx answer is not followed and fails with its status (the caller decides). */
	followRedirects?: boolean;
	timeoutMs?: number;
}

export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

/** What the API profile is told about each request, before and after it is sent. */
export interface GateRequestInfo {
	baseUrl: string;
	credentials: ICredentialDataDecryptedObject;
	method: HttpMethod;
	path: string;
	itemIndex?: number;
	/** How long the request may take (a lock held for it must outlive it). */
	timeoutMs: number;
}

export interface GateOutcome {
	status?: number;
	headers: Record<string, string>;
	/** How many HTTP requests really left this process for this call (n8n repeats after a 401). */
	requestsSent: number;
}

/**
 * A per-API guard around every request: refuses or delays a request before it is sent (budgets,
 * pacing, blocks, locks) and learns from the answer (429, rate headers). `after` follows every
 * `before` that returned, with the same `info` object, once per attempt.
 */
export interface RequestGate {
	before(ctx: RequestContext, info: GateRequestInfo): Promise<void>;
	after(ctx: RequestContext, info: GateRequestInfo, outcome: GateOutcome): void | Promise<void>;
}

export interface RetryDecisionInput {
	attempt: number;
	status?: number;
	headers: Record<string, string>;
	idempotent: boolean;
	networkError: boolean;
	/** The network error's code (ETIMEDOUT, ECONNRESET…), for policies that treat a timeout apart. */
	errorCode?: string;
}

/** Returns the delay in ms before the next attempt, or undefined to stop. */
export type RetryPolicy = (input: RetryDecisionInput) => number | undefined;

export interface ErrorDetails {
	baseUrl: string;
	/** The workflow's time zone, for times shown in messages. */
	timezone: string;
	status?: number;
	body: unknown;
	headers: Record<string, string>;
	method: HttpMethod;
	path: string;
	networkError: boolean;
	errorCode?: string;
	/**
	 * Set when a 2xx answer cannot be used (not JSON, empty where data is due, a shape the
	 * endpoint never returns): what is wrong with it. `body` then holds the raw text.
	 */
	problem?: string;
	/**
	 * A request that changes data was sent and no usable answer came back (timeout, reset
	 * connection, broken body, a gateway's 502/504 in the API's place): it may have been applied.
	 */
	outcomeUnknown?: boolean;
}

export interface ApiProfile {
	/** Shown in messages: "Telesto answered …". */
	displayName: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	headers?: Record<string, string>;
	timeoutMs: number;
	retry: RetryPolicy;
	/** The API's own error message, read from its error envelope. */
	errorMessage(details: ErrorDetails): string | undefined;
	/** What the user should do about this failure. */
	errorHint(details: ErrorDetails): string | undefined;
	/**
	 * What to check before running a write again whose outcome is unknown, in this API's terms
	 * ("find the interface by your own Interface ID"). Follows "Nothing was retried."
	 */
	unknownOutcomeHint(details: ErrorDetails): string;
	/**
	 * Whether plain text (neither JSON nor HTML) can be an answer; the schema of the request
	 * then decides where. Otherwise text is always an unexpected response.
	 */
	textAnswers?: boolean;
	/** The credential's secrets (keys, tokens, passwords), replaced by *** in every error. */
	secrets?(credentials: ICredentialDataDecryptedObject): string[];
	/**
	 * The documented answer of a route, for requests that bring no `schema` of their own; an
	 * answer that does not fit is reported as unexpected.
	 */
	responseSchema?(method: HttpMethod, path: string): ZodType | undefined;
	/** Some APIs report failures inside a 2xx body; return the message to turn it into an error. */
	bodyError?(body: unknown): string | undefined;
	/**
	 * Credential data to authenticate one request with instead of the stored data, e.g. with an
	 * expired token emptied so that n8n runs the credential's preAuthentication first.
	 */
	credentialsOverride?(credentials: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject | undefined;
	gate?: RequestGate;
	/**
	 * Builds the query string (without `?`) instead of n8n's serializer, for APIs whose parameter
	 * names must keep literal characters (OData's `$filter`). Receives only defined values.
	 */
	serializeQuery?(query: Record<string, Exclude<QueryValue, undefined>>): string;
}
