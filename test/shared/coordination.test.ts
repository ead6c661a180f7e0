import { Redis } from 'ioredis';

import { ensureServers, startRedis, type Service } from '../../scripts/n8n/services';
import { clock } from '../../nodes/shared';
import { coordination, KEY_PREFIX } from '../../nodes/shared/coordination';
import { MemoryStore } from '../../nodes/shared/coordination/memory';
import { RedisStore } from '../../nodes/shared/coordination/redis';
import { forgetProcessSettings } from '../../nodes/shared/coordination/settings';
import type { CoordinationStore, HeldLock } from '../../nodes/shared/coordination/types';

const T0 = Date.parse('2024-01-15T13:00:00Z');

/** The same contract, for one process's memory and for Redis. */
function contract(name: string, make: () => CoordinationStore) {
	describe(name, () => {
		let store: CoordinationStore;
		let key: string;
		let n = 0;
		beforeEach(() => {
			store = make();
			key = `test:${name}:${++n}:${Date.now()}`;
		});

		it('counts up to the limit in a sliding window, then says when the oldest request leaves it', async () => {
			const options = { key, limit: 3, windowMs: 60_000 };
			expect(await store.reserve(options, T0)).toMatchObject({ ok: true, used: 1 });
			expect(await store.reserve(options, T0 + 10_000)).toMatchObject({ ok: true, used: 2 });
			expect(await store.reserve(options, T0 + 20_000)).toMatchObject({ ok: true, used: 3 });
			expect(await store.reserve(options, T0 + 30_000)).toEqual({ ok: false, used: 3, retryAt: T0 + 60_000 });
			expect(await store.used(key, 60_000, T0 + 30_000)).toBe(3);
			// At T0 + 60 s the first request is exactly one window old and no longer counts.
			expect(await store.reserve(options, T0 + 60_000)).toMatchObject({ ok: true, used: 3 });
			expect(await store.used(key, 60_000, T0 + 60_000)).toBe(3);
		});

		it('takes back a reservation nothing was sent for, and counts the repeat of a 401', async () => {
			const options = { key, limit: 5, windowMs: 60_000 };
			const first = await store.reserve(options, T0);
			const second = await store.reserve(options, T0);
			if (!first.ok || !second.ok) throw new Error('reservations refused');
			await store.settle({ key, ticket: first.ticket, sent: 0, windowMs: 60_000 }, T0);
			expect(await store.used(key, 60_000, T0)).toBe(1);
			await store.settle({ key, ticket: second.ticket, sent: 2, windowMs: 60_000 }, T0 + 1);
			expect(await store.used(key, 60_000, T0 + 1)).toBe(2);
			await store.settle({ key, ticket: second.ticket, sent: 1, windowMs: 60_000 }, T0 + 2);
			expect(await store.used(key, 60_000, T0 + 2)).toBe(2);
		});

		it('keeps the later of two blocks, with the process that set it, until it ends', async () => {
			expect(await store.blocked(key, T0)).toBeUndefined();
			expect(await store.block(key, { until: T0 + 900_000, by: 'worker pid 1 on a' }, T0)).toEqual({ until: T0 + 900_000, by: 'worker pid 1 on a' });
			expect(await store.block(key, { until: T0 + 60_000, by: 'worker pid 2 on b' }, T0 + 1)).toEqual({ until: T0 + 900_000, by: 'worker pid 1 on a' });
			expect(await store.blocked(key, T0 + 899_999)).toEqual({ until: T0 + 900_000, by: 'worker pid 1 on a' });
			expect(await store.blocked(key, T0 + 900_000)).toBeUndefined();
		});

		it('hands a lock to one holder at a time, in turn', async () => {
			const order: string[] = [];
			const first = (await store.lock(key, 'a', { ttlMs: 10_000, waitMs: 10_000 })) as HeldLock;
			const second = store.lock(key, 'b', { ttlMs: 10_000, waitMs: 10_000 }).then((held) => {
				order.push('b acquired');
				return held as HeldLock;
			});
			await new Promise((resolve) => setTimeout(resolve, 50));
			order.push('a releases');
			await first.release();
			const held = await second;
			await held.release();
			expect(order).toEqual(['a releases', 'b acquired']);
			const third = (await store.lock(key, 'c', { ttlMs: 10_000, waitMs: 10 })) as HeldLock;
			expect(third.busy).toBeFalsy();
			await third.release();
		});

		it('stores a value until its time to live ends', async () => {
			await store.set(key, 'sealed', 60_000);
			expect(await store.get(key)).toBe('sealed');
			expect(await store.get(`${key}:other`)).toBeUndefined();
		});
	});
}

contract('MemoryStore', () => new MemoryStore());

const missing = ensureServers(['redis']);
const withRedis = missing ? describe.skip : describe;

withRedis(`with a real redis-server${missing ? ` (skipped: ${missing})` : ''}`, () => {
	let redis: Service;
	const clients: Redis[] = [];
	const client = () => {
		const c = new Redis({ host: '127.0.0.1', port: redis.port, lazyConnect: false });
		clients.push(c);
		return c;
	};
	beforeAll(async () => {
		redis = await startRedis();
	});
	afterAll(async () => {
		await Promise.all(clients.map(async (c) => await c.quit().catch(() => c.disconnect())));
		await redis?.stop();
	});

	contract('RedisStore', () => new RedisStore(client(), KEY_PREFIX));

	it('lets two processes (two connections) race for a window and admits exactly the limit', async () => {
		const a = new RedisStore(client(), KEY_PREFIX);
		const b = new RedisStore(client(), KEY_PREFIX);
		const options = { key: 'race', limit: 60, windowMs: 60_000 };
		const results = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).reserve(options, T0 + i)));
		expect(results.filter((r) => r.ok)).toHaveLength(60);
		expect(await a.used('race', 60_000, T0 + 100)).toBe(60);
	});

	it('gives up waiting for a lock held by another process, and says which one', async () => {
		const a = new RedisStore(client(), KEY_PREFIX);
		const b = new RedisStore(client(), KEY_PREFIX);
		const held = (await a.lock('robot', 'worker pid 7 on host-a', { ttlMs: 5_000, waitMs: 0 })) as HeldLock;
		const busy = await b.lock('robot', 'worker pid 8 on host-b', { ttlMs: 5_000, waitMs: 200 });
		expect(busy).toMatchObject({ busy: true, holder: 'worker pid 7 on host-a' });
		await held.release();
	});

	it('frees a lock whose holder died once its time to live ends', async () => {
		const a = new RedisStore(client(), KEY_PREFIX);
		await a.lock('dead', 'worker pid 9 on host-c', { ttlMs: 100, waitMs: 0 });
		const next = await a.lock('dead', 'main pid 1 on host-d', { ttlMs: 5_000, waitMs: 2_000 });
		expect(next.busy).toBeFalsy();
	});

	describe('the process-wide coordination in queue mode', () => {
		const saved = { ...process.env };
		afterEach(async () => {
			await coordination.disconnect();
			process.env = { ...saved };
			forgetProcessSettings();
			coordination.resetMemory();
			jest.restoreAllMocks();
		});

		it('counts through the Redis of n8n\'s queue settings', async () => {
			process.env.EXECUTIONS_MODE = 'queue';
			process.env.QUEUE_BULL_REDIS_HOST = '127.0.0.1';
			process.env.QUEUE_BULL_REDIS_PORT = String(redis.port);
			forgetProcessSettings();
			const first = await coordination.reserve({ key: 'facade', limit: 2, windowMs: 60_000, processes: 3 });
			expect(first).toMatchObject({ ok: true, limit: 2, scope: { shared: true, description: `counted by every n8n process through Redis 127.0.0.1:${redis.port}/0` } });
			expect(await new RedisStore(client(), KEY_PREFIX).used('facade', 60_000, clock.now())).toBe(1);
		});

		it('counts alone, with the limit divided by the processes sharing the key, when Redis cannot be reached', async () => {
			process.env.EXECUTIONS_MODE = 'queue';
			process.env.QUEUE_BULL_REDIS_HOST = '127.0.0.1';
			process.env.QUEUE_BULL_REDIS_PORT = '1';
			forgetProcessSettings();
			const first = await coordination.reserve({ key: 'down', limit: 100, windowMs: 60_000, processes: 3 });
			expect(first).toMatchObject({ ok: true, limit: 33, scope: { shared: false } });
			expect(first.scope.description).toMatch(/^counted by this process alone: Redis 127\.0\.0\.1:1\/0 could not be reached \(.*ECONNREFUSED.*\)$/);
		});

		it('stays in memory in regular mode, without loading a Redis client', async () => {
			delete process.env.EXECUTIONS_MODE;
			forgetProcessSettings();
			const result = await coordination.reserve({ key: 'regular', limit: 10, windowMs: 60_000, processes: 1 });
			expect(result).toMatchObject({ ok: true, limit: 10, scope: { shared: false, description: 'counted by this n8n process (regular mode)' } });
		});
	});
});
