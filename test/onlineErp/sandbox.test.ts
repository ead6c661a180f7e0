import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { clock } from '../../nodes/shared';
import { ALREADY_EXISTS } from '../../nodes/OnlineErp/transport';
import { SKIP_IGNORED } from '../../nodes/OnlineErp/transport/list';
import { Harness } from '../harness/harness';
import { startOnlineErpSandbox, type OnlineErpSandbox } from '../sandbox/onlineErp';
import { erpNode, spySleep, triggerNode } from './helpers';

const names = (items: Array<{ json: IDataObject }>) => items.map((i) => i.json.NomClient);

describe('OnlineERP against the sandbox', () => {
	let sim: OnlineErpSandbox;
	let h: Harness;

	// Inside the describe block: these run before the guard's own afterAll, which allows the
	// network again for the next test file of this worker.
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sim = await startOnlineErpSandbox();
	});
	afterAll(async () => {
		await sim.close();
		nock.disableNetConnect();
	});
	beforeEach(() => {
		sim.reset();
		sim.log.length = 0;
		h = new Harness().setCredentials(sim.credentialType, sim.credentials);
	});
	afterEach(() => jest.restoreAllMocks());

	it('takes turns at the robot: concurrent executions for one licence never overlap', async () => {
		sim.config.slowMs = 60;
		const node = erpNode({ operation: 'getAll', entity: 'Customer', returnAll: true });
		const runs = await Promise.all(Array.from({ length: 4 }, async () => await h.execute({ node })));
		for (const run of runs) expect(run.error).toBeUndefined();
		expect(sim.log.filter((r) => r.path.startsWith('/api/'))).toHaveLength(4);
		expect(sim.robot()).toEqual({ maxAtOnce: 1, overlapping: 0 });
	});

	it('filters with the builder (quotes, unicode, sub-fields) and selects fields', async () => {
		const { items, error } = await h.execute({
			node: erpNode({
				operation: 'getAll',
				entity: 'Customer',
				returnAll: true,
				combineWith: 'or',
				conditions: {
					condition: [
						{ field: 'NomClient', operator: 'eq', type: 'string', value: "L'Érablière d'Or" },
						{ field: 'InfoAgeDesComptes.MontantDu_Cycle1_Courant', operator: 'lt', type: 'number', value: '-1' },
						{ field: 'NomClient', operator: 'eq', type: 'string', value: "x' or 1 eq 1 or 'a' eq 'a" },
					],
				},
				options: { select: 'NoClient,NomClient', orderBy: 'NoClient' },
			}),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{ NoClient: '1001', NomClient: "L'Érablière d'Or" },
			{ NoClient: '1003', NomClient: 'Quincaillerie (Nord) & Fils' },
		]);
		expect(sim.log[0].query.get('$filter')).toBe(
			"NomClient eq 'L''Érablière d''Or' or InfoAgeDesComptes.MontantDu_Cycle1_Courant lt -1 or NomClient eq 'x'' or 1 eq 1 or ''a'' eq ''a'",
		);
	});

	it('pages with $top/$skip over the value envelope, and detects a hub that ignores $skip', async () => {
		sim.config.envelope = 'value';
		const node = erpNode({ operation: 'getAll', entity: 'Customer', returnAll: true, options: { pageSize: 3, orderBy: 'NoClient' } });
		const { items } = await h.execute({ node });
		expect(items.map((i) => i.json.NoClient)).toEqual(['1001', '1002', '1003', '1004']);
		expect(sim.log.map((r) => `${r.query.get('$top')}/${r.query.get('$skip')}`)).toEqual(['3/0', '3/3']);

		sim.config.ignoreSkip = true;
		const { error } = await h.execute({ node });
		expect(error?.message).toBe(SKIP_IGNORED);
	});

	it('honours the company header: company 1 is an Avantage company without Product', async () => {
		h.setCredentials(sim.credentialType, { ...sim.credentials, companyId: '1' });
		const customers = await h.execute({ node: erpNode({ operation: 'getAll', entity: 'Customer', returnAll: true }) });
		expect(names(customers.items)).toEqual(['Constructions Boréal']);
		const products = await h.execute({ node: erpNode({ operation: 'getAll', entity: 'Product', erp: 'avantage', returnAll: true }) });
		expect(products.error?.httpCode).toBe('405');
		expect(products.error?.description).toContain('does not list Get Many (GET) of Product for Avantage');
	});

	it('creates once with If-None-Match: *, and a second create of the same key fails cleanly', async () => {
		const node = erpNode({
			operation: 'create',
			entity: 'Customer',
			sendFields: 'fields',
			fields: {
				field: [
					{ name: 'NoClient', value: '1005' },
					{ name: 'NomClient', value: 'Érable & Fils' },
					{ name: 'InfoAgeDesComptes.MontantDu_Cycle1_Courant', type: 'number', value: '0' },
				],
			},
		});
		const first = await h.execute({ node });
		expect(first.items[0].json).toMatchObject({ NoClient: '1005', InfoAgeDesComptes: { MontantDu_Cycle1_Courant: 0 } });
		const second = await h.execute({ node });
		expect(second.error?.message).toBe(ALREADY_EXISTS);
		expect(second.error?.description).toContain("L'enregistrement 1005 existe déjà");
		expect(sim.records('0', 'Customer').filter((r) => r.NoClient === '1005')).toHaveLength(1);
		expect(sim.log.map((r) => r.headers['if-none-match'])).toEqual(['*', '*']);
	});

	it('gets, updates and deletes a record', async () => {
		const got = await h.execute({ node: erpNode({ operation: 'get', entity: 'Product', recordId: 'P-100' }) });
		expect(got.items[0].json).toMatchObject({ NoProduit: 'P-100', GroupeProduit: { CodeGroupe: 'BOIS' } });
		const updated = await h.execute({
			node: erpNode({ operation: 'update', entity: 'Product', recordId: 'P-100', body: '{"Prix": 13}' }),
		});
		expect(updated.items[0].json).toMatchObject({ NoProduit: 'P-100', Prix: 13 });
		const deleted = await h.execute({ node: erpNode({ operation: 'delete', entity: 'Customer', recordId: '1004' }) });
		expect(deleted.items[0].json).toEqual({ deleted: true, entity: 'Customer', id: '1004' });
		const missing = await h.execute({ node: erpNode({ operation: 'get', entity: 'Customer', recordId: '1004' }) });
		expect(missing.error?.message).toBe("No Customer with ID '1004' was found.");
	});

	it('reports an offline robot in plain language', async () => {
		spySleep();
		sim.config.offline = true;
		const { error } = await h.execute({ node: erpNode({ operation: 'getAll', entity: 'Customer', returnAll: false, limit: 1 }) });
		expect(error?.message).toBe("The OnlineERP robot at the customer's site did not answer (HTTP 503: Le robot n'est pas connecté au HUB)");
		expect(sim.log).toHaveLength(2);
	});

	it('waits for a slow robot', async () => {
		sim.config.slowMs = 400;
		const started = Date.now();
		const { items, error } = await h.execute({ node: erpNode({ operation: 'get', entity: 'Customer', recordId: '1002' }) });
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
		expect(items[0].json.NomClient).toBe('Bois Francs Inc.');
	});

	it('fires the trigger for a record changed in the ERP, in both detection modes', async () => {
		let now = Date.now();
		jest.spyOn(clock, 'now').mockImplementation(() => now);
		const poll = async (parameters: Record<string, unknown>, staticData: IDataObject) =>
			await h.poll({ node: triggerNode(parameters as never), staticData });
		const snapshot = { entity: 'Customer', event: 'updatedRecord', detection: 'snapshot', keyField: 'NoClient', select: 'NomClient,EstActif', minMinutes: 15, maxRecords: 5000 };
		const byDate = { ...snapshot, detection: 'dateField', dateField: 'DateModification', select: 'NomClient' };
		const s1: IDataObject = {};
		const s2: IDataObject = {};
		expect(await poll(snapshot, s1)).toBeNull();
		expect(await poll(byDate, s2)).toBeNull();

		sim.upsert('0', 'Customer', { NoClient: '1002', EstActif: false });
		sim.upsert('0', 'Customer', { NoClient: '1006', NomClient: 'Nouveau client' });
		now += 15 * 60_000;
		const updated = await poll(snapshot, s1);
		expect(updated?.[0].map((i) => i.json)).toEqual([{ event: 'updatedRecord', NoClient: '1002', NomClient: 'Bois Francs Inc.', EstActif: false }]);
		const changed = await poll(byDate, s2);
		expect(changed?.[0].map((i) => i.json.NoClient)).toEqual(['1002', '1006']);
		now += 15 * 60_000;
		expect(await poll(byDate, s2)).toBeNull();
		expect(sim.log.at(-1)?.query.get('$filter')).toMatch(/^DateModification ge \d{4}-\d{2}-\d{2}T/);
	});
});
