import '../harness/env';

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IDataObject, INodeParameters, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { clock, compareSnapshot, Snapshot } from '../../nodes/shared';
import { resetPacing } from '../../nodes/ClientXcms/transport/pacing';
import { clearProductListCache } from '../../nodes/Telesto/transport/product-list';
import { resetBudgets } from '../../nodes/Telesto/transport/budget';
import { clientXcmsTrigger } from '../clientXcms/trigger.cases';
import { Harness, type NodeUnderTest } from '../harness/harness';
import { nodeTypes } from '../harness/node-types';
import type { TriggerUnderTest } from '../harness/trigger-scenarios';
import { onlineErpTrigger } from '../onlineErp/trigger.cases';
import { startClientXcmsSandbox } from '../sandbox/clientXcms';
import { startOnlineErpSandbox } from '../sandbox/onlineErp';
import { startTelestoSandbox } from '../sandbox/telesto';
import type { StartedSimulator } from '../sandbox/types';
import { shopApplicationTrigger } from '../shopApplication/trigger.cases';
import { telestoTrigger } from '../telesto/trigger.cases';
import { stateSizes } from '../triggers/state-size';

/**
 * `npm run bench`: figures, not pass/fail. Node time of one operation per API against the
 * simulators for 1 000, 10 000 and 100 000 items, beside n8n's own Edit Fields (Set) node over
 * the same number of items through the same engine; the cost of the trigger's snapshot diff and
 * its state on large catalogues; requests per hour of each trigger against a failing API.
 * `npm run bench -- --queue`: executions per minute in n8n queue mode with 1 and 2 workers.
 */
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SET_TYPE = 'n8n-nodes-base.set';

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
	process.stdout.write(`${label.padEnd(62)} ${value}\n`);
}

/**
 * n8n's Edit Fields node: from n8n-nodes-base when the project can load it, else from the n8n
 * that `npm run dev` caches. Looked up at run time, never a committed path.
 */
function loadSetNode(): boolean {
	const candidates = [
		'n8n-nodes-base/dist/nodes/Set/Set.node.js',
		join(homedir(), '.cache/n8n-nodes-business-connectors/n8n-2.40.7/node_modules/n8n-nodes-base/dist/nodes/Set/Set.node.js'),
	];
	for (const candidate of candidates) {
		try {
			if (candidate.startsWith('/') && !existsSync(candidate)) continue;
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const mod = require(candidate) as { Set: new () => INodeType | IVersionedNodeType };
			nodeTypes.register(SET_TYPE, new mod.Set());
			return true;
		} catch {
			// try the next place
		}
	}
	return false;
}

/** The node's own execution time as n8n records it in the run data (not the workflow's). */
async function timed(h: Harness, node: NodeUnderTest, input: IDataObject[], expected: number): Promise<number> {
	const { items, error, run } = await h.execute({ node, input });
	if (error || items.length !== expected) {
		throw new Error(`bench run of ${node.fullType ?? node.type} failed: ${error?.message ?? `${items.length} items`}`);
	}
	return run.data.resultData.runData['Node Under Test'][0].executionTime;
}

/** Edit Fields over `n` items: one field set from each item by an expression, like our nodes read one. */
async function setNode(n: number): Promise<number | undefined> {
	const input = Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));
	const parameters: INodeParameters = {
		mode: 'manual',
		assignments: { assignments: [{ id: 'a', name: 'copy', value: '={{ $json.id }}', type: 'string' }] },
		options: {},
	};
	return await timed(new Harness(), { type: 'set', fullType: SET_TYPE, typeVersion: 3.4, parameters }, input, n);
}

function report(label: string, ms: number, setMs: number | undefined, n: number): void {
	const ratio = setMs === undefined ? 'Set node not loadable' : `${(ms / setMs).toFixed(1)}× Set (${setMs.toFixed(0)} ms)`;
	line(label, `${ms.toFixed(0).padStart(6)} ms  ${((ms * 1000) / n).toFixed(0).padStart(4)} µs/item  ${ratio}`);
}

async function itemThroughput(): Promise<void> {
	const haveSet = loadSetNode();
	// ClientXCMS pacing would wait a minute per 55 pages: time is the simulator's, not the clock's.
	let now = Date.now();
	clock.now = () => now;
	clock.sleep = async (ms: number) => {
		now += ms;
	};
	const telesto = await startTelestoSandbox({ products: [] });
	const clientXcms = await startClientXcmsSandbox({ limit: 1_000_000 });
	const onlineErp = await startOnlineErpSandbox();
	try {
		for (const n of SIZES) {
			const setMs = haveSet ? await setNode(n) : undefined;

			clearProductListCache();
			resetBudgets();
			telesto.products.splice(0, telesto.products.length, ...catalogue(Math.max(1, n / 5)));
			const th = new Harness().setCredentials(telesto.credentialType, telesto.credentials);
			const before = telesto.log.length;
			const tMs = await timed(
				th,
				{
					type: 'telesto',
					credentials: ['telestoApi'],
					parameters: { resource: 'product', operation: 'get', product: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				},
				Array.from({ length: n }, (_, i) => ({ id: `p${i % Math.max(1, n / 5)}` })),
				n,
			);
			report(`Telesto Product → Get, ${n} items (${telesto.log.length - before} request)`, tMs, setMs, n);

			resetPacing();
			clientXcms.db.customers = Array.from({ length: n }, (_, i) => ({ ...clientXcms.db.customers[0], id: i + 1, email: `c${i}@example.com` }));
			const ch = new Harness().setCredentials(clientXcms.credentialType, clientXcms.credentials);
			const cMs = await timed(
				ch,
				{ type: 'clientXcms', credentials: ['clientXcmsApi'], parameters: { resource: 'customer', operation: 'getAll', returnAll: true } },
				[{}],
				n,
			);
			report(`ClientXCMS Customer → Get Many, ${n} items (${Math.ceil(n / 100)} pages)`, cMs, setMs, n);

			onlineErp.companies['0'].data.Customer = Array.from({ length: n }, (_, i) => ({ NoClient: `C${i}`, NomClient: `Client ${i}` }));
			const oh = new Harness().setCredentials(onlineErp.credentialType, onlineErp.credentials);
			const oMs = await timed(
				oh,
				{
					type: 'onlineErp',
					credentials: ['onlineErpApi'],
					parameters: { resource: 'entity', operation: 'getAll', entity: 'Customer', returnAll: true, options: { pageSize: 1000 } },
				},
				[{}],
				n,
			);
			report(`OnlineERP Customer → Get Many, ${n} items (${Math.ceil(n / 1000)} pages)`, oMs, setMs, n);
		}
	} finally {
		await Promise.all([telesto.close(), clientXcms.close(), onlineErp.close()]);
	}
	diff(1000);
	diff(10000);
	diff(50000);
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
	const realClock = { now: clock.now, sleep: clock.sleep };
	await itemThroughput();
	Object.assign(clock, realClock);
	diff(100000);
	await stateAt(100_000);
	await failingApi(telestoTrigger, { event: 'stockChanged' });
	await failingApi(shopApplicationTrigger, { event: 'interfaceStatusChanged' });
	await failingApi(clientXcmsTrigger, { event: 'newCustomer' });
	await failingApi(onlineErpTrigger('snapshot'), { event: 'updatedRecord' });
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
