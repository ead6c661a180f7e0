import { erp, erpNode, exactly, onlineErpHarness, spySleep } from './helpers';
import { WRITE_NOT_RETRIED } from '../../nodes/OnlineErp/transport';

afterEach(() => jest.restoreAllMocks());

describe('OnlineERP Entity → Update', () => {
	it('PUTs the body to the record URL and returns the answer', async () => {
		const h = onlineErpHarness();
		const scope = erp().put(exactly('/api/Entity/Product/P%2F1'), { Prix: 9.99 }).reply(200, { NoProduit: 'P/1', Prix: 9.99 });
		const { items, error, run } = await h.execute({
			node: erpNode({ operation: 'update', entity: 'Product', erp: 'acomba', recordId: 'P/1', body: '{"Prix": 9.99}' }),
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: { NoProduit: 'P/1', Prix: 9.99 }, pairedItem: { item: 0 } }]);
		// Acomba lists PUT for Product: no warning.
		expect(run.data.resultData.runData['Node Under Test'][0].hints).toEqual([]);
	});

	it('PUTs to the collection URL with Send To = Collection URL, and an empty answer is a success item', async () => {
		const h = onlineErpHarness();
		const scope = erp().put(exactly('/api/Entity/Customer'), { NoClient: '1001', NomClient: 'Neuf' }).reply(204);
		const { items } = await h.execute({
			node: erpNode({
				operation: 'update',
				entity: 'Customer',
				sendFields: 'fields',
				fields: { field: [{ name: 'NoClient', value: '1001' }, { name: 'NomClient', value: 'Neuf' }] },
				options: { sendTo: 'collection' },
			}),
		});
		scope.done();
		expect(items).toEqual([{ json: { success: true, entity: 'Customer' }, pairedItem: { item: 0 } }]);
	});

	it('is never retried', async () => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp().put(exactly('/api/Entity/CustomerInvoice/F-1')).reply(504, '');
		const { error, run } = await h.execute({
			node: erpNode({ operation: 'update', entity: 'CustomerInvoice', erp: 'acomba', recordId: 'F-1', body: { Total: 1 } }),
		});
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(error?.message).toBe("The OnlineERP robot at the customer's site did not answer (HTTP 504), the change may have been applied");
		expect(error?.description).toContain(WRITE_NOT_RETRIED);
		// Execution hints only show on success; the matrix is not consulted for a 504.
		expect(run.data.resultData.runData['Node Under Test'][0].hints).toEqual([]);
	});

	it('warns through an execution hint when the run succeeds (continue on fail)', async () => {
		const h = onlineErpHarness();
		const scope = erp().put(exactly('/api/Entity/CustomerInvoice/F-1')).reply(501, 'Not Implemented');
		const { items, run } = await h.execute({
			node: erpNode(
				{ operation: 'update', entity: 'CustomerInvoice', erp: 'acomba', recordId: 'F-1', body: { Total: 1 } },
				{ continueOnFail: true },
			),
		});
		scope.done();
		expect(items[0].json.error).toMatchObject({ message: 'Not Implemented' });
		expect((items[0].json.error as { description: string }).description).toContain('does not list Update (PUT) of CustomerInvoice for Acomba');
		expect(run.data.resultData.runData['Node Under Test'][0].hints?.[0]?.message).toContain(
			'does not list Update (PUT) of CustomerInvoice for Acomba',
		);
	});

	it('needs a Record ID with the record URL', async () => {
		const h = onlineErpHarness();
		const { error } = await h.execute({ node: erpNode({ operation: 'update', entity: 'Product', recordId: '', body: { a: 1 } }) });
		expect(error?.message).toBe('Record is empty on item 0');
	});
});
