import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { clearCatalogueCache } from '../../nodes/ShopApplication/transport/catalogue';
import { resetSharedTokens } from '../../nodes/ShopApplication/transport/token-share';
import { Harness } from '../harness/harness';
import { startShopApplicationSandbox, type ShopApplicationSandbox } from '../sandbox/shopApplication';
import { demo } from '../demo/shopApplication';
import { byKey, dump } from './helpers';

const node = (parameters: INodeParameters, extra = {}) => ({
	type: 'shopApplication',
	parameters,
	credentials: ['shopApplicationApi'],
	...extra,
});

function harness(): Harness {
	return new Harness().setCredentials(sim.credentialType, sim.credentials);
}

let sim: ShopApplicationSandbox;

describe('Shop Application against the simulator', () => {
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sim = await startShopApplicationSandbox();
	});
	afterAll(async () => {
		await sim.close();
		nock.disableNetConnect();
	});
	beforeEach(() => {
		sim.reset();
		sim.log.length = 0;
		clearCatalogueCache();
		resetSharedTokens();
	});

	it('runs a provisioning flow with one token request, and the trigger sees the installation', async () => {
		const h = harness();
		const trigger = { type: 'shopApplicationTrigger', parameters: { event: 'interfaceInstalled' }, credentials: ['shopApplicationApi'] };
		const staticData: IDataObject = {};
		expect(await h.poll({ node: trigger, staticData })).toBeNull();

		const order = (prestations: string[]) =>
			node({ resource: 'interface', operation: 'create', guid: 'g-1', prestations, clientLastName: 'Martin', clientEmail: 'm@x.fr' });
		const before = sim.interfaces.size;
		const refused = await h.execute({ node: order(['IN-BTQST-S', 'IN-CAISSE-S']) });
		expect(refused.error?.message).toBe('Interface order not sent (item 0): 2 problems');
		expect(refused.error?.description).toContain('The order has 2 setup prestations (IN-BTQST-S, IN-CAISSE-S)');
		expect(refused.error?.description).toContain('IN-BTQST-S needs one of IN-BTQZ-AMM, IN-BTQZ-AMA in the same order');
		expect(sim.interfaces.size).toBe(before);

		const created = await h.execute({ node: order(['IN-BTQST-S', 'IN-BTQZ-AMA']) });
		const key = String(created.items[0].json.sa_key);
		expect(created.items[0].json).toEqual({ sa_key: key, key, guid: 'g-1' });
		const got = await h.execute({ node: node({ resource: 'interface', operation: 'get', interface: byKey(key) }) });
		expect(got.items[0].json).toMatchObject({ key, statut: 3, status_label: 'installing' });

		sim.advance(3 * 60 * 60 * 1000);
		const fired = await h.poll({ node: trigger, staticData });
		expect(fired?.[0].map((i) => [i.json.key, i.json.previous_statut, i.json.statut]).sort()).toEqual(
			[
				[key, 3, 1],
				['902dcbe4-04dd-4150-8436-2757fd53ce51', 3, 1],
			].sort(),
		);

		const added = await h.execute({
			node: node({ resource: 'interfacePrestation', operation: 'add', interface: byKey(key), prestations: ['MO-STATS-AMM', 'MO-STATS-S'] }),
		});
		expect(added.items.map((i) => i.json.code)).toEqual(['MO-STATS-AMM', 'MO-STATS-S']);
		const terminated = await h.execute({
			node: node({
				resource: 'interfacePrestation',
				operation: 'terminate',
				interface: byKey(key),
				reference: String(added.items[0].json.reference_unique),
			}),
		});
		expect(terminated.items.map((i) => i.json)).toEqual([added.items[0].json]);

		const deletion = await h.execute({ node: node({ resource: 'interface', operation: 'delete', interface: byKey(key) }) });
		expect(deletion.items[0].json.date_suppression).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		const reactivated = await h.execute({ node: node({ resource: 'interface', operation: 'reactivate', interface: byKey(key) }) });
		expect(Object.keys(reactivated.items[0].json)).toEqual(['key', 'date_reactivation']);

		// error: true with HTTP 200: reactivating an active interface.
		const again = await h.execute({ node: node({ resource: 'interface', operation: 'reactivate', interface: byKey(key) }) });
		expect(again.error?.message).toBe("Aucune demande de suppression n'a été enregistrée");

		// One token, plus one after the simulated 3 hours outlived it (a 401, then one retry).
		expect(sim.tokenRequests()).toBe(2);
	});

	it('refreshes an expired and a revoked token once each, repeating the request', async () => {
		const h = harness();
		const list = node({ resource: 'interface', operation: 'getAll', returnAll: true });
		expect((await h.execute({ node: list })).items).toHaveLength(2);
		sim.advance(3601 * 1000);
		expect((await h.execute({ node: list })).items).toHaveLength(2);
		sim.revokeTokens();
		expect((await h.execute({ node: list })).items).toHaveLength(2);
		expect(sim.tokenRequests()).toBe(3);
		const sent = sim.log.filter((r) => !r.path.startsWith('/__sandbox'));
		expect(sent.map((r) => `${r.method} ${r.path} ${r.headers.authorization ? 'Bearer' : '-'}`)).toEqual([
			'GET /token -',
			'GET /interfaces Bearer',
			'GET /interfaces Bearer',
			'GET /token -',
			'GET /interfaces Bearer',
			'GET /interfaces Bearer',
			'GET /token -',
			'GET /interfaces Bearer',
		]);
		for (const r of sent.filter((x) => x.path !== '/token')) {
			expect(r.query.toString()).toBe('');
			expect(String(r.headers.authorization)).toMatch(/^Bearer sa\./);
		}
	});

	it('reports wrong credentials without the secret', async () => {
		const h = new Harness().setCredentials(sim.credentialType, { ...sim.credentials, clientSecret: 'wrong-S3cr3t' });
		const result = await h.execute({ node: node({ resource: 'interface', operation: 'getAll', returnAll: true }) });
		expect(result.error?.message).toBe('Shop Application refused the Client ID / Client Secret: Identifiants invalides');
		expect(dump({ error: result.error, run: result.run.data })).not.toContain('wrong-S3cr3t');
	});

	it('runs the demo', async () => {
		const printed: Array<[string, unknown[]]> = [];
		await demo(harness(), sim, (title, items) => printed.push([title, items]));
		expect(printed.map(([t]) => t)).toHaveLength(10);
		const installed = printed.find(([t]) => t.startsWith('Shop Application Trigger'))?.[1] as IDataObject[];
		expect(installed.some((i) => i.status_label === 'active' && i.previous_statut === 3)).toBe(true);
		expect(printed[printed.length - 1][1]).toEqual([{ tokenRequests: 2 }]);
	});
});
