import nock from 'nock';

import { clock } from '../../nodes/shared';
import { REQUESTS_PER_MINUTE, sentInWindow } from '../../nodes/ClientXcms/transport/pacing';
import { API_KEY, api, BASE, CUSTOMER, CUSTOMER_PUBLIC, cxHarness, fakeSleep, pageB, paired, PREFIX, run } from './helpers';

const getCustomer = { resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '7' } };

afterEach(() => jest.restoreAllMocks());

describe('ClientXCMS transport', () => {
	it('401: explains the 30-day expiry and how to regenerate the key', async () => {
		// n8n sends a request a second time after a 401.
		const scope = api().get('/customers/7').times(2).reply(401, { message: 'Unauthenticated.' });
		const { error } = await run(getCustomer);
		scope.done();
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toBe('ClientXCMS rejected the API key (401 Unauthenticated)');
		expect(error?.description).toContain('expire 30 days after creation');
		expect(error?.description).toContain('Settings → Security → API Keys → Regenerate');
	});

	it('403 "Invalid ability provided.": names the exact ability of the route', async () => {
		const scope = api().post('/services/5/expire').reply(403, { message: 'Invalid ability provided.' });
		const { error } = await run({ resource: 'service', operation: 'expire', serviceId: { mode: 'id', value: '5' } });
		scope.done();
		expect(error?.message).toBe('The API key lacks the permission `services:expire`');
		expect(error?.description).toContain('`services:expire`');
		expect(error?.description).toContain('Administrator key');
	});

	it('403 on the read of a read-modify-write names the :show ability', async () => {
		const scope = api().get('/invoices/3').reply(403, { message: 'Invalid ability provided.' });
		const { error } = await run({ resource: 'invoice', operation: 'update', invoiceId: { mode: 'id', value: '3' }, updateFields: { notes: 'x' } });
		scope.done();
		expect(error?.message).toBe('The API key lacks the permission `invoices:show`');
	});

	it('429: waits Retry-After (clock.sleep spied) and then succeeds, also for a POST', async () => {
		const sleep = fakeSleep();
		const scope = api()
			.post('/customers/7/confirm')
			.reply(429, { message: 'Too Many Attempts.' }, { 'Retry-After': '3' })
			.post('/customers/7/confirm')
			.reply(200, CUSTOMER);
		const { items, error } = await run({ resource: 'customer', operation: 'confirmEmail', customerId: { mode: 'id', value: '7' } });
		scope.done();
		expect(error).toBeUndefined();
		expect(sleep).toHaveBeenCalledWith(3000);
		expect(items).toEqual(paired([CUSTOMER_PUBLIC]));
	});

	it('429 three times: gives up after 2 retries with the rate-limit message', async () => {
		const sleep = fakeSleep();
		const scope = api().get('/customers/7').times(3).reply(429, { message: 'Too Many Attempts.' }, { 'Retry-After': '1' });
		const { error } = await run(getCustomer);
		scope.done();
		expect(sleep).toHaveBeenCalledTimes(2);
		expect(error?.message).toBe('ClientXCMS rate limit reached (60 requests per minute per admin account)');
	});

	it('paces requests: the 56th request within a minute waits for the window', async () => {
		let now = 1_000_000;
		jest.spyOn(clock, 'now').mockImplementation(() => now);
		const sleep = jest.spyOn(clock, 'sleep').mockImplementation(async (ms) => {
			now += ms;
		});
		const h = cxHarness();
		const pages = REQUESTS_PER_MINUTE + 1;
		let scope = api();
		for (let p = 1; p <= pages; p++) {
			scope = scope
				.get('/products')
				.query({ page: p, per_page: pages, sort: '-id' })
				.reply(200, pageB([{ id: p }], { page: p, next: p < pages }));
		}
		const { items } = await h.execute({
			node: { type: 'clientXcms', credentials: ['clientXcmsApi'], parameters: { resource: 'product', operation: 'getAll', returnAll: false, limit: pages } },
		});
		scope.done();
		expect(items).toHaveLength(pages);
		// The first request left at `now`; the 56th waited until it was 60 s old.
		expect(sleep).toHaveBeenCalledTimes(1);
		expect(sleep).toHaveBeenCalledWith(60_000);
		expect(await sentInWindow(`${BASE}${PREFIX}`, API_KEY)).toBe(1);
	});

	it('X-RateLimit-Remaining: 0 pauses the next request', async () => {
		let now = 5_000_000;
		jest.spyOn(clock, 'now').mockImplementation(() => now);
		const sleep = jest.spyOn(clock, 'sleep').mockImplementation(async (ms) => {
			now += ms;
		});
		const scope = api()
			.get('/products')
			.query({ page: 1, per_page: 2, sort: '-id' })
			.reply(200, pageB([{ id: 1 }], { next: true }), { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String((now + 20_000) / 1000) })
			.get('/products')
			.query({ page: 2, per_page: 2, sort: '-id' })
			.reply(200, pageB([{ id: 2 }], { page: 2 }));
		const { items } = await run({ resource: 'product', operation: 'getAll', returnAll: false, limit: 2 });
		scope.done();
		expect(items).toHaveLength(2);
		expect(sleep).toHaveBeenCalledWith(20_000);
	});

	it('502 on a GET is retried; 500 is not', async () => {
		const sleep = fakeSleep();
		const scope = api()
			.get('/customers/7')
			.reply(502, 'Bad gateway')
			.get('/customers/7')
			.reply(200, CUSTOMER)
			.get('/customers/8')
			.reply(500, { message: 'Server Error' });
		const ok = await run(getCustomer);
		const failed = await run({ ...getCustomer, customerId: { mode: 'id', value: '8' } });
		scope.done();
		expect(ok.items).toEqual(paired([CUSTOMER_PUBLIC]));
		expect(sleep).toHaveBeenCalledTimes(1);
		expect(failed.error?.message).toBe('ClientXCMS had an internal error');
		expect(failed.error?.description).toContain("instance's logs");
	});

	it('GET /invoices/{id}/notify (sends an e-mail) is not retried after a 502', async () => {
		const sleep = fakeSleep();
		const scope = api().get('/invoices/3/notify').reply(502, 'Bad gateway');
		const { error } = await run({ resource: 'invoice', operation: 'sendNotification', invoiceId: { mode: 'id', value: '3' } });
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(error?.httpCode).toBe('502');
	});

	it('503 maintenance, 404 unknown route and 400 refused filter get their own messages', async () => {
		const scope = api()
			.get('/license')
			.reply(503, { message: 'Back soon' })
			.get('/health')
			.reply(404, { message: 'The route api/application/health could not be found.' })
			.get('/products')
			.query(true)
			.reply(400, { message: 'Requested filter(s) `x` are not allowed. Allowed filter(s) are `id, name`.' });
		const maintenance = await run({ resource: 'instance', operation: 'getLicense' });
		const unknown = await run({ resource: 'instance', operation: 'getHealth' });
		const refused = await run({ resource: 'product', operation: 'getAll', returnAll: true });
		scope.done();
		expect(maintenance.error?.message).toBe('ClientXCMS is in maintenance mode: Back soon');
		expect(unknown.error?.message).toBe('This ClientXCMS instance does not offer this operation');
		expect(unknown.error?.description).toBe('It needs ClientXCMS 2.15 or later.');
		expect(refused.error?.description).toBe('This filter/sort/include is not allowed for this resource.');
	});

	it('Continue On Fail: one error item per failing input, the others go on, all paired', async () => {
		const scope = api().get('/customers/7').reply(200, CUSTOMER).get('/customers/8').reply(404, { message: 'No query results' });
		const { items } = await run(
			{ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '={{ $json.id }}' } },
			{ input: [{ id: 7 }, { id: 8 }], continueOnFail: true },
		);
		scope.done();
		expect(items).toEqual([
			{ json: CUSTOMER_PUBLIC, pairedItem: { item: 0 } },
			{ json: { error: expect.objectContaining({ message: 'No customer with ID 8', httpCode: '404' }) }, pairedItem: { item: 1 } },
		]);
	});

	it('Instance URL: a pasted /api/application and a "Bearer " prefix are removed', async () => {
		const h = cxHarness({ instanceUrl: `${BASE}/api/application/`, apiKey: `  Bearer ${API_KEY} ` });
		const scope = api().get('/health').reply(200, { status: 'ok' });
		const { items } = await run({ resource: 'instance', operation: 'getHealth' }, { harness: h });
		scope.done();
		expect(items).toEqual(paired([{ status: 'ok' }]));
	});

	it('plain http:// is refused unless Allow Plain HTTP is on', async () => {
		const refused = await run(getCustomer, { harness: cxHarness({ instanceUrl: 'http://billing.test' }) });
		expect(refused.error?.message).toContain('plain http://');
		const scope = nock('http://billing.test/api/application').get('/customers/7').reply(200, CUSTOMER);
		const allowed = await run(getCustomer, { harness: cxHarness({ instanceUrl: 'http://billing.test', allowHttp: true }) });
		scope.done();
		expect(allowed.items).toEqual(paired([CUSTOMER_PUBLIC]));
	});
});
