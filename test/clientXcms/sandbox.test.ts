import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { clock } from '../../nodes/shared';
import { resetPacing } from '../../nodes/ClientXcms/transport/pacing';
import { Harness } from '../harness/harness';
import { CLIENTXCMS_LIMITED_KEY, startClientXcmsSandbox, type ClientXcmsSandbox } from '../sandbox/clientXcms';

let sim: ClientXcmsSandbox;
let now = Date.parse('2026-08-14T10:00:00Z');

beforeAll(async () => {
	// Only the loopback simulator; everything else stays refused.
	nock.enableNetConnect('127.0.0.1');
	sim = await startClientXcmsSandbox({ now: () => now, limit: 60 });
});

afterAll(async () => {
	await sim.close();
	// No nock.disableNetConnect() here: the harness's own afterAll (which runs first) re-enables
	// net connect, and a later disable would stay on this file's nock instance, which keeps
	// intercepting in the same worker and would refuse the next test file's requests.
});

beforeEach(() => {
	sim.reset();
	resetPacing();
	jest.spyOn(clock, 'now').mockImplementation(() => now);
	jest.spyOn(clock, 'sleep').mockImplementation(async (ms) => {
		now += ms;
	});
});

afterEach(() => jest.restoreAllMocks());

const harness = (credentials: ICredentialDataDecryptedObject = {}) => new Harness().setCredentials('clientXcmsApi', { ...sim.credentials, ...credentials });
const node = (parameters: IDataObject) => ({ type: 'clientXcms', parameters: parameters as never, credentials: ['clientXcmsApi'] });

describe('ClientXCMS against the sandbox', () => {
	it('Return All walks envelope A (customers) and envelope B (tickets) over several pages', async () => {
		const many = (prefix: string) => Array.from({ length: 120 }, (_, i) => ({ firstname: `${prefix}${i}`, subject: `${prefix}${i}`, email: `${prefix}${i}@example.com`, status: 'open' }));
		await fetch(`${sim.url}/__sandbox/customers`, { method: 'POST', body: JSON.stringify(many('c')) });
		await fetch(`${sim.url}/__sandbox/tickets`, { method: 'POST', body: JSON.stringify(many('t')) });
		sim.log.length = 0;
		const h = harness();
		const customers = await h.execute({ node: node({ resource: 'customer', operation: 'getAll', returnAll: true }) });
		const tickets = await h.execute({ node: node({ resource: 'ticket', operation: 'getAll', returnAll: true }) });
		expect(customers.items).toHaveLength(122);
		expect(customers.items[0].json).toMatchObject({ id: 122, email: 'c119@example.com' });
		expect(customers.items[0].json.totp_secret).toBeUndefined();
		expect(tickets.items).toHaveLength(121);
		const pages = (path: string) => sim.log.filter((r) => r.path === path).map((r) => `${r.query.get('page')}/${r.query.get('per_page')}`);
		expect(pages('/api/application/customers')).toEqual(['1/100', '2/100']);
		expect(pages('/api/application/tickets')).toEqual(['1/100', '2/100']);
	});

	it('a duplicate e-mail comes back as a 422 naming the field', async () => {
		const { error } = await harness().execute({
			node: node({
				resource: 'customer', operation: 'create', email: 'ADA@example.com', firstname: 'Ada', lastname: 'L', address: 'a', city: 'c', zipcode: '75001', region: 'r', country: 'fr', locale: 'en_GB',
			}),
		});
		expect(error?.message).toBe('ClientXCMS rejected the data');
		expect(error?.description).toBe('email: The email has already been taken.');
	});

	it('a key without the ability gets an error naming it', async () => {
		const { error } = await harness({ apiKey: CLIENTXCMS_LIMITED_KEY }).execute({ node: node({ resource: 'invoice', operation: 'getAll', returnAll: true }) });
		expect(error?.httpCode).toBe('403');
		expect(error?.message).toBe('The API key lacks the permission `invoices:index`');
	});

	it('a 429 (budget used by another client of the same admin) waits for Retry-After, then succeeds', async () => {
		const limited = await startClientXcmsSandbox({ now: () => now, limit: 2, windowMs: 60_000 });
		try {
			const auth = { authorization: `Bearer ${String(limited.credentials.apiKey)}`, accept: 'application/json' };
			for (let i = 0; i < 2; i++) await fetch(`${limited.url}/api/application/health`, { headers: auth });
			const h = new Harness().setCredentials('clientXcmsApi', { ...limited.credentials });
			const sleep = jest.mocked(clock.sleep);
			const { items, error } = await h.execute({ node: node({ resource: 'product', operation: 'getAll', returnAll: true }) });
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json.id)).toEqual([1]);
			expect(sleep).toHaveBeenCalledWith(60_000);
			expect(limited.log.filter((r) => r.path === '/api/application/products')).toHaveLength(2);
		} finally {
			await limited.close();
		}
	});

	it('Update Product keeps pinned (the API would reset it) and the trigger sees the new service', async () => {
		const h = harness();
		const updated = await h.execute({ node: node({ resource: 'product', operation: 'update', productId: { mode: 'id', value: '1' }, updateFields: { name: 'VPS XS' } }) });
		expect(updated.items[0].json).toMatchObject({ id: 1, name: 'VPS XS', pinned: true });

		const staticData: IDataObject = {};
		const trigger = { type: 'clientXcmsTrigger', parameters: { event: 'newService' }, credentials: ['clientXcmsApi'] };
		expect(await h.poll({ node: trigger, staticData })).toBeNull();
		await fetch(`${sim.url}/__sandbox/services`, { method: 'POST', body: JSON.stringify({ customer_id: 1, name: 'New VPS', status: 'pending' }) });
		const out = await h.poll({ node: trigger, staticData });
		expect(out?.[0].map((i) => i.json)).toEqual([expect.objectContaining({ id: 3, name: 'New VPS' })]);
	});
});
