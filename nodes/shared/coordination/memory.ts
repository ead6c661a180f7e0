import { randomUUID } from 'node:crypto';

import { clock } from '../clock';

import type { Block, CoordinationStore, HeldLock, ReserveOptions, ReserveResult, SettleOptions } from './types';

interface Hit {
	at: number;
	ticket: string;
}

interface LockState {
	holder: string;
	queue: Array<() => void>;
}

/**
 * The store of one process (regular mode, or queue mode while Redis cannot be reached). Its locks
 * wait without a time limit: every holder is in this process and releases in a `finally`.
 */
export class MemoryStore implements CoordinationStore {
	private readonly windows = new Map<string, Hit[]>();

	private readonly blocks = new Map<string, Block>();

	private readonly values = new Map<string, { value: string; expiresAt: number }>();

	private readonly locks = new Map<string, LockState>();

	private window(key: string, windowMs: number, now: number): Hit[] {
		const hits = (this.windows.get(key) ?? []).filter((h) => h.at > now - windowMs);
		this.windows.set(key, hits);
		return hits;
	}

	async reserve({ key, limit, windowMs }: ReserveOptions, now: number): Promise<ReserveResult> {
		const hits = this.window(key, windowMs, now);
		if (hits.length >= limit) {
			const sorted = hits.map((h) => h.at).sort((a, b) => a - b);
			return { ok: false, used: hits.length, retryAt: sorted[hits.length - limit] + windowMs };
		}
		const ticket = randomUUID();
		hits.push({ at: now, ticket });
		return { ok: true, used: hits.length, ticket };
	}

	async settle({ key, ticket, sent }: SettleOptions, now: number): Promise<void> {
		const hits = this.windows.get(key) ?? [];
		if (sent === 0) {
			const i = hits.findIndex((h) => h.ticket === ticket);
			if (i >= 0) hits.splice(i, 1);
		}
		for (let n = 1; n < sent; n++) hits.push({ at: now, ticket: `${ticket}+${n}` });
		this.windows.set(key, hits);
	}

	async used(key: string, windowMs: number, now: number): Promise<number> {
		return this.window(key, windowMs, now).length;
	}

	async block(key: string, block: Block, now: number): Promise<Block> {
		const current = await this.blocked(key, now);
		if (current && current.until >= block.until) return current;
		this.blocks.set(key, block);
		return block;
	}

	async blocked(key: string, now: number): Promise<Block | undefined> {
		const block = this.blocks.get(key);
		if (block && block.until <= now) this.blocks.delete(key);
		return block && block.until > now ? block : undefined;
	}

	async lock(key: string, holder: string): Promise<HeldLock> {
		const state = this.locks.get(key);
		if (state) {
			await new Promise<void>((resolve) => state.queue.push(resolve));
			state.holder = holder;
		} else {
			this.locks.set(key, { holder, queue: [] });
		}
		let released = false;
		return {
			release: async () => {
				if (released) return;
				released = true;
				const current = this.locks.get(key);
				const next = current?.queue.shift();
				if (next) next();
				else this.locks.delete(key);
			},
		};
	}

	async get(key: string): Promise<string | undefined> {
		const entry = this.values.get(key);
		if (entry && entry.expiresAt <= clock.now()) this.values.delete(key);
		return entry && entry.expiresAt > clock.now() ? entry.value : undefined;
	}

	async set(key: string, value: string, ttlMs: number): Promise<void> {
		this.values.set(key, { value, expiresAt: clock.now() + ttlMs });
	}

	/** Forgets every count, block, value and lock whose key starts with `prefix` (tests). */
	clear(prefix = ''): void {
		for (const map of [this.windows, this.blocks, this.values, this.locks]) {
			for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
		}
	}
}
