import '../harness/env';

import nock from 'nock';
import { performance } from 'node:perf_hooks';

import { clearProductListCache } from '../../nodes/Telesto/transport/product-list';
import { resetBudgets } from '../../nodes/Telesto/transport/budget';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { clock, compareSnapshot, Snapshot } from '../../nodes/shared';
import { clientXcmsTrigger } from '../clientXcms/trigger.cases';
import { Harness } from '../harness/harness';
import type { TriggerUnderTest } from '../harness/trigger-scenarios';
import { onlineErpTrigger } from '../onlineErp/trigger.cases';
import type { StartedSimulator } from '../sandbox/types';
import { shopApplicationTrigger } from '../shopApplication/trigger.cases';
import { telestoTrigger } from '../telesto/trigger.cases';
import { stateSizes } from '../triggers/state-size';

/**
 * `npm run bench`: figures, not pass/fail. Engine throughput of the Telesto node (one list
 * request shared by N items) and the cost of the trigger's snapshot diff on large catalogues.
 * `npm run bench -- --queue`: executions per minute in n8n queue mode with 1 and 2 workers.
 */
const BASE = 'https://telesto.bench';

function catalogue(n: number) {
	return Array.from({ length: n }, (_, i) => ({
		id: `p${i}`,
		name: `Product ${i}`,
		ean_upc: String(4000000000000 + i),
		stock_onhand: String(i % 97),
		created: '2024-01-01 00:00:00',
	}));
}

function line(label: string, value: string): void {
	process.stdout.write(`${label.padEnd(58)} ${value}\n`);
}

async function getItems(items: number, products: number): Promise<void> {
	clearProductListCache();
	resetBudgets();
	const h = new Harness().setCredentials('telestoApi', { apiKey: 'k', baseUrl: `${BASE}/v2` });
	const body = catalogue(products);
	const scope = nock(BASE).get('/v2/products').reply(200, body);
	const input = Array.from({ length: items }, (_, i) => ({ id: `p${i % products}` }));
	const started = performance.now();
	const { items: out, error } = await h.execute({
		node: {
			type: 'telesto',
			credentials: ['telestoApi'],
			parameters: { resource: 'product', operation: 'get', product: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		},
		input,
	});
	const ms = performance.now() - started;
	if (error || out.length !== items || !scope.isDone()) throw new Error(`bench run failed: ${error?.message}`);
	line(`Telesto Product → Get, ${items} items over ${products} products`, `${ms.toFixed(0)} ms, 1 request, ${((ms * 1000) / items).toFixed(0)} µs/item`);
}

function diff(products: number): void {
	type Row = ReturnType<typeof catalogue>[number];
	const spec = { key: (p: Row) => p.id, memo: (p: Row) => p.stock_onhand };
	const before = catalogue(products);
	const after = before.map((p, i) => (i % 100 === 0 ? { ...p, stock_onhand: String(Number(p.stock_onhand) + 1) } : p));
	let started = performance.now();
	const text = Snapshot.of(before, spec).toString();
	const snapMs = performance.now() - started;
	started = performance.now();
	const changes = compareSnapshot(Snapshot.parse(text), after, spec).changed;
	const diffMs = performance.now() - started;
	line(
		`Telesto Trigger snapshot + diff, ${products} products`,
		`${snapMs.toFixed(0)} ms + ${diffMs.toFixed(0)} ms, ${changes.length} changes, state ${(text.length / 1024).toFixed(0)} KiB`,
	);
}

async function stateAt(records: number): Promise<void> {
	for (const s of await stateSizes(records)) {
		line(`${s.trigger} Trigger state, ${s.event}, ${records} records`, `${(s.bytes / 1024).toFixed(0)} KiB (${s.bytes} bytes)`);
	}
}

/**
 * Requests a trigger sends per hour when its API fails for good after the baseline: polled every
 * minute for 6 hours on a fake clock, against the simulator with every request answered 500.
 */
async function failingApi<S extends StartedSimulator>(trigger: TriggerUnderTest<S>, parameters: IDataObject): Promise<void> {
	const sim = await trigger.start();
	await trigger.reset(sim);
	const saved = { now: clock.now, sleep: clock.sleep };
	const start = Date.parse('2030-01-01T00:00:00Z');
	let now = start;
	clock.now = () => now;
	clock.sleep = async (ms: number) => {
		now += ms;
	};
	try {
		const h = new Harness().setCredentials(sim.credentialType, sim.credentials);
		const node = { type: trigger.type, parameters: { ...trigger.parameters, ...parameters } as INodeParameters, credentials: [trigger.credentialType] };
		const staticData: IDataObject = {};
		await h.poll({ node, staticData });
		sim.fault({ status: 500 });
		const perHour = [0, 0, 0, 0, 0, 0];
		let failed = 0;
		for (let minute = 1; minute <= 360; minute++) {
			now = Math.max(now, start + minute * 60_000);
			const before = sim.log.length;
			await h.poll({ node, staticData }).catch(() => failed++);
			perHour[Math.min(5, Math.floor((now - start - 1) / 3_600_000))] += sim.log.length - before;
		}
		line(
			`${trigger.type} (${String(parameters.event)}), API failing, polled every minute`,
			`requests per hour ${perHour.join(' / ')} (hours 1–6), ${failed} failed executions`,
		);
	} finally {
		clock.now = saved.now;
		clock.sleep = saved.sleep;
		await sim.close();
	}
}

async function main(): Promise<void> {
	if (process.argv.includes('--queue')) {
		// Real n8n with workers: no nock here, the simulators answer on loopback.
		const { queueBench } = await import('./queue');
		await queueBench(process.argv.slice(2));
		return;
	}
	nock.disableNetConnect();
	await getItems(1000, 200);
	await getItems(10000, 2000);
	diff(1000);
	diff(10000);
	diff(50000);
	diff(100000);
	await stateAt(100_000);
	nock.cleanAll();
	nock.enableNetConnect('127.0.0.1');
	await failingApi(telestoTrigger, { event: 'stockChanged' });
	await failingApi(shopApplicationTrigger, { event: 'interfaceStatusChanged' });
	await failingApi(clientXcmsTrigger, { event: 'newCustomer' });
	await failingApi(onlineErpTrigger('snapshot'), { event: 'updatedRecord' });
}

void main();
