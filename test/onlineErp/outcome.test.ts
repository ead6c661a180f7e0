import { erp, erpNode, onlineErpHarness, spySleep } from './helpers';

describe('OnlineERP: a write whose outcome is unknown says so', () => {
	afterEach(() => jest.restoreAllMocks());

	it('an update that timed out may have been applied; the robot may only be slow', async () => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp().put('/api/Entity/Product/P1', { Prix: 9.99 }).once().delay(20_000).reply(200, {});
		const { error, items } = await h.execute({
			node: erpNode({ operation: 'update', entity: 'Product', recordId: 'P1', body: '{"Prix": 9.99}', options: { timeout: 10 } }),
		});
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^OnlineERP did not answer PUT \/Entity\/Product\/P1 \(E[A-Z]+\), the change may have been applied$/);
		expect(error?.description).toBe(
			'The request was sent, but the connection ended before an answer came back. Nothing was retried. Check in the ERP whether the change was applied before running again. If the ERP is only slow, raise Timeout (Seconds) in the node options.',
		);
	}, 18_000);
});
