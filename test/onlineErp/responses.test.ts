import { brokenAnswers, expectUnexpected } from '../harness/broken-answers';
import { erp, erpNode, exactly, onlineErpHarness, spySleep } from './helpers';

const HINT = 'Check in the ERP whether the change was applied before running again.';

describe('OnlineERP answers are checked against their documented shape', () => {
	afterEach(() => jest.restoreAllMocks());

	it.each(brokenAnswers({ wrongShape: ['1001', '1002'] }).map((a) => [a.name, a] as const))(
		'Get Many answered with %s is an unexpected response, never a bogus item or an empty list',
		async (_name, answer) => {
			const h = onlineErpHarness();
			const scope = erp().get(exactly('/api/Entity/Customer?$top=5')).reply(answer.status, answer.body, answer.headers);
			const result = await h.execute({ node: erpNode({ operation: 'getAll', entity: 'Customer', returnAll: false, limit: 5 }) });
			scope.done();
			expectUnexpected(result, { api: 'OnlineERP', method: 'GET', path: '/Entity/Customer', answer, write: false });
		},
	);

	// An empty answer to a write is a success (spec §7), so only the other three apply.
	it.each(
		brokenAnswers({ status: 201, wrongShape: [1, 2] })
			.filter((a) => a.name !== 'an empty body')
			.map((a) => [a.name, a] as const),
	)('Create answered with %s says the change may have been applied, sent once', async (_name, answer) => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp().post('/api/Entity/SupplierInvoice').once().reply(answer.status, answer.body, answer.headers);
		const result = await h.execute({
			node: erpNode({ operation: 'create', entity: 'SupplierInvoice', body: '{"NoFacture":"INV-1"}' }),
		});
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expectUnexpected(result, { api: 'OnlineERP', method: 'POST', path: '/Entity/SupplierInvoice', answer, write: true, hint: HINT });
	});

	it('Get answered with an empty body is unexpected; an empty list is "not found"', async () => {
		const h = onlineErpHarness();
		const scope = erp().get('/api/Entity/Customer/1001').reply(200, '').get('/api/Entity/Customer/1002').reply(200, []);
		const empty = await h.execute({ node: erpNode({ operation: 'get', entity: 'Customer', recordId: '1001' }) });
		const none = await h.execute({ node: erpNode({ operation: 'get', entity: 'Customer', recordId: '1002' }) });
		scope.done();
		expect(empty.error?.message).toBe('Unexpected response from OnlineERP to GET /Entity/Customer/1001 (HTTP 200): an empty body');
		expect(none.error?.message).toMatch(/1002/);
		expect(none.error?.message).not.toMatch(/^Unexpected/);
	});
});
