import nock from 'nock';
import type { IDataObject, INode } from 'n8n-workflow';

import { baselineState, SPECS } from '../../nodes/ClientXcms/trigger/events';
import { snapshotSpec } from '../../nodes/OnlineErp/trigger/detect';
import { Snapshot } from '../../nodes/shared';
import { telestoEvents } from '../../nodes/Telesto/trigger/events';
import { resetBudgets } from '../../nodes/Telesto/transport/budget';
import { Harness } from '../harness/harness';

export interface StateSize {
	trigger: string;
	event: string;
	bytes: number;
}

const BASE = 'https://telesto.size';
const node: INode = { id: 'trigger', name: 'Trigger', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };

/** Static data as n8n saves it: the engine's record around the state. */
function saved(state: unknown): number {
	return JSON.stringify({ poll: { watch: '0123456789abcdef', state, lastRequestAt: Date.now(), failures: 0, seen: [], keyFailures: {} } }).length;
}

/**
 * Static data of each trigger after a baseline over `n` records: Telesto through the engine
 * (one GET /products of n products), the others from their event's state builder.
 */
export async function stateSizes(n: number, telesto = Object.keys(telestoEvents)): Promise<StateSize[]> {
	const out: StateSize[] = [];
	const products = Array.from({ length: n }, (_, i) => ({
		id: `a${i.toString(16).padStart(7, '0')}`,
		name: `Product ${i}`,
		ean_upc: String(4000000000000 + i),
		stock_onhand: String(i % 997),
		created: '2024-01-01 00:00:00',
	}));
	const h = new Harness().setCredentials('telestoApi', { apiKey: 'k', baseUrl: `${BASE}/v2` });
	for (const event of telesto) {
		resetBudgets();
		const staticData: IDataObject = {};
		const scope = nock(BASE).get('/v2/products').reply(200, products);
		await h.poll({ node: { type: 'telestoTrigger', parameters: { event, threshold: 5 }, credentials: ['telestoApi'] }, staticData });
		scope.done();
		out.push({ trigger: 'Telesto', event, bytes: JSON.stringify(staticData).length });
	}

	const records = Array.from({ length: n }, (_, i) => ({ NoClient: String(100000 + i), NomClient: `Client ${i}`, EstActif: i % 2 === 0 }));
	for (const event of ['newRecord', 'updatedRecord'] as const) {
		out.push({ trigger: 'OnlineERP', event, bytes: saved({ records: Snapshot.of(records, snapshotSpec(event, 'NoClient', node)).toString() }) });
	}

	const items: IDataObject[] = Array.from({ length: n }, (_, i) => ({
		id: i + 1,
		status: i % 3 ? 'active' : 'paid',
		email: `c${i}@example.com`,
		updated_at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
	}));
	for (const event of ['customerUpdated', 'serviceStatusChanged', 'invoicePaid'] as const) {
		out.push({ trigger: 'ClientXCMS', event, bytes: saved(baselineState(SPECS[event], items)) });
	}

	const keys = Array.from({ length: n }, (_, i) => `${i.toString(16).padStart(8, '0')}-a576-4aad-8d5f-d594b0ccadbe`);
	const statuses = Snapshot.of(keys.map((k, i): [string, number] => [k, i % 4]), { key: ([k]) => k, memo: ([, s]) => String(s) });
	out.push({ trigger: 'Shop Application', event: 'interfaceStatusChanged', bytes: saved({ statuses: statuses.toString(), cursor: keys[0] }) });
	out.push({ trigger: 'Shop Application', event: 'newInterface', bytes: saved({ known: Snapshot.of(keys, { key: (k: string) => k }).toString() }) });
	return out;
}
