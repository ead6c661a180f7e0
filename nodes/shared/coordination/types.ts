/** One request counted in a sliding window; `ticket` names it for a later correction. */
export interface ReserveOptions {
	key: string;
	/** Requests allowed in any `windowMs`, across every process that shares the store. */
	limit: number;
	windowMs: number;
}

export interface SettleOptions {
	key: string;
	ticket: string;
	/** Requests really sent for the reservation: 0 takes it back, 2 counts one more. */
	sent: number;
	windowMs: number;
}

export type ReserveResult =
	| { ok: true; used: number; ticket: string }
	/** `retryAt`: when the oldest request that matters leaves the window (epoch ms). */
	| { ok: false; used: number; retryAt: number };

/** A stop set by one process for all: until when, and who set it (shown in messages and logs). */
export interface Block {
	until: number;
	by: string;
	reason?: string;
}

export interface LockOptions {
	/** The lock frees itself after this long, should its holder die without releasing it. */
	ttlMs: number;
	/** How long to wait for it before giving up (`LockBusy`). */
	waitMs: number;
}

export interface HeldLock {
	busy?: false;
	release(): Promise<void>;
}

/**
 * Shared counters, blocks, locks and small values. Every method is atomic for every process that
 * shares the store: one process's memory (`MemoryStore`) or one Redis (`RedisStore`).
 * Times are epoch ms from the caller's clock, so tests can move time.
 */
export interface CoordinationStore {
	/** Counts one request now if the window holds fewer than `limit`, else says when to retry. */
	reserve(options: ReserveOptions, now: number): Promise<ReserveResult>;
	/** Corrects a reservation once the requests really sent are known. */
	settle(options: SettleOptions, now: number): Promise<void>;
	/** Requests counted in the window (tests, messages). */
	used(key: string, windowMs: number, now: number): Promise<number>;
	/** Sets a block, keeping the later one when a block is already set. Returns the block in force. */
	block(key: string, block: Block, now: number): Promise<Block>;
	blocked(key: string, now: number): Promise<Block | undefined>;
	/** Takes the lock named `key`, waiting in turn; `holder` is shown to whoever waits too long. */
	lock(key: string, holder: string, options: LockOptions): Promise<HeldLock | LockBusy>;
	get(key: string): Promise<string | undefined>;
	set(key: string, value: string, ttlMs: number): Promise<void>;
}

/** A lock still held by someone else after the caller's `waitMs`. */
export interface LockBusy {
	busy: true;
	/** Who holds it, as its process named itself (`worker pid 4242 on host-a`). */
	holder?: string;
	waitedMs: number;
}
