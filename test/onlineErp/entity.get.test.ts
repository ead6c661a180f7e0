import { CUSTOMERS, erp, erpNode, exactly, onlineErpHarness, spySleep } from './helpers';

afterEach(() => jest.restoreAllMocks());

const get = (parameters: Record<string, unknown>, extra = {}) =>
	erpNode({ operation: 'get', entity: 'Customer', ...parameters }, extra);

describe('OnlineERP Entity → Get', () => {
	it('sends GET /Entity/<Entity>/<id> with the id percent-encoded and no modifiers', async () => {
		const h = onlineErpHarness();
		const scope = erp().get(exactly('/api/Entity/Customer/A%2FB%2010')).reply(200, CUSTOMERS[0]);
		const { items, error } = await h.execute({ node: get({ recordId: ' A/B 10 ' }) });
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: CUSTOMERS[0], pairedItem: { item: 0 } }]);
	});

	it('unwraps a one-record array or value envelope, per item', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Customer/1001'))
			.reply(200, [CUSTOMERS[0]])
			.get(exactly('/api/Entity/Customer/1002'))
			.reply(200, { value: [CUSTOMERS[1]] });
		const { items } = await h.execute({ node: get({ recordId: '={{$json.id}}' }), input: [{ id: '1001' }, { id: '1002' }] });
		scope.done();
		expect(items).toEqual([
			{ json: CUSTOMERS[0], pairedItem: { item: 0 } },
			{ json: CUSTOMERS[1], pairedItem: { item: 1 } },
		]);
	});

	it('reports an empty answer as "not found", with continue on fail per item', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Product/P-9'))
			.reply(200, [])
			.get(exactly('/api/Entity/Product/P-1'))
			.reply(200, { NoProduit: 'P-1' });
		const { items } = await h.execute({
			node: erpNode({ operation: 'get', entity: 'Product', recordId: '={{$json.id}}' }, { continueOnFail: true }),
			input: [{ id: 'P-9' }, { id: 'P-1' }],
		});
		scope.done();
		expect(items).toEqual([
			{
				json: {
					error: {
						message: "No Product with ID 'P-9' was found.",
						description:
							"The connector answered with no record. Check the ID: it is the record's key as the connector returns it.",
						httpCode: '404',
					},
				},
				pairedItem: { item: 0 },
			},
			{ json: { NoProduit: 'P-1' }, pairedItem: { item: 1 } },
		]);
	});

	it('refuses an empty Record ID before sending anything', async () => {
		const h = onlineErpHarness();
		const { error } = await h.execute({ node: get({ recordId: '  ' }) });
		expect(error?.message).toBe('Record is empty on item 0');
	});

	it('retries on 502, and a 404 from the hub gets the unknown-entity hint', async () => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Customer/1001'))
			.reply(502, 'Bad Gateway')
			.get(exactly('/api/Entity/Customer/1001'))
			.reply(404, { message: "L'entité n'existe pas" });
		const { error } = await h.execute({ node: get({ recordId: '1001' }) });
		scope.done();
		expect(sleep).toHaveBeenCalledTimes(1);
		expect(error?.message).toBe("L'entité n'existe pas");
		expect(error?.description).toBe(
			'Unknown entity or record, or this operation does not exist for this entity on your ERP. Check the entity name and the record ID.',
		);
		expect(error?.httpCode).toBe('404');
	});
});
