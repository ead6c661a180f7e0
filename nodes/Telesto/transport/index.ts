import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import {
	backoffPolicy,
	clock,
	retryAfterMs,
	type ApiProfile,
	type ErrorDetails,
	type RequestGate,
} from '../../shared';
import { BLOCK_MS, blockedMessage, knownBlock, recordBlock, reserve, settle } from './budget';

export const TELESTO_DEFAULT_BASE_URL = 'https://telesto.app/v2';

export function telestoBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.baseUrl ?? '').trim() || TELESTO_DEFAULT_BASE_URL;
	return raw.replace(/\/+$/, '');
}

/** The budget reservation of each request in flight, from `before` to `after`. */
const tickets = new WeakMap<object, string>();

const budgetGate: RequestGate = {
	async before(ctx, info) {
		const ticket = await reserve({
			node: ctx.getNode(),
			baseUrl: info.baseUrl,
			perHour: Number(info.credentials.requestsPerHour ?? 100) || 100,
			processes: Number(info.credentials.processesSharingKey ?? 1) || 1,
			timezone: ctx.getTimezone(),
			itemIndex: info.itemIndex,
		});
		tickets.set(info, ticket);
	},
	async after(_ctx, info, outcome) {
		const ticket = tickets.get(info);
		tickets.delete(info);
		if (ticket !== undefined) await settle(info.baseUrl, ticket, outcome.requestsSent);
		if (outcome.status === 429) await recordBlock(info.baseUrl, retryAfterMs(outcome.headers));
	},
};

const HINTS: Record<number, string> = {
	401: 'Telesto rejected the API key. Check the key in the Telesto credential; keys are issued by Telesto support.',
	403: 'This Telesto account has no API access. The API needs a Pro subscription.',
	404: 'Telesto has no such resource. For Other Endpoint requests, check the path (it is relative to /v2).',
};

function envelopeDescription(body: unknown): string | undefined {
	const error = (body as IDataObject | undefined)?.error as IDataObject | undefined;
	const description = error?.description;
	return typeof description === 'string' && description.trim() ? description : undefined;
}

export const telestoProfile: ApiProfile = {
	displayName: 'Telesto',
	credentialType: 'telestoApi',
	baseUrl: telestoBaseUrl,
	headers: { Accept: 'application/json' },
	timeoutMs: 60_000,
	// One retry only, after 3 s, for GETs: every retry spends the hourly budget.
	retry: backoffPolicy({
		retries: 1,
		baseDelayMs: 3000,
		maxDelayMs: 3000,
		jitter: 0,
		statuses: [500, 502, 503, 504],
		on429: 'never',
	}),
	errorMessage(details: ErrorDetails) {
		if (details.status === 429) return blockedMessage(recordedBlock(details), details.timezone).message;
		return envelopeDescription(details.body);
	},
	errorHint(details: ErrorDetails) {
		const { status } = details;
		if (status === 429) return blockedMessage(recordedBlock(details), details.timezone).description;
		if (status !== undefined && HINTS[status]) return HINTS[status];
		if (status !== undefined && status >= 500) return 'Telesto had a server error. Try again later.';
		if (details.networkError) return 'Telesto could not be reached. Check the Base URL and the network of the n8n server.';
		return undefined;
	},
	unknownOutcomeHint: () =>
		'Check in Telesto whether the change was applied (Product → Get Many with Force Fresh List, or the Telesto app) before running it again.',
	secrets: (credentials) => [String(credentials.apiKey ?? ''), String(credentials.apiKey ?? '').trim()],
	gate: budgetGate,
};

function recordedBlock(details: ErrorDetails): { until: number } {
	// The gate recorded the block when the 429 arrived.
	return knownBlock(details.baseUrl) ?? { until: clock.now() + (retryAfterMs(details.headers) ?? BLOCK_MS) };
}
