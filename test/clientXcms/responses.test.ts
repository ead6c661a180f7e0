import { brokenAnswers, expectUnexpected } from '../harness/broken-answers';
import { api, CUSTOMER, fakeSleep, pageB, run, CUSTOMER_CREATE, UNKNOWN_OUTCOME_HINT } from './helpers';

describe('ClientXCMS answers are checked against their documented shape', () => {
	beforeEach(() => fakeSleep());
	afterEach(() => jest.restoreAllMocks());

	it.each(brokenAnswers({ wrongShape: { data: [{ id: 1 }], total: 1 } }).map((a) => [a.name, a] as const))(
		'Customer → Get answered with %s is an unexpected response, never "No customer with ID 1"',
		async (_name, answer) => {
			const scope = api().get('/customers/1').reply(answer.status, answer.body, answer.headers);
			const result = await run({ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '1' } });
			scope.done();
			expectUnexpected(result, { api: 'ClientXCMS', method: 'GET', path: '/customers/1', answer, write: false });
		},
	);

	it.each(brokenAnswers({ status: 201, wrongShape: { data: [{ id: 1, name: 'x' }] } }).map((a) => [a.name, a] as const))(
		'Customer → Create answered with %s is an unexpected response whose change may have been applied, sent once',
		async (_name, answer) => {
			const scope = api().post('/customers').once().reply(answer.status, answer.body, answer.headers);
			const result = await run(CUSTOMER_CREATE);
			scope.done();
			expectUnexpected(result, { api: 'ClientXCMS', method: 'POST', path: '/customers', answer, write: true, hint: UNKNOWN_OUTCOME_HINT });
		},
	);

	it.each([
		['a page without next_page_url', { data: [{ id: 4 }] }],
		['records without an id', pageB([{ name: 'VPS' } as never])],
	])('Product → Get Many refuses %s', async (_name, body) => {
		const scope = api().get('/products').query(true).reply(200, body);
		const { error, items } = await run({ resource: 'product', operation: 'getAll', returnAll: false, limit: 5 });
		scope.done();
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^Unexpected response from ClientXCMS to GET \/products \(HTTP 200\): /);
	});

	it('accepts the empty 204 of an invoice deletion, and the documented shapes', async () => {
		const scope = api()
			.delete('/invoices/3')
			.reply(204)
			.get('/customers/7')
			.reply(200, CUSTOMER);
		const deleted = await run({ resource: 'invoice', operation: 'delete', invoiceId: { mode: 'id', value: '3' } });
		const got = await run({ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '7' } });
		scope.done();
		expect(deleted.items.map((i) => i.json)).toEqual([{ deleted: true, id: 3 }]);
		expect(got.items[0].json.id).toBe(7);
	});
});
