import { LoggerProxy } from 'n8n-workflow';
import type { Redis, RedisOptions } from 'ioredis';

import { clock } from '../clock';
import { MemoryStore } from './memory';
import { RedisStore } from './redis';
import { processSettings, type RedisSettings } from './settings';
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

export type { Block, HeldLock, LockBusy, LockOptions } from './types';

/** Every key this package writes into n8n's Redis starts with this. */
export const KEY_PREFIX = 'n8n-nodes-business-connectors:';

/** After Redis failed, this process counts alone for this long before it tries Redis again. */
const RETRY_REDIS_MS = 10_000;

/** Where a limit was counted, in words for messages. */
export interface LimitScope {
	/** Counted by every n8n process of the installation (through Redis). */
	shared: boolean;
	description: string;
}

export type SharedReserveResult = ReserveResult & { limit: number; scope: LimitScope };

class Coordination {
	private readonly memory = new MemoryStore();

	private client?: Redis;

	private redisStore?: RedisStore;

	private connecting?: Promise<void>;

	private downAt?: number;

	private downReason?: string;

	get processName(): string {
		return processSettings().processName;
	}

	private scope(shared: boolean): LimitScope {
		const { redis, unsupported } = processSettings();
		if (shared && redis) return { shared, description: `counted by every n8n process through Redis ${redis.label}` };
		if (unsupported) return { shared: false, description: `counted by this process alone: ${unsupported}` };
		if (redis) {
			return {
				shared: false,
				description: `counted by this process alone: Redis ${redis.label} could not be reached (${this.downReason ?? 'unknown error'})`,
			};
		}
		return { shared: false, description: 'counted by this n8n process (regular mode)' };
	}

	private markDown(error: unknown): void {
		let reason = error instanceof Error ? error.message : String(error);
		// ioredis follows the real cause (ECONNREFUSED, WRONGPASS…) with this; keep the cause.
		if (/^Connection is closed/.test(reason) && this.downReason) reason = this.downReason;
		if (this.downAt === undefined) {
			LoggerProxy.warn(
				`n8n-nodes-business-connectors: Redis ${processSettings().redis?.label ?? ''} unreachable (${reason}); ${this.processName} counts rate limits alone until it is back`,
			);
		}
		this.downAt = clock.now();
		this.downReason = reason;
	}

	private async connect(settings: RedisSettings): Promise<void> {
		this.downReason = undefined;
		try {
			if (!this.client) {
				// Loaded only in queue mode, so that regular mode never loads a Redis client.
				const { Redis: Client } = require('ioredis') as typeof import('ioredis');
				const options: RedisOptions = {
					host: settings.host,
					port: settings.port,
					db: settings.db,
					username: settings.username,
					password: settings.password,
					...(settings.tls ? { tls: {} } : {}),
					connectionName: 'n8n-nodes-business-connectors',
					lazyConnect: true,
					connectTimeout: 2000,
					commandTimeout: 2000,
					// A command fails at once when Redis is away; the caller then counts in memory.
					enableOfflineQueue: false,
					maxRetriesPerRequest: 0,
					// No background reconnection timers: the next use after RETRY_REDIS_MS reconnects.
					retryStrategy: () => null,
				};
				const client = new Client(options);
				client.on('error', (error: unknown) => this.markDown(error));
				// The connection must never keep an n8n process (or `n8n execute`) alive.
				client.on('connect', () => (client.stream as { unref?: () => void } | undefined)?.unref?.());
				this.client = client;
				this.redisStore = new RedisStore(client, KEY_PREFIX);
			}
			if (this.client.status === 'wait' || this.client.status === 'end' || this.client.status === 'close') {
				await this.client.connect();
			}
			this.downAt = undefined;
			this.downReason = undefined;
		} catch (error) {
			this.markDown(error);
		}
	}

	/** The Redis store when queue mode has one and it answers; undefined = count in this process. */
	private async redis(): Promise<RedisStore | undefined> {
		const { redis } = processSettings();
		if (!redis) return undefined;
		if (this.isReady()) return this.redisStore;
		if (this.downAt !== undefined && clock.now() - this.downAt < RETRY_REDIS_MS) return undefined;
		this.connecting ??= this.connect(redis).finally(() => (this.connecting = undefined));
		await this.connecting;
		return this.isReady() ? this.redisStore : undefined;
	}

	private isReady(): boolean {
		return this.client?.status === 'ready';
	}

	/** Runs `op` on Redis when it can, else (or when Redis fails meanwhile) on this process's memory. */
	private async run<T>(op: (store: CoordinationStore) => Promise<T>): Promise<{ value: T; shared: boolean }> {
		const redis = await this.redis();
		if (redis) {
			try {
				return { value: await op(redis), shared: true };
			} catch (error) {
				this.markDown(error);
			}
		}
		return { value: await op(this.memory), shared: false };
	}

	/**
	 * Counts one request in a sliding window. Counted in this process only, the limit is divided
	 * by `processes` (the credential's Processes Sharing This Key), at least 1.
	 */
	async reserve(options: ReserveOptions & { processes: number }): Promise<SharedReserveResult> {
		const now = clock.now();
		const processes = Math.max(1, Math.floor(options.processes) || 1);
		let limit = options.limit;
		const { value, shared } = await this.run(async (store) => {
			limit = store === this.memory ? Math.max(1, Math.floor(options.limit / processes)) : options.limit;
			return await store.reserve({ ...options, limit }, now);
		});
		return { ...value, limit, scope: this.scope(shared) };
	}

	async settle(options: SettleOptions): Promise<void> {
		await this.run(async (store) => await store.settle(options, clock.now()));
	}

	async used(key: string, windowMs: number): Promise<number> {
		return (await this.run(async (store) => await store.used(key, windowMs, clock.now()))).value;
	}

	/** Stops every process sending for `key` until `until`; the block names this process. */
	async block(key: string, block: { until: number; reason?: string }): Promise<Block> {
		const own: Block = { until: block.until, by: this.processName, ...(block.reason ? { reason: block.reason } : {}) };
		return (await this.run(async (store) => await store.block(key, own, clock.now()))).value;
	}

	async blocked(key: string): Promise<Block | undefined> {
		return (await this.run(async (store) => await store.blocked(key, clock.now()))).value;
	}

	/** A lock for every process of the installation (or of this process while Redis is away). */
	async lock(key: string, options: LockOptions): Promise<HeldLock | LockBusy> {
		const held = (await this.run(async (store) => await store.lock(key, this.processName, options))).value;
		if (held.busy) return held;
		return {
			// A release that cannot reach Redis is left to the lock's own expiry.
			release: async () => await held.release().catch((error: unknown) => this.markDown(error)),
		};
	}

	/** Runs `fn` under the lock; `onBusy` decides what a caller that waited too long gets. */
	async withLock<T>(key: string, options: LockOptions & { onBusy(busy: LockBusy): T | Promise<T> }, fn: () => Promise<T>): Promise<T> {
		const held = await this.lock(key, options);
		if (held.busy) return await options.onBusy(held);
		try {
			return await fn();
		} finally {
			await held.release();
		}
	}

	async get(key: string): Promise<string | undefined> {
		return (await this.run(async (store) => await store.get(key))).value;
	}

	async set(key: string, value: string, ttlMs: number): Promise<void> {
		await this.run(async (store) => await store.set(key, value, ttlMs));
	}

	/** Forgets this process's counts, blocks, values and locks under `prefix` (tests). */
	resetMemory(prefix = ''): void {
		this.memory.clear(prefix);
	}

	/** Closes the Redis connection, if any (tests). */
	async disconnect(): Promise<void> {
		const client = this.client;
		this.client = undefined;
		this.redisStore = undefined;
		this.downAt = undefined;
		this.downReason = undefined;
		if (client?.status === 'ready') await client.quit().catch(() => client.disconnect());
		else if (client && client.status !== 'end') client.disconnect();
	}
}

/** One per process: every node and credential of this package counts through it. */
export const coordination = new Coordination();
