import { randomUUID } from 'node:crypto';

import { clock } from '../clock';
import type {
	Block,
	CoordinationStore,
	HeldLock,
	LockBusy,
	LockOptions,
	ReserveOptions,
	ReserveResult,
	SettleOptions,
} from './types';

/** The one ioredis method used: every operation is a Lua script, so each is atomic in Redis. */
export interface RedisEval {
	eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

const RESERVE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local used = redis.call('ZCARD', KEYS[1])
if used >= limit then
  local frees = redis.call('ZRANGE', KEYS[1], used - limit, used - limit, 'WITHSCORES')
  return {0, used, frees[2]}
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return {1, used + 1, '0'}`;

const SETTLE = `
local sent = tonumber(ARGV[3])
if sent == 0 then redis.call('ZREM', KEYS[1], ARGV[2]) end
for n = 1, sent - 1 do redis.call('ZADD', KEYS[1], tonumber(ARGV[1]), ARGV[2] .. '+' .. n) end
if sent > 1 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4])) end
return 1`;

const USED = `return redis.call('ZCOUNT', KEYS[1], '(' .. (tonumber(ARGV[1]) - tonumber(ARGV[2])), '+inf')`;

// \`until\` is a Lua keyword, hence the brackets.
const BLOCK = `
local current = redis.call('GET', KEYS[1])
if current then
  local kept = tonumber(cjson.decode(current)['until'])
  if kept >= tonumber(ARGV[1]) and kept > tonumber(ARGV[3]) then return current end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', math.max(1, tonumber(ARGV[1]) - tonumber(ARGV[3])))
return ARGV[2]`;

const GET = `return redis.call('GET', KEYS[1])`;

const SET = `return redis.call('SET', KEYS[1], ARGV[1], 'PX', math.max(1, tonumber(ARGV[2])))`;

const LOCK = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', tonumber(ARGV[2])) then return {1, ARGV[1]} end
return {0, redis.call('GET', KEYS[1]) or ''}`;

const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Shown to waiters: the holder's name without the per-acquisition suffix. */
function holderName(value: string): string {
	return value.replace(/#[^#]*$/, '');
}

/** The store every process of a queue-mode installation shares, in n8n's own Redis. */
export class RedisStore implements CoordinationStore {
	constructor(
		private readonly client: RedisEval,
		private readonly prefix: string,
	) {}

	private k(key: string): string {
		return `${this.prefix}${key}`;
	}

	async reserve({ key, limit, windowMs }: ReserveOptions, now: number): Promise<ReserveResult> {
		const ticket = randomUUID();
		const [ok, used, frees] = (await this.client.eval(RESERVE, 1, this.k(key), now, windowMs, Math.max(1, limit), ticket)) as [
			number,
			number,
			string,
		];
		return ok === 1 ? { ok: true, used, ticket } : { ok: false, used, retryAt: Number(frees) + windowMs };
	}

	async settle({ key, ticket, sent, windowMs }: SettleOptions, now: number): Promise<void> {
		if (sent === 1) return;
		await this.client.eval(SETTLE, 1, this.k(key), now, ticket, sent, windowMs);
	}

	async used(key: string, windowMs: number, now: number): Promise<number> {
		return Number(await this.client.eval(USED, 1, this.k(key), now, windowMs));
	}

	async block(key: string, block: Block, now: number): Promise<Block> {
		const kept = (await this.client.eval(BLOCK, 1, this.k(key), block.until, JSON.stringify(block), now)) as string;
		return JSON.parse(kept) as Block;
	}

	async blocked(key: string, now: number): Promise<Block | undefined> {
		const raw = (await this.client.eval(GET, 1, this.k(key))) as string | null;
		if (!raw) return undefined;
		const block = JSON.parse(raw) as Block;
		return block.until > now ? block : undefined;
	}

	async lock(key: string, holder: string, { ttlMs, waitMs }: LockOptions): Promise<HeldLock | LockBusy> {
		const value = `${holder}#${randomUUID().slice(0, 8)}`;
		const started = clock.now();
		for (let round = 0; ; round++) {
			const [taken, current] = (await this.client.eval(LOCK, 1, this.k(key), value, ttlMs)) as [number, string];
			if (taken === 1) break;
			const waited = clock.now() - started;
			if (waited >= waitMs) return { busy: true, holder: current ? holderName(current) : undefined, waitedMs: waited };
			// Polling, from 10 ms up to 100 ms: a waiter needs no connection of its own.
			await clock.sleep(Math.min(100, 10 * 2 ** Math.min(round, 4)) + Math.floor(Math.random() * 10));
		}
		let released = false;
		return {
			release: async () => {
				if (released) return;
				released = true;
				await this.client.eval(UNLOCK, 1, this.k(key), value);
			},
		};
	}

	async get(key: string): Promise<string | undefined> {
		const value = (await this.client.eval(GET, 1, this.k(key))) as string | null;
		return value ?? undefined;
	}

	async set(key: string, value: string, ttlMs: number): Promise<void> {
		await this.client.eval(SET, 1, this.k(key), value, Math.round(ttlMs));
	}
}
