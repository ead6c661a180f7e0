import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, lineById } from '../../../scripts/n8n/config';
import { buildAndPack } from '../../../scripts/n8n/pack';
import { log, sleep } from '../../../scripts/n8n/proc';
import { ensureRuntime } from '../../../scripts/n8n/runtime';
import type { ClientXcmsSandbox } from '../../sandbox/clientXcms';
import type { OnlineErpSandbox } from '../../sandbox/onlineErp';
import type { ShopApplicationSandbox } from '../../sandbox/shopApplication';
import type { TelestoSandbox } from '../../sandbox/telesto';
import type { StartedSimulator } from '../../sandbox/types';
import { checkChain, coverageGaps, itemErrorText, opsWorkflow, triggerWorkflow, type LiveApi } from '../lib/chains';
import { Results, runSuite } from '../lib/results';
import { apiRequests, sandboxClient, startSink, type Sink } from '../lib/sandbox';
import { discoverApis, type ApiEntry } from '../lib/suites';
import { nodeType, toNode, type CredentialRef } from '../lib/workflows';
import type { Json, Step } from '../types';
import { asWebhookWorkflow, QueueCluster, webhookNode } from './cluster';

/**
 * `npm run test:e2e:queue`: the package in n8n 2.40.7 queue mode (Postgres, Redis, main + 2
 * workers), executions started by webhooks, limits and tokens counted by the simulators.
 */
const OUTPUT = join(ROOT, 'test-output', 'e2e-queue');
const RESULTS_FILE = join(OUTPUT, 'results.json');
const TAG = '[queue]';

interface Args {
	skipBuild: boolean;
	keep: boolean;
}

function parseArgs(argv: string[]): Args {
	return {
		skipBuild: argv.includes('--skip-build') || process.env.E2E_SKIP_BUILD === '1',
		keep: argv.includes('--keep'),
	};
}

/** Single-node webhook workflow whose node carries on with an error item instead of failing. */
function burstWorkflow(name: string, path: string, step: Step, credential: CredentialRef) {
	const node = toNode(step, name, [260, 0], credential, { onError: 'continueRegularOutput' });
	return {
		name,
		nodes: [webhookNode(path), node],
		connections: { Webhook: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

interface Burst {
	ok: number;
	failed: string[];
	ms: number;
	perWorker: number[];
	/** Calls n8n did not answer although their executions ended in success. */
	unanswered: number;
}

/**
 * `n` webhook calls at once; each answers with the node's first item once its execution ended.
 * n8n's main process, under this load, has once left two calls unanswered although their
 * executions had ended on the workers: those count only when the executions API shows all `n`
 * executions of the workflow ended in success, and the figures say so.
 */
async function burst(
	cluster: QueueCluster,
	target: { workflowId: string; path: string },
	n: number,
	accept: (json: Json) => boolean,
): Promise<Burst> {
	const marks = cluster.logMarks();
	const t0 = Date.now();
	const answers = await Promise.all(Array.from({ length: n }, async (_, i) => await cluster.webhook(target.path, { i })));
	const ms = Date.now() - t0;
	// The worker logs its "started" line before the webhook answers; give the pipes a moment.
	await sleep(300);
	const failed: string[] = [];
	let ok = 0;
	for (const a of answers) {
		const json = (a.body ?? {}) as Json;
		if (a.status === 200 && accept(json)) ok++;
		else if (a.status !== 0) failed.push(`HTTP ${a.status}: ${JSON.stringify(a.body).slice(0, 300)}`);
	}
	const unanswered = answers.filter((a) => a.status === 0);
	if (unanswered.length) {
		let statuses = await cluster.executionStatuses(target.workflowId, n + 10);
		const deadline = Date.now() + 120_000;
		while (statuses.some((s) => ['new', 'running', 'waiting'].includes(s)) && Date.now() < deadline) {
			await sleep(1000);
			statuses = await cluster.executionStatuses(target.workflowId, n + 10);
		}
		const ended = statuses.length === n && statuses.every((s) => s === 'success');
		if (!ended) failed.push(...unanswered.map((a) => `${String(a.body)}; executions of the workflow: ${statuses.join(', ')}`));
	}
	return { ok, failed, ms, perWorker: cluster.workerStarts(marks), unanswered: unanswered.length };
}

function summary(failed: string[]): string {
	const counts = new Map<string, number>();
	for (const f of failed) counts.set(f, (counts.get(f) ?? 0) + 1);
	return [...counts].map(([text, c]) => `${c} × ${text}`).join('\n');
}

interface TriggerRun {
	live: LiveApi;
	name: string;
	index: number;
	firstItems?: number;
	emittedAt?: number;
	done: Promise<void>;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const t0 = Date.now();
	const results = new Results();
	mkdirSync(OUTPUT, { recursive: true });
	rmSync(RESULTS_FILE, { force: true });
	const figures: string[] = [];
	const sims: StartedSimulator[] = [];
	let sink: Sink | undefined;
	let cluster: QueueCluster | undefined;
	try {
		const tarball = await buildAndPack(OUTPUT, { skipBuild: args.skipBuild });
		const entries = discoverApis().filter((e) => e.suite);
		const runtime = await ensureRuntime(lineById('2'));
		cluster = new QueueCluster({ runtime, tarball, workers: 2, concurrency: 5, logDir: OUTPUT, keepFolders: args.keep });
		await cluster.start();
		const c = cluster;
		log(`${TAG} n8n ${runtime.line.version} queue mode ready after ${Math.round((Date.now() - t0) / 1000)} s`);

		const types = await c.main.nodeTypeNames();
		for (const entry of entries) {
			for (const node of entry.nodes) {
				const type = nodeType(node.name);
				if (types.includes(type)) results.pass(`${TAG} ${entry.api}: ${type} loaded by the main process`);
				else results.fail(`${TAG} ${entry.api}: ${type} loaded by the main process`, `not in /types/nodes.json; see ${c.main.options.logFile}`);
			}
		}

		const startLive = async (entry: ApiEntry, role: string): Promise<LiveApi> => {
			const sim = await entry.simulator.start({ port: 0 });
			sims.push(sim);
			const name = `${entry.suite?.credentialName ?? entry.api} ${role}`;
			const id = await c.createCredential({ name, type: sim.credentialType, data: sim.credentials });
			return { entry, sim, credential: { type: sim.credentialType, id, name } };
		};

		// Triggers first: each polls once a minute, a baseline before the change and one after it.
		sink = await startSink();
		const s = sink;
		const triggerRuns: TriggerRun[] = [];
		for (const entry of entries) {
			if (!entry.suite!.triggers.length) continue;
			const live = await startLive(entry, '(queue triggers)');
			const mark = live.sim.log.length;
			const ids = [];
			for (const [index, trigger] of entry.suite!.triggers.entries()) {
				const { id: _id, ...workflow } = triggerWorkflow(live, trigger, index, s);
				ids.push(await c.createActiveWorkflow(workflow));
			}
			const count = entry.suite!.triggers.length;
			for (const [index, trigger] of entry.suite!.triggers.entries()) {
				const run: TriggerRun = { live, name: trigger.name, index, done: Promise.resolve() };
				run.done = (async () => {
					const deadline = Date.now() + 150_000;
					while (apiRequests(live.sim, mark) < count && Date.now() < deadline) await sleep(500);
					await sleep(2000);
					await trigger.change(sandboxClient(live.sim));
					const path = `/${entry.api}/${index}`;
					const until = Date.now() + 150_000;
					while (!s.items(path).length && Date.now() < until) await sleep(500);
					await sleep(1500);
					run.firstItems = s.items(path).length;
					run.emittedAt = live.sim.log.length;
				})();
				triggerRuns.push(run);
			}
		}
		log(`${TAG} ${triggerRuns.length} trigger workflows activated over REST; the main process polls them every minute`);

		// Every operation of the four APIs, run by a worker from a webhook.
		for (const entry of entries) {
			const gaps = coverageGaps({ entry } as LiveApi);
			if (gaps.length) results.fail(`${TAG} ${entry.api}: every operation covered`, `not covered: ${gaps.join(', ')}`);
		}
		const opsLive = await Promise.all(entries.map(async (entry) => await startLive(entry, '(queue operations)')));
		// They take 4 of the 10 worker slots while the bursts below run.
		const opsDone = Promise.all(
			opsLive.map(async (live) => {
				const ops = opsWorkflow(live, 'queue');
				const path = `ops-${live.entry.api}`;
				const id = await c.createActiveWorkflow(asWebhookWorkflow(ops.workflow, path));
				const t1 = Date.now();
				const marks = c.logMarks();
				const answer = await c.webhook(path);
				const execution = await c.lastExecution(id);
				const ranOn = c.workerStarts(marks).map((n, i) => (n ? `worker ${i + 1}` : '')).filter(Boolean).join(', ');
				log(`${TAG} ${live.entry.api}: operations workflow ran in ${((Date.now() - t1) / 1000).toFixed(1)} s on ${ranOn || 'no worker?'} (HTTP ${answer.status})`);
				writeFileSync(join(OUTPUT, `run-${live.entry.api}.json`), JSON.stringify(execution?.output ?? answer.body, null, 1));
				ops.sources.forEach((chain, n) => {
					const name = `${TAG} ${live.entry.api}: ${chain.label} (on a worker)`;
					try {
						checkChain(execution?.output, chain.steps, ops.chains[n], JSON.stringify(answer.body).slice(0, 1000));
						results.pass(name);
					} catch (error) {
						results.fail(name, error);
					}
				});
			}),
		);

		const byApi = (api: string) => entries.find((e) => e.api === api)!;

		// Telesto: 150 executions against a budget of 100 per hour for the whole installation.
		const telesto = await startLive(byApi('telesto'), '(queue burst)');
		const telestoSim = telesto.sim as TelestoSandbox;
		const telestoBurst = await c.createActiveWorkflow(
			burstWorkflow('Telesto Burst', 'burst-telesto', { node: 'telesto', parameters: { resource: 'product', operation: 'getAll', returnAll: false, limit: 1, options: { forceFresh: true } } }, telesto.credential),
		);
		let refused = 0;
		const tb = await burst(c, { workflowId: telestoBurst, path: 'burst-telesto' }, 150, (json) => {
			const budget = /budget used up/.test(itemErrorText(json) ?? '');
			if (budget) refused++;
			return typeof json.id === 'string' || budget;
		});
		const t429 = telestoSim.answers().tooMany;
		figures.push(`Telesto: 150 executions (${tb.perWorker.join(' + ')} per worker) in ${(tb.ms / 1000).toFixed(1)} s: ${telestoSim.answers().total} reached the API, ${t429} answered 429, ${refused} refused by the shared budget before sending`);
		await results.check(`${TAG} telesto: 150 executions over both workers, 0 answers 429`, () => {
			if (tb.failed.length) throw new Error(`${tb.failed.length} executions failed otherwise:\n${summary(tb.failed)}`);
			if (tb.perWorker.some((n) => n === 0)) throw new Error(`a worker ran none: ${tb.perWorker.join(' / ')}`);
			if (t429 !== 0) throw new Error(`${t429} answers 429`);
			if (telestoSim.answers().total !== 100) throw new Error(`${telestoSim.answers().total} requests reached Telesto, expected the 100 of the hour`);
		});

		// Shop Application: 40 executions at once on a credential that holds no token yet.
		const shop = await startLive(byApi('shopApplication'), '(queue burst)');
		const shopSim = shop.sim as ShopApplicationSandbox;
		const shopBurst = await c.createActiveWorkflow(burstWorkflow('Shop Application Burst', 'burst-shop', { node: 'shopApplication', parameters: { resource: 'interface', operation: 'getAll', returnAll: true } }, shop.credential));
		const sb = await burst(c, { workflowId: shopBurst, path: 'burst-shop' }, 40, (json) => typeof json.key === 'string');
		figures.push(`Shop Application: 40 executions (${sb.perWorker.join(' + ')} per worker) in ${(sb.ms / 1000).toFixed(1)} s on a cold credential: ${shopSim.tokenRequests()} token request(s)`);
		await results.check(`${TAG} shopApplication: a cold burst of 40 executions asks 1 token`, () => {
			if (sb.failed.length) throw new Error(`${sb.failed.length} executions failed:\n${summary(sb.failed)}`);
			if (shopSim.tokenRequests() !== 1) throw new Error(`${shopSim.tokenRequests()} token requests`);
		});

		// OnlineERP: 10 executions for one licence, the robot taking 150 ms per request.
		const erp = await startLive(byApi('onlineErp'), '(queue burst)');
		const erpSim = erp.sim as OnlineErpSandbox;
		erpSim.config.slowMs = 150;
		const erpBurst = await c.createActiveWorkflow(burstWorkflow('OnlineERP Burst', 'burst-erp', { node: 'onlineErp', parameters: { resource: 'entity', operation: 'getAll', entity: 'Customer', returnAll: false, limit: 1 } }, erp.credential));
		const eb = await burst(c, { workflowId: erpBurst, path: 'burst-erp' }, 10, (json) => typeof json.NoClient === 'string');
		figures.push(`OnlineERP: 10 executions (${eb.perWorker.join(' + ')} per worker) in ${(eb.ms / 1000).toFixed(1)} s with a 150 ms robot: at most ${erpSim.robot().maxAtOnce} request(s) at the robot at once`);
		await results.check(`${TAG} onlineErp: 10 executions for one licence take turns at the robot`, () => {
			if (eb.failed.length) throw new Error(`${eb.failed.length} executions failed:\n${summary(eb.failed)}`);
			if (erpSim.robot().maxAtOnce !== 1) throw new Error(`the robot had ${erpSim.robot().maxAtOnce} requests at once (${erpSim.robot().overlapping} overlapping)`);
		});

		// ClientXCMS: 80 executions started within one minute, 60 requests per minute per key.
		const cx = await startLive(byApi('clientXcms'), '(queue burst)');
		const cxSim = cx.sim as ClientXcmsSandbox;
		const cxBurst = await c.createActiveWorkflow(
			burstWorkflow('ClientXCMS Burst', 'burst-cx', { node: 'clientXcms', parameters: { resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: '1' } } }, cx.credential),
		);
		const cb = await burst(c, { workflowId: cxBurst, path: 'burst-cx' }, 80, (json) => json.id === 1);
		const cxAnswers = cxSim.answers();
		figures.push(`ClientXCMS: 80 executions (${cb.perWorker.join(' + ')} per worker) in ${(cb.ms / 1000).toFixed(1)} s: ${cxAnswers.total} requests, at most ${cxAnswers.busiestWindow} in one minute, ${cxAnswers.tooMany} answered 429`);
		await results.check(`${TAG} clientXcms: 80 executions in one minute, 0 answers 429`, () => {
			if (cb.failed.length) throw new Error(`${cb.failed.length} executions failed:\n${summary(cb.failed)}`);
			if (cxAnswers.tooMany !== 0) throw new Error(`${cxAnswers.tooMany} answers 429`);
		});
		const unanswered = Object.entries({ Telesto: tb, 'Shop Application': sb, OnlineERP: eb, ClientXCMS: cb }).filter(([, b]) => b.unanswered);
		if (unanswered.length) {
			figures.push(`Webhook calls n8n left unanswered although every execution of the burst ended in success: ${unanswered.map(([api, b]) => `${api} ${b.unanswered}`).join(', ')}`);
		}

		await opsDone;
		const laterPolls: string[] = [];
		// Each trigger: one emission for its change, and none at a later poll.
		await Promise.all(triggerRuns.map(async (t) => await t.done));
		for (const t of triggerRuns) {
			const name = `${TAG} ${t.live.entry.api}: trigger ${t.name} emits once for its change`;
			await results.check(name, async () => {
				const path = `/${t.live.entry.api}/${t.index}`;
				if (!t.firstItems) throw new Error('nothing emitted within 150 s of the change');
				const trigger = t.live.entry.suite!.triggers[t.index];
				trigger.expect(s.items(path));
				// Nothing more until the end of the suite; a later poll, when one came (Telesto's
				// Minimum Minutes Between Requests skips every other minute), found nothing new.
				const until = Date.now() + 20_000;
				const polls = () => apiRequests(t.live.sim, t.emittedAt);
				while (polls() < 1 && Date.now() < until) await sleep(500);
				await sleep(1500);
				if (s.items(path).length !== t.firstItems) throw new Error(`emitted again: ${s.items(path).length} items after ${t.firstItems}`);
				laterPolls.push(`${t.live.entry.api} ${t.name}: ${polls()}`);
			});
		}
		figures.push(`Triggers: ${triggerRuns.length} emitted once for their change; requests to the simulator after the emission: ${laterPolls.join(', ')}`);
	} catch (error) {
		results.fail(`${TAG} setup`, error);
	} finally {
		await cluster?.stop();
		await sink?.close();
		for (const sim of sims) await sim.close().catch(() => undefined);
	}
	const wall = Math.round((Date.now() - t0) / 1000);
	process.stdout.write(`\nQueue mode (n8n 2.40.7, Postgres, Redis, main + 2 workers at concurrency 5):\n`);
	for (const f of figures) process.stdout.write(`  ${f}\n`);
	process.stdout.write(`  wall time ${Math.floor(wall / 60)} min ${wall % 60} s\n`);
	results.finish(RESULTS_FILE, { seconds: wall, figures });
}

runSuite(main);
