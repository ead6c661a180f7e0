import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Harness } from '../harness/harness';
import type { StartedSimulator } from '../sandbox/types';

const node = (parameters: INodeParameters) => ({
	type: 'shopApplication',
	parameters,
	credentials: ['shopApplicationApi'],
});
const byKey = (value: string) => ({ __rl: true, mode: 'key', value });

async function control(sim: StartedSimulator, path: string, body: unknown = {}): Promise<void> {
	await fetch(`${sim.url}/__sandbox/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
}

/**
 * The provisioning flow the package is for: an order is checked and placed, the trigger sees the
 * site installed, a module is added, and the deletion is requested then cancelled.
 */
export async function demo(
	h: Harness,
	sim: StartedSimulator,
	print: (title: string, items: unknown[]) => void,
): Promise<void> {
	const json = (items: Array<{ json: IDataObject }>) => items.map((i) => i.json);

	const catalogue = await h.execute({
		node: node({ resource: 'prestation', operation: 'getAll', returnAll: true, options: { includeDetails: true } }),
	});
	print(
		'Shop Application: Prestation → Get Many with details (the catalogue)',
		json(catalogue.items).map(({ code, nom, prix, prestations_associees }) => ({ code, nom, prix, prestations_associees })),
	);

	const trigger = { type: 'shopApplicationTrigger', parameters: { event: 'interfaceInstalled' }, credentials: ['shopApplicationApi'] };
	const staticData: IDataObject = {};
	await h.poll({ node: trigger, staticData });

	const order = (prestations: string[]) =>
		node({
			resource: 'interface',
			operation: 'create',
			guid: 'order-2024-0042',
			prestations,
			clientLastName: 'Martin',
			clientEmail: 'marie@boulangerie-martin.fr',
			clientFields: { firstName: 'Marie', company: 'Boulangerie Martin', city: 'Lyon' },
			additionalFields: { subDomain: 'boulangerie-martin' },
		});
	const refused = await h.execute({ node: { ...order(['IN-BTQST-S', 'IN-CAISSE-S', 'XX-UNKNOWN']), continueOnFail: true } });
	print('Interface → Create with an invalid order (refused before sending)', json(refused.items));

	const created = await h.execute({ node: order(['IN-BTQST-S', 'IN-BTQZ-AMM']) });
	print('Interface → Create (order placed)', json(created.items));
	const key = String(created.items[0]?.json.key);

	const installing = await h.execute({ node: node({ resource: 'interface', operation: 'get', interface: byKey(key) }) });
	print('Interface → Get (installing: send the customer the project form)', json(installing.items));

	await control(sim, 'advance', { ms: 3 * 60 * 60 * 1000 });
	const fired = await h.poll({ node: trigger, staticData });
	print('Shop Application Trigger: Interface Installed, 3 hours later', (fired?.[0] ?? []).map((i) => i.json));

	const added = await h.execute({
		node: node({ resource: 'interfacePrestation', operation: 'add', interface: byKey(key), prestations: ['MO-STATS-S', 'MO-STATS-AMM'] }),
	});
	print('Interface Prestation → Add (module with its subscription)', json(added.items));

	const ref = String(added.items[1]?.json.reference_unique);
	const terminated = await h.execute({
		node: node({ resource: 'interfacePrestation', operation: 'terminate', interface: byKey(key), reference: ref }),
	});
	print('Interface Prestation → Terminate by unique reference', json(terminated.items));

	const deletion = await h.execute({ node: node({ resource: 'interface', operation: 'delete', interface: byKey(key) }) });
	print('Interface → Request Deletion', json(deletion.items));
	const reactivated = await h.execute({ node: node({ resource: 'interface', operation: 'reactivate', interface: byKey(key) }) });
	print('Interface → Reactivate', json(reactivated.items));

	const state = (await (await fetch(`${sim.url}/__sandbox/state`)).json()) as { tokenRequests: number };
	print('Token requests for everything above (the simulated 3 hours outlived the first token)', [
		{ tokenRequests: state.tokenRequests },
	]);
}
