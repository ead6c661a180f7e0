import { api, pageB, paired, run } from './helpers';

const SERVER = { id: 1, name: 'node1', hostname: 'panel.example.com', address: '203.0.113.10', port: 443, username: 'root', password: 'hunter2', type: 'pterodactyl', status: 'active' };
const { username: _u, password: _p, ...SERVER_PUBLIC } = SERVER;

describe('ClientXCMS Server', () => {
	it('Get Many / Get: credentials removed unless Include Sensitive Fields', async () => {
		const scope = api()
			.get('/servers')
			.query({ page: 1, per_page: 100, sort: '-id' })
			.reply(200, pageB([SERVER]))
			.get('/servers/1')
			.reply(200, pageB([SERVER]));
		const list = await run({ resource: 'server', operation: 'getAll', returnAll: true });
		const one = await run({ resource: 'server', operation: 'get', serverId: '1', options: { includeSensitive: true } });
		scope.done();
		expect(list.items).toEqual(paired([SERVER_PUBLIC]));
		expect(one.items).toEqual(paired([SERVER]));
	});

	it('Create: required fields sent, answer redacted', async () => {
		const body = { name: 'node1', hostname: 'panel.example.com', address: '203.0.113.10', type: 'pterodactyl', username: 'root', password: 'hunter2', port: 8443 };
		const scope = api().post('/servers', body).reply(201, SERVER);
		const { items } = await run({ resource: 'server', operation: 'create', ...body, port: undefined, additionalFields: { port: 8443 } });
		scope.done();
		expect(items).toEqual(paired([SERVER_PUBLIC]));
	});

	it('Update: re-sends hostname and address', async () => {
		const scope = api()
			.get('/servers/1')
			.reply(200, pageB([SERVER]))
			.post('/servers/1', { hostname: 'panel.example.com', address: '203.0.113.10', maxaccounts: 50 })
			.reply(200, { ...SERVER, maxaccounts: 50 });
		const { items } = await run({ resource: 'server', operation: 'update', serverId: '1', updateFields: { maxaccounts: 50 } });
		scope.done();
		expect(items).toEqual(paired([{ ...SERVER_PUBLIC, maxaccounts: 50 }]));
	});

	it('Test Connection: the shadowed route (404) is explained', async () => {
		const scope = api().post('/servers/test', { type: 'pterodactyl', address: 'a', hostname: 'h', port: 443, username: 'u', password: 'p' }).reply(404, { message: 'No query results for model [App\\Models\\Provisioning\\Server] test' });
		const { error } = await run({ resource: 'server', operation: 'testConnection', type: 'pterodactyl', address: 'a', hostname: 'h', port: 443, username: 'u', password: 'p' });
		scope.done();
		expect(error?.message).toBe('This ClientXCMS version cannot test server connections through the API');
		expect(error?.description).toContain('POST /servers/{server}');
	});

	it('Test Connection: works where the route is fixed', async () => {
		const scope = api()
			.post('/servers/test', { type: 't', address: 'a', hostname: 'h', port: 443, username: 'u', password: 'p', server_id: 1 })
			.reply(200, { success: true, status: 200, message: 'OK' });
		const { items } = await run({ resource: 'server', operation: 'testConnection', type: 't', address: 'a', hostname: 'h', port: 443, username: 'u', password: 'p', additionalFields: { server_id: 1 } });
		scope.done();
		expect(items).toEqual(paired([{ success: true, status: 200, message: 'OK' }]));
	});
});

describe('ClientXCMS Cancellation Reason', () => {
	const REASON = { id: 4, reason: 'Too expensive', status: 'active', cancellation_mode: 'immediate' };

	it('Create and Update (no read needed: every update field is optional)', async () => {
		const scope = api()
			.post('/cancellation_reasons', { reason: 'Too expensive', status: 'active' })
			.reply(201, REASON)
			.post('/cancellation_reasons/4', { status: 'hidden' })
			.reply(200, { ...REASON, status: 'hidden' });
		const created = await run({ resource: 'cancellationReason', operation: 'create', reason: 'Too expensive', status: 'active' });
		const updated = await run({ resource: 'cancellationReason', operation: 'update', cancellationReasonId: '4', updateFields: { status: 'hidden' } });
		scope.done();
		expect(created.items).toEqual(paired([REASON]));
		expect(updated.items).toEqual(paired([{ ...REASON, status: 'hidden' }]));
	});

	it('Get Analytics: dates as YYYY-MM-DD in instance time', async () => {
		const answer = { start_date: '2026-01-01', end_date: '2026-06-30', total_cancellations: 3, distribution: [{ reason_id: 4, reason: 'Too expensive', count: 3 }] };
		const scope = api().get('/cancellation_reasons_analytics').query({ start_date: '2026-01-01', end_date: '2026-06-30' }).reply(200, answer);
		const { items } = await run({
			resource: 'cancellationReason', operation: 'getAnalytics', additionalFields: { start_date: '2025-12-31T23:30:00Z', end_date: '2026-06-30' },
		});
		scope.done();
		expect(items).toEqual(paired([answer]));
	});
});

describe('ClientXCMS Instance and Action Log', () => {
	it('Get Health and Get License', async () => {
		const scope = api().get('/health').reply(200, { status: 'ok' }).get('/license').reply(200, { status: 'error', message: 'License not found' });
		const health = await run({ resource: 'instance', operation: 'getHealth' });
		const license = await run({ resource: 'instance', operation: 'getLicense' });
		scope.done();
		expect(health.items).toEqual(paired([{ status: 'ok' }]));
		expect(license.items).toEqual(paired([{ status: 'error', message: 'License not found' }]));
	});

	it('Action Log Get Many: action and model_id re-checked exactly, per_page honoured', async () => {
		const log = { id: 30, action: 'service_delivered', model: 'App\\Models\\Provisioning\\Service', model_id: '5' };
		const scope = api()
			.get('/logs')
			.query({ page: 1, per_page: 5, 'filter[action]': 'service_delivered', 'filter[model_id]': '5', sort: '-id' })
			.reply(200, pageB([log, { ...log, id: 29, model_id: '15' }, { ...log, id: 28, action: 'service_delivered_x' }]));
		const { items } = await run({
			resource: 'actionLog', operation: 'getAll', returnAll: false, limit: 5, filters: { action: 'service_delivered', model_id: '5' },
		});
		scope.done();
		expect(items).toEqual(paired([log]));
	});
});
