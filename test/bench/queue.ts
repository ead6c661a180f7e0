import { join } from 'node:path';

import { ROOT, lineById } from '../../scripts/n8n/config';
import { buildAndPack } from '../../scripts/n8n/pack';
import { log } from '../../scripts/n8n/proc';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import { webhookNode, QueueCluster } from '../e2e/queue/cluster';
import { toNode } from '../e2e/lib/workflows';
import { simulators } from '../sandbox';
import type { StartedSimulator } from '../sandbox/types';

const LATENCY_MS = 50;

interface Target {
	label: string;
	api: string;
	path: string;
	executions: number;
	parameters: Record<string, unknown>;
}

/** Below ClientXCMS's pacing (55 per minute per key), so the figure is n8n's, not the rate limit's. */
const TARGETS: Target[] = [
	{ label: 'ClientXCMS Customer → Get', api: 'clientXcms', path: 'bench-cx', executions: 40, parameters: { resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: '1' } } },
	{ label: 'Shop Application Interface → Get Many', api: 'shopApplication', path: 'bench-shop', executions: 100, parameters: { resource: 'interface', operation: 'getAll', returnAll: true } },
];

function line(label: string, value: string): void {
	process.stdout.write(`${label.padEnd(58)} ${value}\n`);
}

/**
 * `npm run bench -- --queue`: executions per minute of one operation in n8n 2.40.7 queue mode
 * (main + 2 workers, then 1), each started by a webhook, against simulators answering after 50 ms.
 */
export async function queueBench(argv: string[]): Promise<void> {
	const out = join(ROOT, 'test-output', 'bench-queue');
	const tarball = await buildAndPack(out, { skipBuild: argv.includes('--skip-build') });
	const runtime = await ensureRuntime(lineById('2'));
	const cluster = new QueueCluster({ runtime, tarball, workers: 2, concurrency: 5, logDir: out });
	const sims: StartedSimulator[] = [];
	try {
		await cluster.start();
		// A fresh simulator (so a fresh API key and pacing window) for each target and measurement.
		const prepare = async (target: Target, path: string) => {
			const sim = await simulators.find((s) => s.name === target.api)!.start({ port: 0 });
			sims.push(sim);
			sim.setLatency(LATENCY_MS);
			const name = `${target.api} (bench ${path})`;
			const id = await cluster.createCredential({ name, type: sim.credentialType, data: sim.credentials });
			const node = toNode({ node: target.api, parameters: target.parameters }, 'Operation', [260, 0], { type: sim.credentialType, id, name });
			await cluster.createActiveWorkflow({
				name: `Bench ${target.label} ${path}`,
				nodes: [webhookNode(path), node],
				connections: { Webhook: { main: [[{ node: 'Operation', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			});
		};
		const measure = async (workers: number) => {
			for (const target of TARGETS) {
				const path = `${target.path}-${workers}`;
				await prepare(target, path);
				// One warm-up execution (token, first load of the node in each worker).
				await cluster.webhook(path);
				const t0 = Date.now();
				const answers = await Promise.all(Array.from({ length: target.executions }, async () => await cluster.webhook(path)));
				const ms = Date.now() - t0;
				const failed = answers.filter((a) => a.status !== 200).length;
				line(
					`${target.label}, ${workers} worker${workers > 1 ? 's' : ''} × 5`,
					`${Math.round((target.executions / ms) * 60_000)} executions/min (${target.executions} in ${(ms / 1000).toFixed(1)} s${failed ? `, ${failed} failed` : ''})`,
				);
			}
		};
		process.stdout.write(`n8n ${runtime.line.version} queue mode, Postgres + Redis, simulators answering after ${LATENCY_MS} ms:\n`);
		await measure(2);
		log('Stopping worker 2');
		await cluster.workers[1].stop();
		await measure(1);
	} finally {
		await cluster.stop();
		for (const sim of sims) await sim.close().catch(() => undefined);
	}
}
