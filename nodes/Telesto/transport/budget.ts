import { NodeOperationError, type INode } from 'n8n-workflow';

import { clock } from '../../shared';

const HOUR_MS = 60 * 60 * 1000;
export const BLOCK_MS = 15 * 60 * 1000;

interface HostState {
	/** When each request of the last hour left this process (oldest first). */
	sent: number[];
	blockedUntil?: number;
}

/**
 * Telesto's limit is per IP address, so the budget and the block are kept per Telesto host for
 * this whole n8n process, shared by every credential and workflow.
 */
const hosts = new Map<string, HostState>();

function hostOf(baseUrl: string): string {
	try {
		return new URL(baseUrl).host;
	} catch {
		return baseUrl;
	}
}

function state(baseUrl: string): HostState {
	const key = hostOf(baseUrl);
	let s = hosts.get(key);
	if (!s) {
		s = { sent: [] };
		hosts.set(key, s);
	}
	const horizon = clock.now() - HOUR_MS;
	while (s.sent.length && s.sent[0] <= horizon) s.sent.shift();
	return s;
}

/** "14:37 (Europe/Brussels) — 2024-01-15T13:37:00Z" */
export function formatWhen(at: number, timezone: string): string {
	let local: string;
	try {
		local = new Intl.DateTimeFormat('en-GB', {
			hour: '2-digit',
			minute: '2-digit',
			timeZone: timezone,
		}).format(new Date(at));
	} catch {
		local = new Date(at).toISOString().slice(11, 16);
	}
	return `${local} (${timezone}) — ${new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

export function blockedMessage(until: number, timezone: string): { message: string; description: string } {
	return {
		message: 'Telesto rate limit reached (100 requests per hour per IP address)',
		description: `Telesto blocks this n8n server's IP address until about ${formatWhen(until, timezone)}. Requests sent before then will fail, so this node sends none until then.`,
	};
}

export function blockedUntil(baseUrl: string): number | undefined {
	const s = state(baseUrl);
	if (s.blockedUntil !== undefined && s.blockedUntil <= clock.now()) s.blockedUntil = undefined;
	return s.blockedUntil;
}

export function recordBlock(baseUrl: string, retryAfterMs: number | undefined): number {
	const until = clock.now() + (retryAfterMs ?? BLOCK_MS);
	state(baseUrl).blockedUntil = until;
	return until;
}

/**
 * Takes one request from the hour's budget, or says why not (nothing is to be sent then): the
 * block Telesto imposed, or the budget used up with the time it frees up.
 */
export function tryReserve(options: {
	baseUrl: string;
	perHour: number;
	timezone: string;
}): { message: string; description: string } | undefined {
	const { baseUrl, timezone } = options;
	const until = blockedUntil(baseUrl);
	if (until !== undefined) return blockedMessage(until, timezone);
	const s = state(baseUrl);
	if (s.sent.length >= options.perHour) {
		const frees = s.sent[s.sent.length - options.perHour] + HOUR_MS;
		return {
			message: `Telesto request budget used up: ${s.sent.length} requests in the last hour`,
			description: `Telesto allows 100 requests per hour per IP address and blocks it for 15 minutes beyond that, so this request was not sent. The next one can go at about ${formatWhen(frees, timezone)}. Lower how often workflows call Telesto, or raise "Requests per Hour" in the credential if Telesto allows more.`,
		};
	}
	s.sent.push(clock.now());
	return undefined;
}

/** `tryReserve` for a node: a refusal is the node's error. */
export function reserve(options: {
	node: INode;
	baseUrl: string;
	perHour: number;
	timezone: string;
	itemIndex?: number;
}): void {
	const refusal = tryReserve(options);
	if (refusal) {
		throw new NodeOperationError(options.node, refusal.message, {
			description: refusal.description,
			itemIndex: options.itemIndex,
		});
	}
}

/** Corrects the count once the real number of requests sent for a reservation is known. */
export function settle(baseUrl: string, requestsSent: number): void {
	const s = state(baseUrl);
	if (requestsSent === 0) s.sent.pop();
	for (let i = 1; i < requestsSent; i++) s.sent.push(clock.now());
}

export function usedInLastHour(baseUrl: string): number {
	return state(baseUrl).sent.length;
}

/** Forgets every host's budget and block (tests, and the sandbox's reset). */
export function resetBudgets(): void {
	hosts.clear();
}
