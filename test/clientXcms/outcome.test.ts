import { Harness } from '../harness/harness';
import { droppingServer, refusedUrl } from '../harness/servers';
import { api, API_KEY, CUSTOMER, fakeSleep, run, CUSTOMER_CREATE, UNKNOWN_OUTCOME_HINT } from './helpers';

describe('ClientXCMS: a write whose outcome is unknown says so', () => {
	afterEach(() => jest.restoreAllMocks());

	it('a customer creation that timed out may have been applied, and is not sent again', async () => {
		const sleep = fakeSleep();
		const scope = api().post('/customers').once().delay(70_000).reply(201, CUSTOMER);
		const { error, items } = await run(CUSTOMER_CREATE);
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^ClientXCMS did not answer POST \/customers \(E[A-Z]+\), the change may have been applied$/);
		expect(error?.description).toBe(
			`The request was sent, but the connection ended before an answer came back. Nothing was retried. ${UNKNOWN_OUTCOME_HINT}`,
		);
	}, 15_000);

	it('the e-mail of Send Notification (a GET with a side effect) is not sent twice after a reset connection', async () => {
		fakeSleep();
		const server = await droppingServer();
		const refused = await refusedUrl();
		try {
			const credentials = { apiKey: API_KEY, allowHttp: true };
			const notify = { resource: 'invoice', operation: 'sendNotification', invoiceId: { mode: 'id', value: '3' } };
			const dropped = await run(notify, {
				harness: new Harness().setCredentials('clientXcmsApi', { ...credentials, instanceUrl: server.url }),
			});
			expect(server.requests()).toBe(1);
			expect(dropped.error?.message).toBe('ClientXCMS did not answer GET /invoices/3/notify (ECONNRESET), the change may have been applied');
			const notSent = await run(notify, {
				harness: new Harness().setCredentials('clientXcmsApi', { ...credentials, instanceUrl: refused.url }),
			});
			expect(notSent.error?.message).toBe('ClientXCMS could not be reached (ECONNREFUSED)');
			expect(notSent.error?.description).toBe(
				'ClientXCMS could not be reached. Check the Instance URL and the network of the n8n server.',
			);
		} finally {
			refused.close();
			await server.close();
		}
	});
});
