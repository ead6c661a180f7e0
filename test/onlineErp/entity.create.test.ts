import nock from 'nock';

import { ALREADY_EXISTS, ROBOT_OFFLINE, WRITE_NOT_RETRIED } from '../../nodes/OnlineErp/transport';
import { BASIC, droppingServer, erp, erpNode, HOST, onlineErpHarness, spySleep } from './helpers';

afterEach(() => jest.restoreAllMocks());

const INVOICE = {
	NoFournisseur: 'F-100',
	NoFacture: 'INV-1',
	Details: [{ NoCompte: '5010', Montant: 125.5 }],
};

const create = (parameters: Record<string, unknown>, extra = {}) =>
	erpNode({ operation: 'create', entity: 'SupplierInvoice', ...parameters }, extra);

describe('OnlineERP Entity → Create', () => {
	it('POSTs the JSON body with If-None-Match: * by default and returns the created record', async () => {
		const h = onlineErpHarness();
		const scope = nock(HOST, {
			reqheaders: { authorization: BASIC, company_id: '2', 'if-none-match': '*', 'content-type': /application\/json/ },
		})
			.post('/api/Entity/SupplierInvoice', INVOICE)
			.reply(201, { ...INVOICE, Id: 77 });
		const { items, error } = await h.execute({ node: create({ sendFields: 'json', body: JSON.stringify(INVOICE) }) });
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: { ...INVOICE, Id: 77 }, pairedItem: { item: 0 } }]);
	});

	it('sends no If-None-Match when Fail If Record Exists is off, and reports an empty answer as success with the Location key', async () => {
		const h = onlineErpHarness();
		const scope = erp({ company: '2' })
			.matchHeader('if-none-match', (v) => v === undefined)
			.post('/api/Entity/SupplierInvoice', INVOICE)
			.reply(201, '', { Location: `${HOST}/api/Entity/SupplierInvoice/INV-1` });
		const { items } = await h.execute({
			node: create({ body: INVOICE, options: { failIfExists: false } }),
		});
		scope.done();
		expect(items).toEqual([
			{ json: { success: true, entity: 'SupplierInvoice', id: 'INV-1' }, pairedItem: { item: 0 } },
		]);
	});

	it('builds the body from key-value rows, dots making sub-objects, with typed values', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.post('/api/Entity/Product', {
				NoProduit: 'P-9',
				EstActif: true,
				Prix: 12.5,
				Note: null,
				GroupeProduit: { CodeGroupe: 'BOIS', Description: "Bois d'œuvre" },
			})
			.reply(204);
		const { items, error } = await h.execute({
			node: erpNode({
				operation: 'create',
				entity: 'Product',
				sendFields: 'fields',
				fields: {
					field: [
						{ name: 'NoProduit', type: 'string', value: 'P-9' },
						{ name: 'EstActif', type: 'boolean', value: 'true' },
						{ name: 'Prix', type: 'number', value: '12.5' },
						{ name: 'Note', type: 'null' },
						{ name: 'GroupeProduit.CodeGroupe', type: 'string', value: 'BOIS' },
						{ name: 'GroupeProduit.Description', type: 'string', value: "Bois d'œuvre" },
					],
				},
			}),
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: { success: true, entity: 'Product' }, pairedItem: { item: 0 } }]);
	});

	it('fails cleanly when the record exists (412), and does not retry', async () => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp().post('/api/Entity/SupplierInvoice').reply(412, { Message: 'La facture INV-1 existe déjà' });
		const { error } = await h.execute({ node: create({ body: JSON.stringify(INVOICE) }) });
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(error?.message).toBe(ALREADY_EXISTS);
		expect(error?.description).toBe(
			'The ERP already has a record with this key (Fail If Record Exists sends If-None-Match: * so that a re-run cannot create a duplicate). OnlineERP said: La facture INV-1 existe déjà',
		);
		expect(error?.httpCode).toBe('412');
	});

	it('never retries a create when the robot is offline, and says to check the ERP', async () => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp().post('/api/Entity/SupplierInvoice').once().reply(503, 'Service Unavailable');
		const { error } = await h.execute({ node: create({ body: JSON.stringify(INVOICE) }) });
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(error?.message).toBe("The OnlineERP robot at the customer's site did not answer (HTTP 503: Service Unavailable)");
		expect(error?.description).toBe(`${ROBOT_OFFLINE} ${WRITE_NOT_RETRIED}`);
	});

	it('never retries a create after a reset connection either', async () => {
		const sleep = spySleep();
		const server = await droppingServer();
		try {
			const h = onlineErpHarness({ baseUrl: server.url });
			const { error } = await h.execute({ node: create({ body: JSON.stringify(INVOICE) }) });
			expect(server.requests()).toBe(1);
			expect(sleep).not.toHaveBeenCalled();
			expect(error?.message).toBe(
				'OnlineERP did not answer POST /Entity/SupplierInvoice (ECONNRESET), the change may have been applied',
			);
			expect(error?.description).toBe(
				`The request was sent, but the connection ended before an answer came back. ${WRITE_NOT_RETRIED}`,
			);
		} finally {
			await server.close();
		}
	});

	it('shows the field errors of a 422', async () => {
		const h = onlineErpHarness();
		const scope = erp().post('/api/Entity/SupplierInvoice').reply(422, { errors: { Details: ['Au moins une ligne'], NoFournisseur: 'inconnu' } });
		const { error } = await h.execute({ node: create({ body: { NoFacture: 'X' } }) });
		scope.done();
		expect(error?.message).toBe('Details: Au moins une ligne; NoFournisseur: inconnu');
		expect(error?.description).toBe('The ERP rejected the data. Available and required fields differ per ERP; check the body.');
	});

	describe('validates the body before sending anything', () => {
		it.each([
			['{"NoFacture": ', 'Body (JSON) is not valid JSON (item 0)'],
			['[1, 2]', 'Invalid Body (JSON): expected a JSON object or an array of objects (item 0)'],
			['"text"', 'Invalid Body (JSON): expected a JSON object or an array of objects (item 0)'],
			['[]', 'Invalid Body (JSON): expected a JSON object or an array of objects (item 0)'],
			['{}', 'The record to send is empty (item 0)'],
		])('%s', async (body, message) => {
			const h = onlineErpHarness();
			const { error } = await h.execute({ node: create({ body }) });
			expect(error?.message).toBe(message);
		});

		it('number rows that are not numbers, and clashing dotted names', async () => {
			const h = onlineErpHarness();
			const bad = await h.execute({
				node: create({ sendFields: 'fields', fields: { field: [{ name: 'Prix', type: 'number', value: '12,5' }] } }),
			});
			expect(bad.error?.message).toBe('Field "Prix" is not a number (item 0)');
			const clash = await h.execute({
				node: create({
					sendFields: 'fields',
					fields: {
						field: [
							{ name: 'Groupe', type: 'string', value: 'x' },
							{ name: 'Groupe.Code', type: 'string', value: 'y' },
						],
					},
				}),
			});
			expect(clash.error?.message).toBe('Field "Groupe.Code" clashes with field "Groupe" (item 0)');
		});
	});

	it('takes the body from an expression that gives an object, per item', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.post('/api/Entity/SupplierInvoice', INVOICE)
			.reply(201, { ok: 1 })
			.post('/api/Entity/SupplierInvoice', { ...INVOICE, NoFacture: 'INV-2' })
			.reply(201, { ok: 2 });
		const { items } = await h.execute({
			node: create({ body: '={{ $json.invoice }}' }),
			input: [{ invoice: INVOICE }, { invoice: { ...INVOICE, NoFacture: 'INV-2' } }],
		});
		scope.done();
		expect(items).toEqual([
			{ json: { ok: 1 }, pairedItem: { item: 0 } },
			{ json: { ok: 2 }, pairedItem: { item: 1 } },
		]);
	});

	it('posts an array body as is and returns one item per returned record', async () => {
		const h = onlineErpHarness();
		const lines = [{ NoEcriture: 'E1' }, { NoEcriture: 'E2' }];
		const scope = erp().post('/api/Entity/GLJournalEntry', lines).reply(200, lines);
		const { items } = await h.execute({ node: erpNode({ operation: 'create', entity: 'GLJournalEntry', body: JSON.stringify(lines) }) });
		scope.done();
		expect(items).toEqual(lines.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('returns a non-JSON 2xx body as data', async () => {
		const h = onlineErpHarness();
		const scope = erp().post('/api/Entity/SupplierInvoice').reply(200, 'OK INV-1', { 'content-type': 'text/plain' });
		const { items } = await h.execute({ node: create({ body: JSON.stringify(INVOICE) }) });
		scope.done();
		expect(items).toEqual([{ json: { data: 'OK INV-1' }, pairedItem: { item: 0 } }]);
	});

	it('shows a warning hint when the chosen ERP lacks Create for this entity, and still sends it', async () => {
		const h = onlineErpHarness();
		const scope = erp().post('/api/Entity/SupplierOrder', { NoCommande: 'C1' }).reply(201, { NoCommande: 'C1' });
		const { items, run } = await h.execute({
			node: erpNode({ operation: 'create', entity: 'SupplierOrder', erp: 'avantage', body: '{"NoCommande":"C1"}' }),
		});
		scope.done();
		expect(items).toEqual([{ json: { NoCommande: 'C1' }, pairedItem: { item: 0 } }]);
		expect(run.data.resultData.runData['Node Under Test'][0].hints).toEqual([
			{
				message:
					'The OnlineERP support matrix does not list Create (POST) of SupplierOrder for Avantage. The request was sent anyway; if it fails with 404, 405 or 501, the ERP lacks this operation.',
				type: 'warning',
				location: 'outputPane',
			},
		]);
	});

	it('adds the support-matrix warning to a 405 error', async () => {
		const h = onlineErpHarness();
		const scope = erp().post('/api/Entity/SupplierOrder').reply(405, { Message: 'Method not allowed' });
		const { error } = await h.execute({
			node: erpNode({ operation: 'create', entity: 'SupplierOrder', erp: 'avantage', body: '{"NoCommande":"C1"}' }),
		});
		scope.done();
		expect(error?.message).toBe('Method not allowed');
		expect(error?.description).toBe(
			'This operation is not supported for this entity on your ERP (see the support matrix). The OnlineERP support matrix does not list Create (POST) of SupplierOrder for Avantage. The request was sent anyway; if it fails with 404, 405 or 501, the ERP lacks this operation.',
		);
	});

	it('shows no warning when the ERP is not specified or the matrix lists the operation', async () => {
		const h = onlineErpHarness();
		const scope = erp().post('/api/Entity/SupplierOrder').times(2).reply(201, {});
		for (const erpName of ['notSpecified', 'acomba']) {
			const { run } = await h.execute({
				node: erpNode({ operation: 'create', entity: 'SupplierOrder', erp: erpName, body: '{"NoCommande":"C1"}' }),
			});
			expect(run.data.resultData.runData['Node Under Test'][0].hints).toEqual([]);
		}
		scope.done();
	});
});
