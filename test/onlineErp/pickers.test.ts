import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { clearCachedReads } from '../../nodes/shared';
import { CUSTOMERS, erp, erpNode, exactly, onlineErpHarness } from './helpers';

const PRODUCTS = [
	{ NoProduit: 'P-100', Description: "Planche d'érable 2x4", EstActif: true, GroupeProduit: { CodeGroupe: 'BOIS' } },
	{ NoProduit: 'P-101', Description: 'Vis inox 2"', EstActif: true, GroupeProduit: { CodeGroupe: 'QUINC' } },
];

function customers(n: number, from = 0) {
	return Array.from({ length: n }, (_, k) => ({ NoClient: String(2000 + from + k), NomClient: `Client ${from + k}` }));
}

async function searchRecords(parameters: Record<string, unknown>, filter?: string, paginationToken?: string) {
	return await onlineErpHarness().loadOptions<INodeListSearchResult>({
		node: erpNode({ operation: 'get', ...parameters }),
		kind: 'listSearch',
		method: 'searchRecords',
		filter,
		paginationToken,
	});
}

async function loadFields(method: string, parameters: Record<string, unknown>, h = onlineErpHarness()) {
	return await h.loadOptions<INodePropertyOptions[]>({ node: erpNode({ operation: 'getAll', ...parameters }), kind: 'loadOptions', method });
}

describe('OnlineERP record picker', () => {
	it('labels records with the entity name field and their key, 50 a page', async () => {
		const scope = erp()
			.get(exactly('/api/Entity/Customer?$top=50'))
			.reply(200, CUSTOMERS)
			.get(exactly('/api/Entity/Product?$top=50'))
			.reply(200, { value: PRODUCTS });
		const people = await searchRecords({ entity: 'Customer' });
		const products = await searchRecords({ entity: 'Product' });
		scope.done();
		expect(people).toEqual({
			results: [
				{ name: "L'Érablière d'Or (1001)", value: '1001', description: 'NoClient 1001' },
				{ name: 'Bois Francs Inc. (1002)', value: '1002', description: 'NoClient 1002' },
				{ name: 'Quincaillerie (Nord) & Fils (1003)', value: '1003', description: 'NoClient 1003' },
			],
		});
		expect(products.results.map((r) => [r.name, r.value])).toEqual([
			["Planche d'érable 2x4 (P-100)", 'P-100'],
			['Vis inox 2" (P-101)', 'P-101'],
		]);
	});

	it('searches by name, reading the next page while one has no match, and hands over the next $skip', async () => {
		const scope = erp()
			.get(exactly('/api/Entity/Customer?$top=50'))
			.reply(200, customers(50))
			.get(exactly('/api/Entity/Customer?$top=50&$skip=50'))
			.reply(200, [...customers(49, 50), { NoClient: '9999', NomClient: 'Bois Francs Inc.' }]);
		const found = await searchRecords({ entity: 'Customer' }, 'bois  FRANCS');
		scope.done();
		expect(found).toEqual({
			results: [{ name: 'Bois Francs Inc. (9999)', value: '9999', description: 'NoClient 9999' }],
			paginationToken: '100',
		});
	});

	it('finds the key of an entity it does not know by the field names (Other Entity)', async () => {
		const scope = erp()
			.get(exactly('/api/Entity/Supplier?$top=50'))
			.reply(200, [{ Adresse: 'Rue 1', NoFournisseur: 'F-10', NomFournisseur: 'Scierie Boréale' }]);
		const found = await searchRecords({ entity: 'other', entityName: 'Supplier' });
		scope.done();
		expect(found.results).toEqual([{ name: 'Scierie Boréale (F-10)', value: 'F-10', description: 'NoFournisseur F-10' }]);
	});

	it('sends nothing while Other Entity has no valid name', async () => {
		expect(await searchRecords({ entity: 'other', entityName: 'Bad name' })).toEqual({ results: [] });
	});

	it('Get sends the picked key; a key saved as plain text still works', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get('/api/Entity/Customer/1002')
			.reply(200, CUSTOMERS[1])
			.get('/api/Entity/Customer/1003')
			.reply(200, CUSTOMERS[2]);
		const picked = await h.execute({
			node: erpNode({ operation: 'get', entity: 'Customer', recordId: { __rl: true, mode: 'list', value: '1002' } }),
		});
		const saved = await h.execute({ node: erpNode({ operation: 'get', entity: 'Customer', recordId: '1003' }) });
		scope.done();
		expect(picked.items).toEqual([{ json: CUSTOMERS[1], pairedItem: { item: 0 } }]);
		expect(saved.items).toEqual([{ json: CUSTOMERS[2], pairedItem: { item: 0 } }]);
	});
});

describe('OnlineERP field lists', () => {
	beforeEach(() => clearCachedReads());

	it('offer the documented fields and those of one record read from the ERP (sub-fields by dots), read once', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Product?$top=1'))
			.reply(200, [{ ...PRODUCTS[0], Details: [{ Quantite: 2 }] }]);
		const fields = await loadFields('getEntityFields', { entity: 'Product' }, h);
		const sorts = await loadFields('getSortFields', { entity: 'Product' }, h);
		scope.done();
		expect(fields).toEqual([
			{ name: 'Description', value: 'Description', description: "e.g. Planche d'érable 2x4" },
			{ name: 'Details', value: 'Details', description: 'Read from a record of your ERP' },
			{ name: 'Details.Quantite', value: 'Details.Quantite', description: 'e.g. 2' },
			{ name: 'EstActif', value: 'EstActif', description: 'e.g. true' },
			{ name: 'ExtendedProperties', value: 'ExtendedProperties', description: 'Documented by the vendor' },
			{ name: 'GroupeProduit', value: 'GroupeProduit', description: 'Read from a record of your ERP' },
			{ name: 'GroupeProduit.CodeGroupe', value: 'GroupeProduit.CodeGroupe', description: 'e.g. BOIS' },
			{ name: 'NoProduit', value: 'NoProduit', description: 'e.g. P-100' },
		]);
		expect(sorts.slice(0, 2)).toEqual([
			{ name: 'Description (Ascending)', value: 'Description', description: "e.g. Planche d'érable 2x4" },
			{ name: 'Description (Descending)', value: 'Description desc', description: "e.g. Planche d'érable 2x4" },
		]);
	});

	it('still offer the documented fields when the robot does not answer, saying why', async () => {
		const scope = erp().get(exactly('/api/Entity/Customer?$top=1')).reply(403, { Message: 'Licence non autorisée' });
		const fields = await loadFields('getEntityFields', { entity: 'Customer' });
		scope.done();
		expect(fields.map((f) => f.value)).toEqual(['InfoAgeDesComptes', 'InfoAgeDesComptes.MontantDu_Cycle1_Courant', 'NoClient', 'NomClient']);
		expect(fields[0].description).toMatch(/^Documented by the vendor \(your ERP could not be read: .+\)$/);
	});

	it('Get Many sends the picked Select and Order By fields; text saved before the lists still works', async () => {
		const h = onlineErpHarness();
		const scope = erp()
			.get(exactly('/api/Entity/Customer?$select=NoClient%2CNomClient&$orderby=NomClient%20desc%2CNoClient&$top=5'))
			.twice()
			.reply(200, CUSTOMERS.slice(0, 1));
		const picked = await h.execute({
			node: erpNode({
				operation: 'getAll',
				entity: 'Customer',
				limit: 5,
				options: { select: ['NoClient', 'NomClient'], orderBy: ['NomClient desc', 'NoClient'] },
			}),
		});
		const saved = await h.execute({
			node: erpNode({
				operation: 'getAll',
				entity: 'Customer',
				limit: 5,
				options: { select: 'NoClient, NomClient', orderBy: 'NomClient desc,NoClient' },
			}),
		});
		expect(picked.error?.message).toBeUndefined();
		scope.done();
		expect(picked.items).toHaveLength(1);
		expect(saved.items).toHaveLength(1);
	});
});

describe('OnlineERP ERP type', () => {
	const hint =
		'The OnlineERP support matrix does not list Create (POST) of SupplierOrder for Avantage. The request was sent anyway; if it fails with 404, 405 or 501, the ERP lacks this operation.';
	const create = { operation: 'create', entity: 'SupplierOrder', body: '{"NoCommande":"C1"}' };

	it('comes from the credential on new (version 2) nodes, whose ERP field is hidden', async () => {
		const h = onlineErpHarness({ erp: 'avantage' });
		const scope = erp().post('/api/Entity/SupplierOrder', { NoCommande: 'C1' }).reply(201, { NoCommande: 'C1' });
		const { run } = await h.execute({ node: erpNode({ ...create, erp: 'acomba' }, { typeVersion: 2 }) });
		scope.done();
		expect(run.data.resultData.runData['Node Under Test'][0].hints).toEqual([
			{ message: hint, type: 'warning', location: 'outputPane' },
		]);
	});

	it('set on a saved version 1 node wins over the credential; left Not Specified, the credential counts', async () => {
		const h = onlineErpHarness({ erp: 'acomba' });
		const scope = erp().post('/api/Entity/SupplierOrder').times(2).reply(201, {});
		const onNode = await h.execute({ node: erpNode({ ...create, erp: 'avantage' }) });
		const fromCredential = await h.execute({ node: erpNode({ ...create, erp: 'notSpecified' }) });
		scope.done();
		expect(onNode.run.data.resultData.runData['Node Under Test'][0].hints).toEqual([
			{ message: hint, type: 'warning', location: 'outputPane' },
		]);
		expect(fromCredential.run.data.resultData.runData['Node Under Test'][0].hints).toEqual([]);
	});
});
