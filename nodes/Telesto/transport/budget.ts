import { NodeOperationError, type INode } from 'n8n-workflow';

import { clock, coordination, type Block } from '../../shared';

const HOUR_MS = 60 * 60 * 1000;
export const BLOCK_MS = 15 * 60 * 1000;

/**
 * Telesto's limit is per IP address, so the budget and the block are kept per Telesto host and
 * shared by every credential and workflow: in this process (regular mode), or by every process
 * of a queue-mode installation through n8n's Redis.
 */
function hostOf(baseUrl: string): string {
	try {
		return new URL(baseUrl).host;
	} catch {
		return baseUrl;
	}
}

const budgetKey = (baseUrl: string) => `telesto:budget:${hostOf(baseUrl)}`;
const blockKey = (baseUrl: string) => `telesto:block:${hostOf(baseUrl)}`;

/** The latest block this process knows of, per host: error messages are built synchronously. */
const known = new Map<string, Block>();

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

/** `by`: the process that received the 429, named when it is not this one. */
export function blockedMessage(block: { until: number; by?: string }, timezone: string): { message: string; description: string } {
	const seen = block.by && block.by !== coordination.processName ? ` ${block.by} received Telesto's 429; every n8n process of this installation holds back.` : '';
	return {
		message: 'Telesto rate limit reached (100 requests per hour per IP address)',
		description: `Telesto blocks this n8n server's IP address until about ${formatWhen(block.until, timezone)}. Requests sent before then will fail, so this node sends none until then.${seen}`,
	};
}

/** The block in force for this host, as this process last learned it (no store access). */
export function knownBlock(baseUrl: string): Block | undefined {
	const block = known.get(hostOf(baseUrl));
	return block && block.until > clock.now() ? block : undefined;
}

export async function blockedUntil(baseUrl: string): Promise<Block | undefined> {
	const block = await coordination.blocked(blockKey(baseUrl));
	if (block) known.set(hostOf(baseUrl), block);
	return block;
}

/** Stops every process sending to this host until the block ends; returns the block in force. */
export async function recordBlock(baseUrl: string, retryAfterMs: number | undefined): Promise<Block> {
	const block = await coordination.block(blockKey(baseUrl), {
		until: clock.now() + (retryAfterMs ?? BLOCK_MS),
		reason: 'Telesto answered 429',
	});
	known.set(hostOf(baseUrl), block);
	return block;
}

/**
 * Takes one request from the hour's budget, or says why not (nothing is to be sent then): the
 * block Telesto imposed, or the budget used up with the time it frees up. The ticket is for `settle`.
 */
export async function tryReserve(options: {
	baseUrl: string;
	perHour: number;
	/** The credential's Processes Sharing This Key: divides the budget while it is not shared. */
	processes: number;
	timezone: string;
}): Promise<{ ticket: string } | { message: string; description: string }> {
	const { baseUrl, timezone } = options;
	const block = await blockedUntil(baseUrl);
	if (block) return blockedMessage(block, timezone);
	const result = await coordination.reserve({
		key: budgetKey(baseUrl),
		limit: options.perHour,
		windowMs: HOUR_MS,
		processes: options.processes,
	});
	if (result.ok) return { ticket: result.ticket };
	const share =
		result.limit < options.perHour
			? ` This process allows itself ${result.limit} of the ${options.perHour} (Requests per Hour divided by Processes Sharing This Key), as the budget is ${result.scope.description}.`
			: ` The budget is ${result.scope.description}.`;
	return {
		message: `Telesto request budget used up: ${result.used} requests in the last hour`,
		description: `Telesto allows 100 requests per hour per IP address and blocks it for 15 minutes beyond that, so this request was not sent. The next one can go at about ${formatWhen(result.retryAt, timezone)}. Lower how often workflows call Telesto, or raise "Requests per Hour" in the credential if Telesto allows more.${share}`,
	};
}

/** `tryReserve` for a node: a refusal is the node's error. */
export async function reserve(options: {
	node: INode;
	baseUrl: string;
	perHour: number;
	/** The credential's Processes Sharing This Key: divides the budget while it is not shared. */
	processes: number;
	timezone: string;
	itemIndex?: number;
}): Promise<string> {
	const outcome = await tryReserve(options);
	if ('ticket' in outcome) return outcome.ticket;
	throw new NodeOperationError(options.node, outcome.message, {
		description: outcome.description,
		itemIndex: options.itemIndex,
	});
}

/** Corrects the count once the real number of requests sent for a reservation is known. */
export async function settle(baseUrl: string, ticket: string, requestsSent: number): Promise<void> {
	await coordination.settle({ key: budgetKey(baseUrl), ticket, sent: requestsSent, windowMs: HOUR_MS });
}

export async function usedInLastHour(baseUrl: string): Promise<number> {
	return await coordination.used(budgetKey(baseUrl), HOUR_MS);
}

/** Forgets this process's budgets and blocks (tests). */
export function resetBudgets(): void {
	known.clear();
	coordination.resetMemory('telesto:');
}
