import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Harness } from '../harness/harness';
import type { StartedSimulator } from '../sandbox/types';

const node = (parameters: INodeParameters) => ({ type: 'telesto', parameters, credentials: ['telestoApi'] });

export async function demo(
	h: Harness,
	sim: StartedSimulator,
	print: (title: string, items: unknown[]) => void,
): Promise<void> {
	const all = await h.execute({ node: node({ resource: 'product', operation: 'getAll', returnAll: true }) });
	print('Telesto: Product → Get Many (values cleaned up)', all.items.map((i) => i.json));

	const low = await h.execute({
		node: node({ resource: 'product', operation: 'getAll', returnAll: true, filters: { stockAtOrBelow: 5 } }),
	});
	print('Telesto: Product → Get Many, stock at or below 5', low.items.map((i) => i.json));

	const byCode = await h.execute({
		node: node({ resource: 'product', operation: 'get', product: { __rl: true, mode: 'eanUpc', value: '={{ $json.scan }}' } }),
		input: [{ scan: '012345678905' }, { scan: '4006381333931' }],
	});
	print('Telesto: Product → Get by EAN/UPC for 2 scanned items (1 request)', byCode.items.map((i) => i.json));

	const staticData: IDataObject = {};
	const trigger = { type: 'telestoTrigger', parameters: { event: 'lowStock', threshold: 5, minMinutes: 1 }, credentials: ['telestoApi'] };
	await h.poll({ node: trigger, staticData });
	await fetch(`${sim.url}/__sandbox/products`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ id: 'p-100', stock_onhand: '2' }),
	});
	// The trigger's own minimum interval: pretend a minute went by.
	(staticData.poll as IDataObject).lastRequestAt = 0;
	const fired = await h.poll({ node: trigger, staticData });
	print('Telesto Trigger: Stock Below Threshold after Widget fell to 2', (fired?.[0] ?? []).map((i) => i.json));
}
