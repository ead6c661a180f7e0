import nock from 'nock';

import { clock } from '../../nodes/shared';
import { API_KEY, BASE, PRODUCTS, productsScope, telestoHarness, telestoNode } from './helpers';

const call = (parameters: Record<string, unknown>) =>
	telestoNode({ resource: 'otherEndpoint', operation: 'request', ...parameters });

describe('Telesto Other Endpoint → Make a Request', () => {
	afterEach(() => jest.restoreAllMocks());

	it('sends a GET with query parameters under /v2 and splits an array answer into items', async () => {
		const h = telestoHarness();
		const scope = nock(BASE, { reqheaders: { authorization: API_KEY } })
			.get('/v2/warehouses')
			.query({ active: '1', q: 'a b' })
			.reply(200, [{ id: 'w1', name: 'Main', city: '' }, { id: 'w2', name: 'Back', city: 'Ghent' }]);
		const { items, error } = await h.execute({
			node: call({
				method: 'GET',
				path: '/v2/warehouses',
				queryParameters: { parameter: [{ name: 'active', value: '1' }, { name: 'q', value: 'a b' }] },
			}),
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([
			{ json: { id: 'w1', name: 'Main', city: null }, pairedItem: { item: 0 } },
			{ json: { id: 'w2', name: 'Back', city: 'Ghent' }, pairedItem: { item: 0 } },
		]);
	});

	it('keeps an array under "data" when splitting is off', async () => {
		const h = telestoHarness();
		const scope = nock(BASE).get('/v2/products').reply(200, PRODUCTS);
		const { items } = await h.execute({
			node: call({ method: 'GET', path: '/products', options: { splitArrays: false, cleanUp: false } }),
		});
		scope.done();
		expect(items).toEqual([{ json: { data: PRODUCTS }, pairedItem: { item: 0 } }]);
	});

	it('sends a JSON body with POST, never retries it, and maps 204 to success', async () => {
		const h = telestoHarness();
		const sleep = jest.spyOn(clock, 'sleep').mockResolvedValue(undefined);
		const scope = nock(BASE, { reqheaders: { authorization: API_KEY, 'content-type': /application\/json/ } })
			.post('/v2/stock-adjustments', { product: 'p1', delta: -2 })
			.reply(204)
			.post('/v2/stock-adjustments', { product: 'p1', delta: -2 })
			.reply(503, { statusCode: 503, error: { type: 'SERVER_ERROR', description: 'Busy' } });
		const node = call({ method: 'POST', path: '/stock-adjustments', sendBody: true, body: '{"product":"p1","delta":-2}' });
		const ok = await h.execute({ node });
		expect(ok.items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
		const failed = await h.execute({ node });
		scope.done();
		expect(failed.error?.message).toBe('Busy');
		expect(sleep).not.toHaveBeenCalled();
	});

	it('drops the execution\'s cached product list after a write', async () => {
		const h = telestoHarness();
		const scope = productsScope().post('/v2/products').reply(201, { id: 'p4' });
		// The cached list of this execution must not be used after the POST in the same execution.
		const executionId = 'exec-write';
		const get = telestoNode({ resource: 'product', operation: 'getAll', returnAll: true });
		await h.execute({ node: get, executionId });
		await h.execute({ node: call({ method: 'POST', path: '/products', sendBody: true, body: '{}' }), executionId });
		const again = productsScope();
		const { items } = await h.execute({ node: get, executionId });
		scope.done();
		again.done();
		expect(items).toHaveLength(3);
	});

	const DOTS = 'it may not contain empty, . or .. segments, also percent-encoded (%2e%2e), nor "\\"';
	it.each([
		['products', 'it must start with /'],
		['https://evil.test/v2/products', 'it must start with /'],
		['/x://y', 'give a path, not a full URL'],
		['/products?id=1', 'put query parameters in "Query Parameters"'],
		['/products/../admin', DOTS],
		['/products/%2e%2e/admin', DOTS],
		['/products/%2E%2e', DOTS],
		['/products/%252e%252e/admin', DOTS],
		['/products/.%2E/admin', DOTS],
		['/products//admin', DOTS],
		['/products\\..\\admin', DOTS],
	])('rejects the path %s before sending anything', async (path, why) => {
		const h = telestoHarness();
		const { error } = await h.execute({ node: call({ method: 'GET', path }) });
		expect(error?.message).toBe(`Invalid Path '${path}' on item 0: ${why}`);
	});

	it('refuses a run that would send more requests than Max Requests per Run, sending none', async () => {
		const h = telestoHarness();
		const { error } = await h.execute({
			node: call({ method: 'GET', path: '/products', options: { maxRequests: 2 } }),
			input: [{}, {}, {}],
		});
		expect(error?.message).toBe('This would send 3 requests; Telesto allows 100 per hour per IP address');
		expect(error?.description).toContain('"Max Requests per Run" is 2');
	});

	it('refuses a Max Requests per Run that is not a number, sending none (never read as "no cap")', async () => {
		const h = telestoHarness();
		const { error } = await h.execute({
			node: { ...call({ method: 'GET', path: '/products', options: { maxRequests: '={{ $json.max }}' } }), continueOnFail: true },
			input: [{ max: 'abc' }, { max: 'abc' }],
		});
		expect(error?.message).toBe('Max Requests per Run on item 0 is not a number: abc');
	});

	it('a bad on/off option fails its own item only; the others are sent (Continue On Fail)', async () => {
		const h = telestoHarness();
		const scope = nock(BASE, { reqheaders: { authorization: API_KEY } }).get('/v2/things').reply(200, { id: 't1' });
		const { items, error } = await h.execute({
			node: { ...call({ method: 'GET', path: '/things', options: { cleanUp: '={{ $json.clean }}' } }), continueOnFail: true },
			input: [{ clean: 'yes' }, { clean: 'false' }],
		});
		scope.done();
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { error: { message: "Invalid input for field 'Clean Up Values' inside 'Options' in [item 0]", description: "'cleanUp' expects a boolean but we got 'yes'" } },
				pairedItem: { item: 0 },
			},
			{ json: { id: 't1' }, pairedItem: { item: 1 } },
		]);
	});

	it('reports invalid JSON in the body on its item; Continue On Fail keeps going', async () => {
		const h = telestoHarness();
		const scope = nock(BASE).put('/v2/things/1', { ok: true }).reply(200, { ok: true, n: '7' });
		const { items } = await h.execute({
			node: {
				...call({ method: 'PUT', path: '/things/1', sendBody: true, body: '={{ $json.body }}', options: { numericFields: 'n' } }),
				continueOnFail: true,
			},
			input: [{ body: '{nope' }, { body: '{"ok":true}' }],
		});
		scope.done();
		expect(items[0]).toEqual({
			json: { error: expect.objectContaining({ message: 'Body (JSON) is not valid JSON on item 0' }) },
			pairedItem: { item: 0 },
		});
		expect(items[1]).toEqual({ json: { ok: true, n: 7 }, pairedItem: { item: 1 } });
	});

	it('says what Telesto answered for an unknown path', async () => {
		const h = telestoHarness();
		const scope = nock(BASE)
			.delete('/v2/orders/9')
			.reply(404, { statusCode: 404, error: { type: 'NOT_FOUND', description: 'Resource not found' } });
		const { error } = await h.execute({ node: call({ method: 'DELETE', path: '/orders/9' }) });
		scope.done();
		expect(error?.message).toBe('Resource not found');
		expect(error?.description).toBe(
			'Telesto has no such resource. For Other Endpoint requests, check the path (it is relative to /v2).',
		);
		expect(error?.httpCode).toBe('404');
	});
});
