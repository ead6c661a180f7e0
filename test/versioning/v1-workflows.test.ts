import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import type { IConnections, INode, INodeExecutionData, IRun } from 'n8n-workflow';

import { clearProductListCache } from '../../nodes/Telesto/transport/product-list';
import { resetBudgets } from '../../nodes/Telesto/transport/budget';
import { clearCatalogueCache } from '../../nodes/ShopApplication/transport/catalogue';
import { resetPacing } from '../../nodes/ClientXcms/transport/pacing';
import { Harness } from '../harness/harness';
import { loadPackageTypes, PACKAGE_NAME } from '../harness/package-types';

/**
 * The guard of CONTRIBUTING's node-version policy: a workflow saved with version 1 of each action
 * node (parameters as n8n stores them: defaults left out) must keep sending the same requests and
 * returning the same items. A change that breaks one of these needs a new node version instead.
 */

const dir = join(__dirname, 'workflows');

interface SavedWorkflow {
	name: string;
	nodes: INode[];
	connections: IConnections;
}

function load(file: string): SavedWorkflow {
	return JSON.parse(readFileSync(join(dir, file), 'utf8')) as SavedWorkflow;
}

function output(run: IRun, node: string): INodeExecutionData[] {
	const task = run.data.resultData.runData[node]?.[0];
	if (task?.error) throw task.error;
	return task?.data?.main?.[0] ?? [];
}

async function runSaved(file: string, harness: Harness): Promise<IRun> {
	const run = await harness.runWorkflow({ workflow: load(file) });
	expect(run.data.resultData.error).toBeUndefined();
	return run;
}

describe('version-1 workflows saved before any node change', () => {
	it('has a saved version-1 workflow for every action node, using only version 1', () => {
		const actionTypes = loadPackageTypes()
			.nodes.filter((n) => !n.description.polling)
			.map((n) => `${PACKAGE_NAME}.${n.description.name}`);
		const covered = new Set<string>();
		for (const file of readdirSync(dir).filter((f) => f.endsWith('.v1.json'))) {
			for (const node of load(file).nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))) {
				expect({ file, node: node.name, typeVersion: node.typeVersion }).toEqual({ file, node: node.name, typeVersion: 1 });
				covered.add(node.type);
			}
		}
		expect(actionTypes.filter((t) => !covered.has(t))).toEqual([]);
	});

	it('Telesto: Get Many with saved filters and default limit, then Get by ID from an expression', async () => {
		clearProductListCache();
		resetBudgets();
		const harness = new Harness().setCredentials('telestoApi', { apiKey: 'tk_v1', baseUrl: 'https://telesto.test/v2' });
		const products = [
			{ id: 'p1', name: 'Blue Widget', ean_upc: '0012345678905', stock_onhand: '50', created: '2024-01-15 10:30:00' },
			{ id: 'p2', name: 'Red Gadget', ean_upc: '', stock_onhand: '3', created: '2024-02-01 08:00:00' },
			{ id: 'p3', name: 'Green Widget', ean_upc: '', stock_onhand: '7', created: '2024-03-10 16:45:00' },
		];
		// One list per execution, shared by both nodes.
		const scope = nock('https://telesto.test', { reqheaders: { authorization: 'tk_v1' } })
			.get('/v2/products')
			.query({})
			.reply(200, products);

		const run = await runSaved('telesto.v1.json', harness);
		scope.done();
		const p1 = { ...products[0], stock_onhand: 50 };
		const p3 = { ...products[2], ean_upc: null, stock_onhand: 7 };
		expect(output(run, 'Get Widgets')).toEqual([
			{ json: p1, pairedItem: { item: 0 } },
			{ json: p3, pairedItem: { item: 0 } },
		]);
		expect(output(run, 'Get Product')).toEqual([
			{ json: p1, pairedItem: { item: 0 } },
			{ json: p3, pairedItem: { item: 1 } },
		]);
	});

	it('Shop Application: Get Many with every default, then Get by key from an expression', async () => {
		clearCatalogueCache();
		const harness = new Harness().setCredentials('shopApplicationApi', {
			baseUrl: 'https://sa.test/',
			clientId: 'reseller-v1',
			clientSecret: 'secret-v1',
		});
		const token = nock('https://sa.test')
			.get('/token')
			.query({ client_id: 'reseller-v1', client_secret: 'secret-v1' })
			.reply(200, { access_token: 'tok-v1', token_type: 'bearer', expires_in: 3600 });
		const scope = nock('https://sa.test', { reqheaders: { authorization: 'Bearer tok-v1' } })
			.get('/interfaces')
			.query({})
			.reply(200, ['key-a', 'key-b'])
			.get('/interfaces/key-a')
			.query({})
			.reply(200, { statut: 1, url: 'https://a.example' })
			.get('/interfaces/key-b')
			.query({})
			.reply(200, { statut: 3, url_formulaire: 'https://form.example' });

		const run = await runSaved('shopApplication.v1.json', harness);
		token.done();
		scope.done();
		expect(output(run, 'Get Interfaces')).toEqual([
			{ json: { key: 'key-a' }, pairedItem: { item: 0 } },
			{ json: { key: 'key-b' }, pairedItem: { item: 0 } },
		]);
		expect(output(run, 'Get Interface')).toEqual([
			{ json: { key: 'key-a', statut: 1, url: 'https://a.example', status_label: 'active' }, pairedItem: { item: 0 } },
			{
				json: { key: 'key-b', statut: 3, url_formulaire: 'https://form.example', status_label: 'installing' },
				pairedItem: { item: 1 },
			},
		]);
	});

	it('ClientXCMS: Create Customer with the default locale, then Get it by the ID it returned', async () => {
		resetPacing();
		const harness = new Harness().setCredentials('clientXcmsApi', { instanceUrl: 'https://billing.test', apiKey: '12|v1key' });
		const customer = {
			id: 8,
			email: 'ada@example.com',
			firstname: 'Ada',
			lastname: 'Lovelace',
			country: 'FR',
			locale: 'en_GB',
			totp_secret: 'SECRET',
			confirmation_token: 'TOKEN',
		};
		const { totp_secret: _secret, confirmation_token: _token, ...publicCustomer } = customer;
		const scope = nock('https://billing.test/api/application', { reqheaders: { authorization: 'Bearer 12|v1key' } })
			.post('/customers', {
				email: 'ada@example.com',
				firstname: 'Ada',
				lastname: 'Lovelace',
				address: '1 Rue de la Paix',
				city: 'Paris',
				zipcode: '75002',
				region: 'IDF',
				country: 'FR',
				locale: 'en_GB',
				phone: '+33612345678',
			})
			.reply(201, customer)
			.get('/customers/8')
			.query({})
			.reply(200, customer);

		const run = await runSaved('clientXcms.v1.json', harness);
		scope.done();
		expect(output(run, 'Create Customer')).toEqual([{ json: publicCustomer, pairedItem: { item: 0 } }]);
		expect(output(run, 'Get Customer')).toEqual([{ json: publicCustomer, pairedItem: { item: 0 } }]);
	});

	it('OnlineERP: Get Many of the default entity with a filter row, then Get each record', async () => {
		const harness = new Harness().setCredentials('onlineErpApi', {
			baseUrl: 'https://acme.onlineerp.test/api',
			licenceCode: 'LIC-1',
			secretKey: 'key-v1',
			companyId: '2',
		});
		const basic = `Basic ${Buffer.from('LIC-1:key-v1').toString('base64')}`;
		const customers = [
			{ NoClient: '1001', NomClient: 'Érablière', EstActif: true },
			{ NoClient: '1002', NomClient: 'Bois Francs', EstActif: true },
		];
		const scope = nock('https://acme.onlineerp.test', { reqheaders: { authorization: basic, company_id: '2' } })
			.get((uri) => uri === '/api/Entity/Customer?$filter=EstActif%20eq%20true&$top=50')
			.reply(200, customers)
			.get('/api/Entity/Customer/1001')
			.reply(200, customers[0])
			.get('/api/Entity/Customer/1002')
			.reply(200, customers[1]);

		const run = await runSaved('onlineErp.v1.json', harness);
		scope.done();
		expect(output(run, 'Get Active Customers')).toEqual(customers.map((json) => ({ json, pairedItem: { item: 0 } })));
		expect(output(run, 'Get Customer')).toEqual(customers.map((json, item) => ({ json, pairedItem: { item } })));
	});
});
