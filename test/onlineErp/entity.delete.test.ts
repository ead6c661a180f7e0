import { erp, erpNode, exactly, onlineErpHarness, spySleep } from './helpers';

afterEach(() => jest.restoreAllMocks());

describe('OnlineERP Entity → Delete', () => {
	it('DELETEs the record URL and returns { deleted: true }', async () => {
		const h = onlineErpHarness();
		const scope = erp().delete(exactly('/api/Entity/Customer/1001')).reply(204);
		const { items, error } = await h.execute({ node: erpNode({ operation: 'delete', entity: 'Customer', recordId: '1001' }) });
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: { deleted: true, entity: 'Customer', id: '1001' }, pairedItem: { item: 0 } }]);
	});

	it('sends the key in the body with Send To = Collection URL, keeping any answer', async () => {
		const h = onlineErpHarness();
		const scope = erp().delete(exactly('/api/Entity/Customer'), { NoClient: '1001' }).reply(200, { Message: 'Supprimé' });
		const { items } = await h.execute({
			node: erpNode({ operation: 'delete', entity: 'Customer', body: '{"NoClient":"1001"}', options: { sendTo: 'collection' } }),
		});
		scope.done();
		expect(items).toEqual([
			{ json: { deleted: true, entity: 'Customer', response: { Message: 'Supprimé' } }, pairedItem: { item: 0 } },
		]);
	});

	it('requires the key body with Send To = Collection URL', async () => {
		const h = onlineErpHarness();
		const { error } = await h.execute({
			node: erpNode({ operation: 'delete', entity: 'Customer', body: '{}', options: { sendTo: 'collection' } }),
		});
		expect(error?.message).toBe('The record to send is empty (item 0)');
		expect(error?.description).toContain("With Send To = Collection URL, Body (JSON) must hold the record's key.");
	});

	it('is never retried, and a 405 says the ERP lacks the operation', async () => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp().delete(exactly('/api/Entity/Product/P-1')).reply(405, 'Method Not Allowed');
		const { error } = await h.execute({
			node: erpNode({ operation: 'delete', entity: 'Product', erp: 'acomba', recordId: 'P-1' }),
		});
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(error?.message).toBe('Method Not Allowed');
		expect(error?.description).toBe(
			'This operation is not supported for this entity on your ERP (see the support matrix). The OnlineERP support matrix does not list Delete (DELETE) of Product for Acomba. The request was sent anyway; if it fails with 404, 405 or 501, the ERP lacks this operation.',
		);
	});
});
