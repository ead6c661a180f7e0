import nock from 'nock';
import { Redis } from 'ioredis';

import { ensureServers, startRedis, type Service } from '../../scripts/n8n/services';
import { clock } from '../../nodes/shared';
import { coordination, KEY_PREFIX } from '../../nodes/shared/coordination';
import { RedisStore } from '../../nodes/shared/coordination/redis';
import { forgetProcessSettings } from '../../nodes/shared/coordination/settings';
import type { HeldLock } from '../../nodes/shared/coordination/types';
import { Harness } from '../harness/harness';
import { startOnlineErpSandbox } from '../sandbox/onlineErp';
import { keyOf } from '../../nodes/ClientXcms/transport/pacing';
import { API_KEY, BASE, PRODUCTS, telestoHarness, telestoNode } from '../telesto/helpers';
import { API_KEY as CX_KEY, api as cxApi, BASE as CX_BASE, PREFIX as CX_PREFIX, cxHarness, cxNode, fakeSleep } from '../clientXcms/helpers';
import { api as saApi, BASE as SA_BASE, CLIENT_ID, KEY, saHarness, saNode, SECRET, TOKEN, TOKEN_2, tokenScope } from '../shopApplication/helpers';

const HOUR = 60 * 60 * 1000;
const getAll = () => ({ node: telestoNode({ resource: 'product', operation: 'getAll', returnAll: true, options: { forceFresh: true } }) });
const listInterfaces = () => saNode({ resource: 'interface', operation: 'getAll', returnAll: true });

const missing = ensureServers(['redis']);
const withRedis = missing ? describe.skip : describe;

/**
 * One jest process plays one n8n process of a queue-mode installation; "another process" is a
 * second connection to the same Redis writing what another worker would.
 */
withRedis(`Queue mode: limits and tokens shared through n8n's Redis${missing ? ` (skipped: ${missing})` : ''}`, () => {
	let redis: Service;
	let other: RedisStore;
	let otherClient: Redis;
	const saved = { ...process.env };

	const useRedis = (port: number) => {
		process.env.EXECUTIONS_MODE = 'queue';
		process.env.QUEUE_BULL_REDIS_HOST = '127.0.0.1';
		process.env.QUEUE_BULL_REDIS_PORT = String(port);
		forgetProcessSettings();
	};

	beforeAll(async () => {
		redis = await startRedis();
		otherClient = new Redis({ host: '127.0.0.1', port: redis.port });
		other = new RedisStore(otherClient, KEY_PREFIX);
	});
	afterAll(async () => {
		await coordination.disconnect();
		await otherClient.quit();
		process.env = { ...saved };
		forgetProcessSettings();
		await redis?.stop();
	});
	beforeEach(async () => {
		await otherClient.flushdb();
		await coordination.disconnect();
		useRedis(redis.port);
	});
	afterEach(() => {
		jest.restoreAllMocks();
		coordination.resetMemory();
	});

	describe('Telesto', () => {
		it('sends nothing when the other processes already spent the hour, and says the budget is shared', async () => {
			const now = clock.now();
			for (let i = 0; i < 100; i++) await other.reserve({ key: 'telesto:budget:telesto.test', limit: 100, windowMs: HOUR }, now - 1000);
			const { error, items } = await telestoHarness().execute(getAll());
			expect(items).toEqual([]);
			expect(error?.message).toBe('Telesto request budget used up: 100 requests in the last hour');
			expect(error?.description).toContain(`The budget is counted by every n8n process through Redis 127.0.0.1:${redis.port}/0.`);
		});

		it('holds back while another process is blocked, and names that process', async () => {
			const until = clock.now() + 10 * 60_000;
			await other.block('telesto:block:telesto.test', { until, by: 'worker pid 4242 on host-b' }, clock.now());
			const { error } = await telestoHarness().execute(getAll());
			expect(error?.message).toBe('Telesto rate limit reached (100 requests per hour per IP address)');
			expect(error?.description).toContain("worker pid 4242 on host-b received Telesto's 429; every n8n process of this installation holds back.");
		});

		it('blocks every other process when it receives a 429, and counts its request for all', async () => {
			const scope = nock(BASE, { reqheaders: { authorization: API_KEY } })
				.get('/v2/products')
				.reply(429, { statusCode: 429, error: { type: 'TOO_MANY_REQUESTS', description: 'Rate limit exceeded' } });
			const { error } = await telestoHarness().execute(getAll());
			scope.done();
			expect(error?.httpCode).toBe('429');
			const block = await other.blocked('telesto:block:telesto.test', clock.now());
			expect(block?.by).toBe(coordination.processName);
			expect(block!.until - clock.now()).toBeGreaterThan(14 * 60_000);
			expect(await other.used('telesto:budget:telesto.test', HOUR, clock.now())).toBe(1);
		});

		it('falls back to its share of the budget when Redis cannot be reached, and says so', async () => {
			useRedis(1);
			const h = telestoHarness().setCredentials('telestoApi', { apiKey: API_KEY, baseUrl: `${BASE}/v2`, processesSharingKey: 4 });
			const scope = nock(BASE).get('/v2/products').times(25).reply(200, PRODUCTS);
			const { error } = await h.execute({ ...getAll(), input: Array.from({ length: 26 }, (_, n) => ({ n })) });
			scope.done();
			expect(error?.message).toBe('Telesto request budget used up: 25 requests in the last hour');
			expect(error?.description).toMatch(
				/This process allows itself 25 of the 100 \(Requests per Hour divided by Processes Sharing This Key\), as the budget is counted by this process alone: Redis 127\.0\.0\.1:1\/0 could not be reached \(.*ECONNREFUSED.*\)\./,
			);
		});
	});

	describe('ClientXCMS', () => {
		it('waits for the minute the other processes filled, then sends', async () => {
			let now = Date.parse('2024-01-15T13:00:10Z');
			jest.spyOn(clock, 'now').mockImplementation(() => now);
			const sleep = jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
				now += ms;
			});
			const key = keyOf(`${CX_BASE}${CX_PREFIX}`, CX_KEY);
			for (let i = 0; i < 55; i++) await other.reserve({ key, limit: 55, windowMs: 60_000 }, Date.parse('2024-01-15T13:00:00Z'));
			const scope = cxApi().get('/customers/7').reply(200, { id: 7, email: 'a@example.com' });
			const { error } = await cxHarness().execute({ node: cxNode({ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '7' } }) });
			scope.done();
			expect(error).toBeUndefined();
			expect(sleep).toHaveBeenCalledWith(50_000);
			expect(await other.used(key, 60_000, now)).toBe(1);
		});

		it('pauses every process when it receives a 429', async () => {
			const sleep = fakeSleep();
			const scope = cxApi()
				.get('/customers/7')
				.reply(429, { message: 'Too Many Attempts.' }, { 'Retry-After': '20' })
				.get('/customers/7')
				.reply(200, { id: 7, email: 'a@example.com' });
			const started = clock.now();
			const { error } = await cxHarness().execute({ node: cxNode({ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '7' } }) });
			scope.done();
			expect(error).toBeUndefined();
			expect(sleep).toHaveBeenCalledWith(20_000);
			const pause = await other.blocked(`${keyOf(`${CX_BASE}${CX_PREFIX}`, CX_KEY)}:pause`, started);
			expect(pause?.by).toBe(coordination.processName);
			expect(pause!.until - started).toBeGreaterThanOrEqual(20_000);
		});
	});

	describe('Shop Application', () => {
		it('reuses the token another process obtained instead of asking one', async () => {
			const token = tokenScope(TOKEN);
			const first = saApi(TOKEN).get('/interfaces').query({}).times(2).reply(200, [KEY]);
			expect((await saHarness().execute({ node: listInterfaces() })).error).toBeUndefined();
			token.done();
			// A new process: nothing of the first one's memory, a credential still without a token.
			await coordination.disconnect();
			coordination.resetMemory();
			const h = new Harness().setCredentials('shopApplicationApi', { baseUrl: SA_BASE, clientId: CLIENT_ID, clientSecret: SECRET });
			const { error } = await h.execute({ node: listInterfaces() });
			first.done();
			expect(error).toBeUndefined();
			expect(h.credentials.stored('shopApplicationApi')?.accessToken).toBe(TOKEN);
			const stored = await otherClient.keys(`${KEY_PREFIX}shopApplication:token:*`);
			expect(stored).toHaveLength(1);
			const sealed = String(await otherClient.get(stored[0]));
			expect(sealed).not.toContain(TOKEN);
			expect(stored[0]).not.toContain(SECRET);
		});

		it('after a 401, takes the token another process already refreshed instead of asking again', async () => {
			const token = tokenScope(TOKEN_2);
			const fresh = saApi(TOKEN_2).get('/interfaces').query({}).times(2).reply(200, [KEY]);
			expect((await saHarness().execute({ node: listInterfaces() })).error).toBeUndefined();
			token.done();
			await coordination.disconnect();
			const h = new Harness().setCredentials('shopApplicationApi', {
				baseUrl: SA_BASE,
				clientId: CLIENT_ID,
				clientSecret: SECRET,
				accessToken: TOKEN,
				accessTokenExpiresAt: Date.now() + 3_000_000,
			});
			const refused = saApi(TOKEN).get('/interfaces').query({}).reply(401, { error: true, message: 'Jeton invalide' });
			const { error } = await h.execute({ node: listInterfaces() });
			refused.done();
			fresh.done();
			expect(error).toBeUndefined();
			expect(h.credentials.stored('shopApplicationApi')?.accessToken).toBe(TOKEN_2);
		});
	});

	describe('OnlineERP', () => {
		it('runs the requests of concurrent executions to one licence one at a time', async () => {
			nock.enableNetConnect('127.0.0.1');
			const sim = await startOnlineErpSandbox();
			try {
				sim.config.slowMs = 80;
				const h = new Harness().setCredentials(sim.credentialType, sim.credentials);
				const node = { type: 'onlineErp', parameters: { resource: 'entity', operation: 'getAll', entity: 'Customer', returnAll: true }, credentials: ['onlineErpApi'] };
				const runs = await Promise.all(Array.from({ length: 4 }, async () => await h.execute({ node })));
				for (const run of runs) expect(run.error).toBeUndefined();
				expect(sim.robot()).toEqual({ maxAtOnce: 1, overlapping: 0 });
				expect(sim.log.filter((r) => r.path.startsWith('/api/'))).toHaveLength(4);
			} finally {
				await sim.close();
				nock.disableNetConnect();
			}
		});

		it('gives up after waiting its turn too long, naming the process that holds the robot', async () => {
			let now = Date.parse('2024-01-15T13:00:00Z');
			jest.spyOn(clock, 'now').mockImplementation(() => now);
			jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
				now += ms * 1000;
			});
			const h = new Harness().setCredentials('onlineErpApi', { baseUrl: 'https://erp.test/api', licenceCode: 'LIC-1', secretKey: 's', companyId: '0' });
			const node = { type: 'onlineErp', parameters: { resource: 'entity', operation: 'getAll', entity: 'Customer', returnAll: true }, credentials: ['onlineErpApi'] };
			// Take the robot as another worker would, for the licence the node uses.
			const keys = () => otherClient.keys(`${KEY_PREFIX}onlineErp:robot:*`);
			const scope = nock('https://erp.test').get('/api/Entity/Customer').query(true).delay(50).reply(200, []);
			const first = h.execute({ node });
			let held: string[] = [];
			while (!held.length) held = await keys();
			await first;
			scope.done();
			const lock = (await other.lock(held[0].slice(KEY_PREFIX.length), 'worker pid 77 on host-c', { ttlMs: 60_000, waitMs: 0 })) as HeldLock;
			const { error } = await h.execute({ node });
			await lock.release();
			expect(error?.message).toBe('The OnlineERP robot of this licence stayed busy for 15 minutes');
			expect(error?.description).toContain("worker pid 77 on host-c still holds the robot's turn");
		});
	});
});
