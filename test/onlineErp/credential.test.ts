import nock from 'nock';

import { OnlineErpApi } from '../../credentials/OnlineErpApi.credentials';
import { onlineErpBaseUrl } from '../../nodes/OnlineErp/transport';
import { testCredential } from '../harness/credential-test';
import { BASIC, CUSTOMERS, erp, erpNode, exactly, HOST, LICENCE, onlineErpHarness, SECRET } from './helpers';

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

	describe('Test button (testedBy)', () => {
		const creds = { baseUrl: `${HOST}/`, licenceCode: LICENCE, secretKey: SECRET, companyId: '2' };

		it('reads one record of the test entity with $top written into the URL, Basic auth and the company header', async () => {
			const h = onlineErpHarness();
			const scope = erp().get(exactly('/api/Entity/Product?$top=1')).reply(200, [{ NoProduit: 'P-1' }]);
			const result = await testCredential(h.credentials, 'onlineErpApi', { ...creds, testEntity: ' Product ' });
			scope.done();
			expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		});

		it('a robot that does not answer (503) says to start it, and that the credentials are not the problem', async () => {
			const h = onlineErpHarness();
			const scope = erp().get(exactly('/api/Entity/SupplierInvoice?$top=1')).once().reply(503, { Message: "Le robot n'est pas connecté au HUB" });
			const result = await testCredential(h.credentials, 'onlineErpApi', creds);
			scope.done();
			expect(result).toEqual({
				status: 'Error',
				message:
					'The OnlineERP hub answered, but the robot at your site did not (HTTP 503: "Le robot n\'est pas connecté au HUB"). Start the OnlineERP robot service on the ERP computer at your site, check that this computer is on and connected to the internet, then test again. This does not mean the licence code or secret key is wrong.',
			});
		});

		it('a robot that times out says the same, with the wait', async () => {
			const h = onlineErpHarness();
			const scope = erp()
				.get(exactly('/api/Entity/SupplierInvoice?$top=1'))
				.replyWithError({ code: 'ECONNABORTED', message: 'timeout of 60000ms exceeded' });
			const result = await testCredential(h.credentials, 'onlineErpApi', creds);
			scope.done();
			expect(result.message).toMatch(/^The robot at your site did not answer within 60 seconds \(ECONNABORTED\); .*Start the OnlineERP robot service/);
		});

		it('refused credentials, a forbidden or unknown entity and a wrong host each name their fix', async () => {
			const h = onlineErpHarness();
			const scope = nock(HOST)
				.get(exactly('/api/Entity/SupplierInvoice?$top=1'))
				.reply(401, 'Licence ou clé secrète invalide')
				.get(exactly('/api/Entity/SupplierInvoice?$top=1'))
				.reply(403, { message: 'Accès refusé' })
				.get(exactly('/api/Entity/Nothing?$top=1'))
				.reply(404, '')
				.get(exactly('/api/Entity/SupplierInvoice?$top=1'))
				.replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND acme.onlineerp.test' });
			const refused = await testCredential(h.credentials, 'onlineErpApi', { ...creds, secretKey: 'wrong' });
			const forbidden = await testCredential(h.credentials, 'onlineErpApi', creds);
			const unknown = await testCredential(h.credentials, 'onlineErpApi', { ...creds, testEntity: 'Nothing' });
			const host = await testCredential(h.credentials, 'onlineErpApi', creds);
			scope.done();
			expect(refused.message).toBe(
				'OnlineERP rejected the licence code or secret key (HTTP 401: "Licence ou clé secrète invalide"); it does not say which. Check both fields, exactly as Solution Infomedia gave them to you.',
			);
			expect(forbidden.message).toMatch(/^The licence code and secret key were accepted, but this licence may not read SupplierInvoice/);
			expect(unknown.message).toMatch(/^OnlineERP has no entity Nothing at https:\/\/acme\.onlineerp\.test\/api \(HTTP 404\)\. Set "Entity Used by the Test Button"/);
			expect(host.message).toBe(
				'The address acme.onlineerp.test does not exist (no DNS name resolves). Check the Base URL: the address Solution Infomedia gave you, e.g. https://v4.api.onlineerp.solution.quebec/api.',
			);
		});

		it('an invalid company header name fails before anything is sent', async () => {
			const h = onlineErpHarness();
			const result = await testCredential(h.credentials, 'onlineErpApi', { ...creds, companyHeaderName: 'COMPANY ID' });
			expect(result.message).toContain('The Company Header Name "COMPANY ID" is not a valid HTTP header name');
		});

		it('the credential still tells users that a failure can mean the robot is offline', () => {
			expect(new OnlineErpApi().properties[0].displayName).toContain('a failure can mean the robot is offline');
		});

		it('authenticates every request with Basic auth and the company header', async () => {
			const out = await new OnlineErpApi().authenticate(
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
