import nock from 'nock';
import { Workflow, type ICredentialDataDecryptedObject, type INode } from 'n8n-workflow';

import { OnlineErpApi } from '../../credentials/OnlineErpApi.credentials';
import { onlineErpBaseUrl } from '../../nodes/OnlineErp/transport';
import { nodeTypes } from '../harness/node-types';
import { BASIC, CUSTOMERS, erp, erpNode, exactly, HOST, onlineErpHarness } from './helpers';

const getMany = erpNode({ operation: 'getAll', entity: 'Customer', returnAll: false, limit: 1 });

describe('OnlineERP credential', () => {
	it('sends Basic licence:secret and the company header on every request', async () => {
		const h = onlineErpHarness({ companyId: ' 2 ' });
		const scope = erp({ company: '2' }).get(exactly('/api/Entity/Customer?$top=1')).reply(200, CUSTOMERS);
		const { error } = await h.execute({ node: getMany });
		expect(error).toBeUndefined();
		scope.done();
	});

	it('honours a custom company header name, and sends 0 for an empty company', async () => {
		const h = onlineErpHarness({ companyId: '', companyHeaderName: ' X-Company ' });
		const scope = nock(HOST, { badheaders: ['company_id'] })
			.matchHeader('authorization', BASIC)
			.matchHeader('x-company', '0')
			.get(exactly('/api/Entity/Customer?$top=1'))
			.reply(200, []);
		const { error } = await h.execute({ node: getMany });
		expect(error).toBeUndefined();
		scope.done();
	});

	it('refuses a company header name that is not a header name', async () => {
		const h = onlineErpHarness({ companyHeaderName: 'COMPANY ID' });
		const { error } = await h.execute({ node: getMany });
		expect(error?.message).toContain('The Company Header Name "COMPANY ID" is not a valid HTTP header name');
	});

	it('adds /api to a bare host and drops trailing slashes', async () => {
		expect(onlineErpBaseUrl({ baseUrl: 'https://acme.onlineerp.solution.quebec/' })).toBe('https://acme.onlineerp.solution.quebec/api');
		expect(onlineErpBaseUrl({ baseUrl: 'https://acme.test/custom/api//' })).toBe('https://acme.test/custom/api');
		expect(onlineErpBaseUrl({ baseUrl: '' })).toBe('https://v4.api.onlineerp.solution.quebec/api');
		const h = onlineErpHarness({ baseUrl: `${HOST}/` });
		const scope = erp().get(exactly('/api/Entity/Customer?$top=1')).reply(200, []);
		await h.execute({ node: getMany });
		scope.done();
	});

	describe('Test button', () => {
		const credential = new OnlineErpApi();
		const node: INode = {
			id: 'n',
			name: 'n',
			type: 'n8n-nodes-business-connectors.onlineErp',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const resolve = (value: unknown, credentials: ICredentialDataDecryptedObject) =>
			workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: credentials }, undefined, '');

		it('reads one record of the test entity, with $top written into the URL and a 60 s timeout', () => {
			const { request } = credential.test;
			const creds = { baseUrl: 'https://acme.onlineerp.solution.quebec/', testEntity: 'SupplierInvoice' };
			expect(resolve(request.baseURL, creds)).toBe('https://acme.onlineerp.solution.quebec/api');
			expect(resolve(request.baseURL, { baseUrl: `${HOST}/api/` })).toBe(`${HOST}/api`);
			expect(resolve(request.url, creds)).toBe('/Entity/SupplierInvoice?$top=1');
			expect(resolve(request.url, { testEntity: ' Product ' })).toBe('/Entity/Product?$top=1');
			expect(request.qs).toBeUndefined();
			expect(request.timeout).toBe(60_000);
		});

		it('says that a failure may mean the robot is offline', () => {
			const rules = credential.test.rules ?? [];
			const messageFor = (code: number) =>
				rules.find((r) => r.type === 'responseCode' && r.properties.value === code)?.properties.message;
			for (const code of [500, 502, 503, 504]) expect(messageFor(code)).toContain('may be offline');
			expect(messageFor(401)).toBe('OnlineERP rejected the licence code or secret key (Basic authentication)');
			expect(credential.properties[0].displayName).toContain('a failure can mean the robot is offline');
		});

		it('authenticates the test request like every other request', async () => {
			const out = await credential.authenticate(
				{ licenceCode: 'L', secretKey: 'S', companyId: '3', companyHeaderName: 'COMPANY_ID' },
				{ url: '/Entity/SupplierInvoice?$top=1', headers: { 'X-Other': '1' } },
			);
			expect(out).toEqual({
				url: '/Entity/SupplierInvoice?$top=1',
				auth: { username: 'L', password: 'S' },
				headers: { Accept: 'application/json', 'X-Other': '1', COMPANY_ID: '3' },
			});
		});
	});
});
