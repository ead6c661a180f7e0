import '../harness/env';

import nock from 'nock';
import { performance } from 'node:perf_hooks';

import { changesFor, snapshotOf } from '../../nodes/Telesto/trigger/diff';
import { clearProductListCache } from '../../nodes/Telesto/transport/product-list';
import { resetBudgets } from '../../nodes/Telesto/transport/budget';
import { Harness } from '../harness/harness';

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
	const before = catalogue(products);
	const after = before.map((p, i) => (i % 100 === 0 ? { ...p, stock_onhand: String(Number(p.stock_onhand) + 1) } : p));
	let started = performance.now();
	const snapshot = snapshotOf(before as never);
	const snapMs = performance.now() - started;
	started = performance.now();
	const changes = changesFor('stockChanged', after as never, snapshot, 0);
	const diffMs = performance.now() - started;
	const bytes = Buffer.byteLength(JSON.stringify(snapshot));
	line(
		`Telesto Trigger snapshot + diff, ${products} products`,
		`${snapMs.toFixed(0)} ms + ${diffMs.toFixed(0)} ms, ${changes.length} changes, state ${(bytes / 1024).toFixed(0)} KiB`,
	);
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
	nock.cleanAll();
}

void main();
