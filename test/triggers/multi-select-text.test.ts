import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { clock } from '../../nodes/shared';
import { api as cxApi, cxHarness, pageA, pageB } from '../clientXcms/helpers';
import { api as saApi, saHarness, tokenScope } from '../shopApplication/helpers';

/** Multi-select trigger parameters written as an expression give text: "a, b" must work like ["a", "b"]. */
describe('trigger multi-selects given as comma-separated text', () => {
	const now = Date.parse('2030-01-01T00:00:00Z');
	beforeEach(() => {
		jest.spyOn(clock, 'now').mockImplementation(() => now);
		jest.spyOn(clock, 'sleep').mockResolvedValue();
	});
	afterEach(() => jest.restoreAllMocks());

	it('ClientXCMS Actions and Statuses', async () => {
		const q = (extra: IDataObject) => ({ ...extra, sort: '-id', page: 1, per_page: 50 });
		const filter = { 'filter[action]': 'service_delivered,service_suspended' };
		const scope = cxApi()
			.get('/logs')
			.query(q(filter))
			.reply(200, pageB([{ id: 1, action: 'service_delivered' }]))
			.get('/logs')
			.query(q(filter))
			.reply(200, pageB([{ id: 2, action: 'service_suspended' }, { id: 1, action: 'service_delivered' }]));
		const node = { type: 'clientXcmsTrigger', parameters: { event: 'serviceEvent', actions: 'service_delivered, service_suspended' }, credentials: ['clientXcmsApi'] };
		const staticData: IDataObject = {};
		expect(await cxHarness().poll({ node, staticData })).toBeNull();
		expect((await cxHarness().poll({ node, staticData }))?.[0].map((i) => i.json.id)).toEqual([2]);

		const services = (status: string, at: string) => pageA([{ id: 1, status, updated_at: at }]);
		const statusNode = { ...node, parameters: { event: 'serviceStatusChanged', statuses: 'suspended,cancelled' } };
		const s2 = cxApi()
			.get('/services')
			.query({ sort: '-updated_at,-id', page: 1, per_page: 50 })
			.reply(200, services('active', '2030-01-01T00:00:00.000000Z'))
			.get('/services')
			.query({ sort: '-updated_at,-id', page: 1, per_page: 50 })
			.reply(200, services('suspended', '2030-01-01T01:00:00.000000Z'));
		const statusData: IDataObject = {};
		expect(await cxHarness().poll({ node: statusNode, staticData: statusData })).toBeNull();
		expect((await cxHarness().poll({ node: statusNode, staticData: statusData }))?.[0][0].json).toMatchObject({ status: 'suspended', _previousStatus: 'active' });
		scope.done();
		s2.done();
	});

	it('Shop Application Only When New Status Is and Interface Names or IDs', async () => {
		const token = tokenScope();
		const h = saHarness();
		const node = (parameters: INodeParameters) => ({ type: 'shopApplicationTrigger', parameters, credentials: ['shopApplicationApi'] });
		const statusNode = node({ event: 'interfaceStatusChanged', statuses: '1, 0' });
		const scope = saApi()
			.get('/interfaces')
			.query({})
			.reply(200, ['k1'])
			.get('/interfaces/k1')
			.query({})
			.reply(200, { statut: 3 })
			.get('/interfaces')
			.query({})
			.reply(200, ['k1'])
			.get('/interfaces/k1')
			.query({})
			.reply(200, { statut: 1 });
		const staticData: IDataObject = {};
		expect(await h.poll({ node: statusNode, staticData })).toBeNull();
		expect((await h.poll({ node: statusNode, staticData }))?.[0][0].json).toMatchObject({ key: 'k1', statut: 1, previous_statut: 3 });
		scope.done();

		const prestations = saApi().get('/interfaces/k1/prestations').query({}).reply(200, []).get('/interfaces/k2/prestations').query({}).reply(200, []);
		await h.poll({ node: node({ event: 'prestationAdded', watch: 'selected', interfaceKeys: 'k1, k2' }), staticData: {} });
		prestations.done();
		token.done();
		expect(nock.pendingMocks()).toEqual([]);
	});
});
