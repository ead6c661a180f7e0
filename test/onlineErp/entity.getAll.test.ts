import nock from 'nock';

import { ROBOT_OFFLINE, READ_RETRY_DELAY_MS } from '../../nodes/OnlineErp/transport';
import { SKIP_IGNORED } from '../../nodes/OnlineErp/transport/list';
import { CUSTOMERS, droppingServer, erp, erpNode, exactly, HOST, onlineErpHarness, refusedUrl, spySleep } from './helpers';

afterEach(() => {
	jest.restoreAllMocks();
	// A delayed reply keeps its timer after the test; drop it.
	nock.abortPendingRequests();
});

function getMany(parameters: Record<string, unknown>, extra = {}) {
	return erpNode({ operation: 'getAll', entity: 'Customer', ...parameters }, extra);
}

const records = (from: number, count: number) =>
	Array.from({ length: count }, (_, k) => ({ NoClient: String(from + k), NomClient: `Client ${from + k}` }));

describe('OnlineERP Entity → Get Many', () => {
	it('sends one GET with $top = Limit, Basic auth and the company header, and pairs every record with its item', async () => {
		const h = onlineErpHarness();
		const scope = erp().get(exactly('/api/Entity/Customer?$top=50')).reply(200, CUSTOMERS);
		const { items, error } = await h.execute({ node: getMany({ returnAll: false, limit: 50 }) });
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual(CUSTOMERS.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('builds $filter from the conditions and sends every modifier with a literal $ and strict percent-encoding', async () => {
		const h = onlineErpHarness();
		const expected =
			'/api/Entity/Product' +
			"?$filter=EstActif%20eq%20true%20and%20GroupeProduit.CodeGroupe%20eq%20%27BOIS%27%20and%20Prix%20ge%20-12.5%20and%20DateModification%20ge%202024-01-31" +
			'&$select=NoProduit%2CDescription%2CGroupeProduit.CodeGroupe' +
			'&$expand=ExtendedProperties' +
			'&$orderby=NoProduit%20desc' +
			'&$top=10';
		const scope = erp().get(exactly(expected)).reply(200, { '@odata.context': 'x', value: [{ NoProduit: 'P1' }] });
		const { items, error } = await h.execute({
			node: erpNode({
				operation: 'getAll',
				entity: 'Product',
				returnAll: false,
				limit: 10,
				conditions: {
					condition: [
						{ field: 'EstActif', operator: 'eq', type: 'boolean', value: 'true' },
						{ field: 'GroupeProduit.CodeGroupe', operator: 'eq', type: 'string', value: 'BOIS' },
						{ field: 'Prix', operator: 'ge', type: 'number', value: '-12.5' },
						{ field: 'DateModification', operator: 'ge', type: 'date', value: '2024-01-31' },
					],
				},
				combineWith: 'and',
				options: {
					select: 'NoProduit,Description,GroupeProduit.CodeGroupe',
					expand: 'ExtendedProperties',
					orderBy: 'NoProduit desc',
				},
			}),
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: { NoProduit: 'P1' }, pairedItem: { item: 0 } }]);
	});

	it('keeps quotes and an injection attempt inside one string literal in the encoded query', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get(
				exactly(
					"/api/Entity/Customer?$filter=(NoClient%20ne%20%27%27)%20and%20(NomClient%20eq%20%27x%27%27%20or%201%20eq%201%20or%20%27%27a%27%27%20eq%20%27%27a%27%20or%20NomClient%20eq%20%27L%27%27%C3%89rabli%C3%A8re%20%26%20Fils%20(Nord)%27)&$top=50".replace(/\(/g, '%28').replace(/\)/g, '%29'),
				),
			)
			.reply(200, []);
		const { items, error } = await h.execute({
			node: getMany({
				returnAll: false,
				limit: 50,
				combineWith: 'or',
				conditions: {
					condition: [
						{ field: 'NomClient', operator: 'eq', type: 'string', value: "x' or 1 eq 1 or 'a' eq 'a" },
						{ field: 'NomClient', operator: 'eq', type: 'string', value: "L'Érablière & Fils (Nord)" },
					],
				},
				options: { filter: "NoClient ne ''" },
			}),
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([]);
	});

	it('Return All walks $top/$skip pages, one at a time, until a short page, over both envelopes', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Customer?$orderby=NoClient&$top=2&$skip=0'))
			.reply(200, records(1, 2))
			.get(exactly('/api/Entity/Customer?$orderby=NoClient&$top=2&$skip=2'))
			.reply(200, { '@odata.context': '$metadata#Customer', value: records(3, 2) })
			.get(exactly('/api/Entity/Customer?$orderby=NoClient&$top=2&$skip=4'))
			.reply(200, records(5, 1));
		const { items, error } = await h.execute({
			node: getMany({ returnAll: true, options: { orderBy: 'NoClient', pageSize: 2 } }),
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items.map((i) => i.json.NoClient)).toEqual(['1', '2', '3', '4', '5']);
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Return All stops on an empty page after full ones', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Customer?$top=2&$skip=0'))
			.reply(200, records(1, 2))
			.get(exactly('/api/Entity/Customer?$top=2&$skip=2'))
			.reply(200, { value: [] });
		const { items } = await h.execute({ node: getMany({ returnAll: true, options: { pageSize: 2 } }) });
		scope.done();
		expect(items).toHaveLength(2);
	});

	it('Return All fails instead of duplicating records when the connector ignores $skip', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Customer?$top=2&$skip=0'))
			.reply(200, records(1, 2))
			.get(exactly('/api/Entity/Customer?$top=2&$skip=2'))
			.reply(200, records(1, 2));
		const { items, error } = await h.execute({ node: getMany({ returnAll: true, options: { pageSize: 2 } }) });
		scope.done();
		expect(items).toEqual([]);
		expect(error?.message).toBe(SKIP_IGNORED);
	});

	it('Return All keeps paging when two pages start with equal records (a narrow $select), as long as $skip moves on', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Product?$select=EstActif&$top=2&$skip=0'))
			.reply(200, [{ EstActif: true }, { EstActif: false }])
			.get(exactly('/api/Entity/Product?$select=EstActif&$top=2&$skip=2'))
			.reply(200, [{ EstActif: true }, { EstActif: true }])
			.get(exactly('/api/Entity/Product?$select=EstActif&$top=2&$skip=4'))
			.reply(200, [{ EstActif: false }]);
		const { items, error } = await h.execute({
			node: erpNode({ operation: 'getAll', entity: 'Product', returnAll: true, options: { select: 'EstActif', pageSize: 2 } }),
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items.map((i) => i.json.EstActif)).toEqual([true, false, true, true, false]);
	});

	it('Return All stops at the hard cap of 100,000 records and asks for a filter', async () => {
		const h = onlineErpHarness();
		const skips: number[] = [];
		const scope = erp()
			.get((uri) => /^\/api\/Entity\/Customer\?\$top=1000&\$skip=\d+$/.test(uri))
			.times(101)
			.reply((uri) => {
				const skip = Number(/\$skip=(\d+)/.exec(uri)?.[1]);
				skips.push(skip);
				return [200, records(skip, 1000)];
			});
		const { error } = await h.execute({ node: getMany({ returnAll: true, options: { pageSize: 1000 } }) });
		scope.done();
		expect(skips).toEqual(Array.from({ length: 101 }, (_, k) => k * 1000));
		expect(error?.message).toBe('More than 100,000 Customer records match; add a filter');
	});

	it('Single Request sends no $top and returns everything the connector sends', async () => {
		const h = onlineErpHarness();
		const scope = erp().get(exactly("/api/Entity/Customer?$filter=NoClient%20eq%20%271001%27")).reply(200, CUSTOMERS.slice(0, 1));
		const { items } = await h.execute({
			node: getMany({ returnAll: true, options: { pagination: 'single', filter: "NoClient eq '1001'" } }),
		});
		scope.done();
		expect(items).toEqual([{ json: CUSTOMERS[0], pairedItem: { item: 0 } }]);
	});

	it('refuses a bad filter row before sending anything, naming the row and the item', async () => {
		const h = onlineErpHarness();
		const { error } = await h.execute({
			node: getMany({
				returnAll: false,
				limit: 5,
				conditions: { condition: [{ field: 'Montant', operator: 'gt', type: 'number', value: '12,5' }] },
			}),
		});
		expect(error?.message).toBe('Filter condition 1 (Montant): the value "12,5" is not a number (use digits, an optional minus sign and a dot for decimals) (item 0)');
	});

	it('retries a read once, 5 s later, when the robot does not answer (503)', async () => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Customer?$top=5'))
			.reply(503, { Message: 'Robot not connected' })
			.get(exactly('/api/Entity/Customer?$top=5'))
			.reply(200, CUSTOMERS);
		const { items, error } = await h.execute({ node: getMany({ returnAll: false, limit: 5 }) });
		expect(error).toBeUndefined();
		scope.done();
		expect(sleep).toHaveBeenCalledTimes(1);
		expect(sleep).toHaveBeenCalledWith(READ_RETRY_DELAY_MS);
		expect(items).toHaveLength(3);
	});

	it('reports a robot that stays offline in plain language after one retry', async () => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp().get(exactly('/api/Entity/Customer?$top=5')).times(2).reply(503, { Message: 'Robot not connected' });
		const { error } = await h.execute({ node: getMany({ returnAll: false, limit: 5 }) });
		scope.done();
		expect(sleep).toHaveBeenCalledTimes(1);
		expect(error?.message).toBe("The OnlineERP robot at the customer's site did not answer (HTTP 503: Robot not connected)");
		expect(error?.description).toBe(ROBOT_OFFLINE);
		expect(error?.httpCode).toBe('503');
	});

	it('retries a read once after a reset connection', async () => {
		const sleep = spySleep();
		const server = await droppingServer();
		try {
			const h = onlineErpHarness({ baseUrl: server.url });
			const { error } = await h.execute({ node: getMany({ returnAll: false, limit: 5 }) });
			expect(server.requests()).toBe(2);
			expect(sleep).toHaveBeenCalledWith(READ_RETRY_DELAY_MS);
			expect(error?.message).toBe("The OnlineERP robot at the customer's site did not answer (ECONNRESET)");
			expect(error?.description).toBe(ROBOT_OFFLINE);
		} finally {
			await server.close();
		}
	});

	it('does not retry a read the hub never received (connection refused): only 502/503/504 and a reset are retried', async () => {
		const sleep = spySleep();
		const refused = await refusedUrl();
		try {
			const h = onlineErpHarness({ baseUrl: refused.url });
			const { error } = await h.execute({ node: getMany({ returnAll: false, limit: 5 }) });
			expect(sleep).not.toHaveBeenCalled();
			expect(error?.message).toBe('OnlineERP could not be reached (ECONNREFUSED)');
			expect(error?.description).toBe(
				'The OnlineERP hub could not be reached. Check the Base URL in the credential and the network of the n8n server.',
			);
		} finally {
			refused.close();
		}
	});

	it('gives up after Timeout (Seconds) and reports a robot that did not answer, without retrying', async () => {
		const sleep = spySleep();
		const h = onlineErpHarness();
		const scope = erp().get(exactly('/api/Entity/Customer?$top=5')).delay(20_000).reply(200, []);
		// A 20 s answer beats the default 120 s: only the 10 s option makes this time out (nock
		// reports a delay longer than the socket timeout as a timeout at once).
		const { error } = await h.execute({ node: getMany({ returnAll: false, limit: 5, options: { timeout: 10 } }) });
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(error?.message).toMatch(/^The OnlineERP robot at the customer's site did not answer \(timeout/);
		expect(error?.description).toContain('raise Timeout (Seconds)');
	}, 18_000);

	it("shows the hub's own message and a hint for a 401", async () => {
		const h = onlineErpHarness();
		// n8n itself repeats a request once after a 401.
		const scope = nock(HOST).get(exactly('/api/Entity/Customer?$top=5')).times(2).reply(401, { Message: 'Licence inconnue' });
		const { error } = await h.execute({ node: getMany({ returnAll: false, limit: 5 }) });
		scope.done();
		expect(error?.message).toBe('Licence inconnue');
		expect(error?.description).toBe(
			'OnlineERP rejected the licence code or secret key (Basic authentication). Check them in the credential.',
		);
	});

	it('processes items one at a time, each with its own parameters, and continues on fail', async () => {
		const h = onlineErpHarness();
		const events: string[] = [];
		const scope = erp()
			.get(exactly("/api/Entity/Customer?$filter=NoClient%20eq%20%271001%27&$top=1"))
			.reply(async () => {
				events.push('start 1');
				await new Promise((r) => setTimeout(r, 50));
				events.push('end 1');
				return [200, CUSTOMERS.slice(0, 1)];
			})
			.get(exactly("/api/Entity/Customer?$filter=NoClient%20eq%20%27404%27&$top=1"))
			.reply(() => {
				events.push('start 2');
				return [404, 'Entity not found'];
			});
		const { items } = await h.execute({
			node: getMany(
				{
					returnAll: false,
					limit: 1,
					conditions: { condition: [{ field: 'NoClient', operator: 'eq', type: 'string', value: '={{$json.no}}' }] },
				},
				{ continueOnFail: true },
			),
			input: [{ no: '1001' }, { no: '404' }],
		});
		scope.done();
		expect(events).toEqual(['start 1', 'end 1', 'start 2']);
		expect(items).toEqual([
			{ json: CUSTOMERS[0], pairedItem: { item: 0 } },
			{
				json: {
					error: {
						message: 'Entity not found',
						description:
							'Unknown entity or record, or this operation does not exist for this entity on your ERP. Check the entity name and the record ID.',
						httpCode: '404',
					},
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('refuses an invalid custom entity name', async () => {
		const h = onlineErpHarness();
		const { error } = await h.execute({
			node: erpNode({ operation: 'getAll', entity: 'other', entityName: 'Product/../x', returnAll: false, limit: 1 }),
		});
		expect(error?.message).toBe('Entity Name "Product/../x" is not a valid entity name (item 0)');
	});

	it('reaches a custom entity by name', async () => {
		const h = onlineErpHarness();
		const scope = erp().get(exactly('/api/Entity/Supplier?$top=1')).reply(200, [{ NoFournisseur: 'F1' }]);
		const { items } = await h.execute({
			node: erpNode({ operation: 'getAll', entity: 'other', entityName: 'Supplier', returnAll: false, limit: 1 }),
		});
		scope.done();
		expect(items).toEqual([{ json: { NoFournisseur: 'F1' }, pairedItem: { item: 0 } }]);
	});

});
