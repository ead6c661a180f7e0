import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_LINES, ROOT, lineById, type N8nLine } from '../../scripts/n8n/config';
import { N8nInstance, type RunOutput, type WorkflowJson } from '../../scripts/n8n/instance';
import { buildAndPack, installIntoUserFolder } from '../../scripts/n8n/pack';
import { freePort, killAll, log, sleep } from '../../scripts/n8n/proc';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import type { StartedSimulator } from '../sandbox/types';
import { runEditorTests } from './editor';
import { Results } from './lib/results';
import { apiRequests, sandboxClient, startSink, type Sink } from './lib/sandbox';
import { credentialRef, discoverApis, type ApiEntry } from './lib/suites';
import { chainsWorkflow, nodeType, stableId, toNode, type BuiltChain, type CredentialRef } from './lib/workflows';
import type { Json, Step, TriggerCase } from './types';

interface Args {
	lines: N8nLine[];
	apis: string[];
	editor: boolean;
	keep: boolean;
	/** Pack dist/ as it is (a build already ran). */
	skipBuild: boolean;
}

function parseArgs(argv: string[]): Args {
	const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
	const n8n = get('n8n') ?? process.env.E2E_N8N;
	return {
		lines: n8n ? n8n.split(',').map(lineById) : N8N_LINES,
		apis: (get('api') ?? process.env.E2E_API ?? '').split(',').filter(Boolean),
		editor: !argv.includes('--no-editor') && process.env.E2E_EDITOR !== '0',
		keep: argv.includes('--keep'),
		skipBuild: argv.includes('--skip-build') || process.env.E2E_SKIP_BUILD === '1',
	};
}

export const OUTPUT = join(ROOT, 'test-output');
const RESULTS_FILE = join(OUTPUT, 'e2e', 'results.json');

interface LiveApi {
	entry: ApiEntry;
	sim: StartedSimulator;
	credential: CredentialRef;
}

/** Items of the first output of a node's first run, every output, and its error if it failed. */
function nodeResult(output: RunOutput, nodeName: string): { ran: boolean; items: Json[]; outputs: Json[][]; error?: string } {
	const runs = output.data.resultData.runData[nodeName];
	if (!runs?.length) return { ran: false, items: [], outputs: [] };
	const first = runs[0];
	const outputs = (first.data?.main ?? []).map((out) => (out ?? []).map((i) => i.json));
	const error = first.error ? [first.error.message, first.error.description].filter(Boolean).join(' — ') : undefined;
	return { ran: true, items: outputs[0] ?? [], outputs, error };
}

/** An error item's text: `error` holds the message, hint and status (see errorItem). */
function itemErrorText(item: Json | undefined): string | undefined {
	const error = item?.error;
	if (typeof error === 'string') return error;
	if (!error || typeof error !== 'object') return undefined;
	const { message, description } = error as Json;
	return [message, description].filter(Boolean).join(' — ');
}

export function checkChain(output: RunOutput | undefined, steps: Step[], chain: BuiltChain, rawTail: string): void {
	if (!output) throw new Error(`n8n printed no run data:\n${rawTail}`);
	steps.forEach((step, s) => {
		const name = chain.nodeNames[s];
		const { ran, items, outputs, error } = nodeResult(output, name);
		if (!ran) {
			const wfError = output.data.resultData.error?.message;
			throw new Error(`step "${name}" did not run${wfError ? ` (workflow error: ${wfError})` : ''}`);
		}
		if (step.expectOutputs) {
			if (error) throw new Error(`step "${name}" failed: ${error}`);
			try {
				step.expectOutputs(outputs);
			} catch (e) {
				throw new Error(`step "${name}": ${(e as Error).message}\noutputs: ${JSON.stringify(outputs).slice(0, 1500)}`);
			}
			return;
		}
		const message = error ?? itemErrorText(items.find((i) => itemErrorText(i) !== undefined));
		if (step.expectError) {
			if (!message) throw new Error(`step "${name}" should have failed with ${step.expectError} but gave ${JSON.stringify(items).slice(0, 500)}`);
			if (!step.expectError.test(message)) throw new Error(`step "${name}" failed with "${message}", expected ${step.expectError}`);
			return;
		}
		if (message) throw new Error(`step "${name}" failed: ${message}`);
		try {
			step.expect?.(items);
		} catch (e) {
			throw new Error(`step "${name}": ${(e as Error).message}\nitems: ${JSON.stringify(items).slice(0, 1500)}`);
		}
	});
}

/** Every resource/operation of every action node must appear in a case or a manual example. */
function coverageGaps(live: LiveApi): string[] {
	const suite = live.entry.suite!;
	const steps = [...suite.cases.flatMap((c) => c.steps), ...suite.examples.filter((e) => !e.trigger).flatMap((e) => e.steps)];
	const gaps: string[] = [];
	for (const node of live.entry.nodes) {
		if (node.trigger) {
			if (!suite.triggers.some((t) => t.node === node.name)) gaps.push(`${node.name}: no trigger case`);
			continue;
		}
		for (const [resource, operations] of Object.entries(node.operations)) {
			for (const operation of operations) {
				const covered = steps.some((s) => {
					if (nodeType(s.node) !== nodeType(node.name)) return false;
					const r = (s.parameters.resource as string | undefined) ?? node.defaultResource ?? '_';
					const o = (s.parameters.operation as string | undefined) ?? node.defaultOperation[r];
					return r === resource && o === operation;
				});
				if (!covered) gaps.push(`${node.name}: ${resource} ${operation}`);
			}
		}
	}
	return gaps;
}

function opsWorkflow(live: LiveApi, version: string) {
	const suite = live.entry.suite!;
	const chains = [
		...suite.cases.map((c) => ({ label: c.name, steps: c.steps })),
		...suite.examples.filter((e) => !e.trigger).map((e) => ({ label: `Example: ${e.name}`, steps: e.steps })),
	];
	const built = chainsWorkflow({
		id: stableId(`e2e:${version}:${live.entry.api}:operations`),
		name: `E2E ${live.entry.api} operations`,
		chains,
		credential: live.credential,
		continueOnError: true,
	});
	return { ...built, sources: chains };
}

function triggerWorkflow(live: LiveApi, trigger: TriggerCase, index: number, sink: Sink): WorkflowJson {
	const triggerNode = toNode(
		{ node: trigger.node, parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...trigger.parameters } },
		trigger.name,
		[0, 0],
		live.credential,
	);
	const send = {
		id: stableId(`sink:${live.entry.api}:${index}`, 12),
		name: 'Send To Sink',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [260, 0],
		parameters: {
			method: 'POST',
			url: `${sink.url}/${live.entry.api}/${index}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json) }}',
			options: {},
		},
	};
	return {
		id: stableId(`e2e:${live.entry.api}:trigger:${index}`),
		name: `E2E ${live.entry.api} trigger: ${trigger.name}`,
		nodes: [triggerNode, send],
		connections: { [triggerNode.name]: { main: [[{ node: send.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

async function runLine(line: N8nLine, tarball: string, entries: ApiEntry[], args: Args, results: Results): Promise<void> {
	const tag = `[n8n ${line.version}]`;
	const t0 = Date.now();
	const runtime = await ensureRuntime(line);
	log(`${tag} runtime ready (${Math.round((Date.now() - t0) / 1000)} s)`);
	const userFolder = mkdtempSync(join(tmpdir(), `bc-e2e-${line.version}-`));
	const instance = new N8nInstance({
		runtime,
		userFolder,
		port: await freePort(),
		logFile: join(OUTPUT, 'e2e', `n8n-${line.version}.log`),
	});
	const live: LiveApi[] = [];
	const sink = await startSink();
	try {
		await installIntoUserFolder(userFolder, tarball);
		log(`${tag} package installed into ${userFolder}/.n8n/nodes`);
		for (const entry of entries) {
			const sim = await entry.simulator.start({ port: 0 });
			const name = entry.suite?.credentialName ?? `${entry.api} (sandbox)`;
			live.push({ entry, sim, credential: credentialRef(entry.api, sim.credentialType, name) });
		}
		await instance.importCredentials(
			live.map((l) => ({ id: l.credential.id, name: l.credential.name, type: l.credential.type, data: l.sim.credentials })),
		);

		const withSuite = live.filter((l) => l.entry.suite);
		const ops = withSuite.map((l) => ({ live: l, ...opsWorkflow(l, line.version) }));
		const triggers = withSuite.flatMap((l) =>
			l.entry.suite!.triggers.map((t, i) => ({ live: l, trigger: t, index: i, workflow: triggerWorkflow(l, t, i, sink) })),
		);
		await instance.importWorkflows([...ops.map((o) => o.workflow), ...triggers.map((t) => t.workflow)]);
		await instance.activate(triggers.map((t) => t.workflow.id));
		log(`${tag} credentials and ${ops.length + triggers.length} workflows imported, ${triggers.length} activated`);

		for (const l of live) {
			if (!l.entry.suite) results.skip(`${tag} ${l.entry.api}: workflows`, `no test/e2e/apis/${l.entry.api}.ts yet`);
			else {
				const gaps = coverageGaps(l);
				if (gaps.length) results.fail(`${tag} ${l.entry.api}: every operation covered`, `not covered: ${gaps.join(', ')}`);
				else results.pass(`${tag} ${l.entry.api}: every operation covered`);
			}
		}

		for (const o of ops) {
			const t1 = Date.now();
			const { output, raw } = await instance.execute(o.workflow.id);
			const ms = Date.now() - t1;
			log(`${tag} ${o.live.entry.api}: operations workflow executed in ${(ms / 1000).toFixed(1)} s`);
			const tail = `${raw.stdout}\n${raw.stderr}`.split('\n').slice(-30).join('\n');
			// Kept for reading after a failure: what n8n printed for this workflow.
			writeFileSync(join(OUTPUT, 'e2e', `run-${line.version}-${o.live.entry.api}.json`), output ? JSON.stringify(output, null, 1) : raw.stdout + raw.stderr);
			o.sources.forEach((chain, c) => {
				const name = `${tag} ${o.live.entry.api}: ${chain.label}`;
				try {
					checkChain(output, chain.steps, o.chains[c], tail);
					results.pass(name);
				} catch (error) {
					results.fail(name, error);
				}
			});
		}

		for (const l of withSuite) {
			for (const scenario of l.entry.suite!.scenarios ?? []) {
				await results.check(`${tag} ${l.entry.api}: ${scenario.name}`, async () => {
					await scenario.run({
						sandbox: sandboxClient(l.sim),
						execute: async (steps) => {
							const id = stableId(`scenario:${l.entry.api}:${scenario.name}:${Date.now()}`);
							const built = chainsWorkflow({ id, name: `E2E ${scenario.name}`, chains: [{ label: 'Step', steps }], credential: l.credential, continueOnError: false });
							await instance.importWorkflows([built.workflow]);
							const { output, raw } = await instance.execute(id);
							if (!output) throw new Error(`no run data:\n${raw.stdout.slice(-2000)}\n${raw.stderr.slice(-2000)}`);
							return built.chains[0].nodeNames.map((n) => {
								const r = nodeResult(output, n);
								if (r.error) throw new Error(`${n}: ${r.error}`);
								return r.items;
							});
						},
					});
				});
			}
		}

		// Triggers must see the sandbox as it was at activation: reset the data before n8n starts.
		for (const l of live) await sandboxClient(l.sim).call('POST', '/__sandbox/reset').catch(() => undefined);
		const logMarks = new Map(live.map((l) => [l.entry.api, l.sim.log.length]));
		const t2 = Date.now();
		await instance.start();
		log(`${tag} n8n start: editor accessible after ${((Date.now() - t2) / 1000).toFixed(1)} s (pid ${instance.pid})`);
		await instance.ensureOwner();

		const types = await instance.nodeTypeNames();
		for (const l of live) {
			for (const node of l.entry.nodes) {
				const type = nodeType(node.name);
				if (types.includes(type)) results.pass(`${tag} ${l.entry.api}: ${type} loaded by n8n`);
				else results.fail(`${tag} ${l.entry.api}: ${type} loaded by n8n`, `not in /types/nodes.json; see ${instance.options.logFile}`);
			}
		}

		for (const l of live) {
			const tests = l.entry.suite?.credentialTests ?? [{ name: 'sandbox credential accepted', ok: true }];
			for (const test of tests) {
				await results.check(`${tag} ${l.entry.api}: credential test, ${test.name}`, async () => {
					const res = await instance.rest<{ data?: { status?: string; message?: string } }>('POST', '/rest/credentials/test', {
						credentials: {
							id: l.credential.id,
							name: l.credential.name,
							type: l.credential.type,
							data: { ...l.sim.credentials, ...(test.data ?? {}) },
						},
					});
					const data = res.body.data;
					if (res.status !== 200 || !data) throw new Error(`HTTP ${res.status}: ${(res.body as { message?: string }).message ?? JSON.stringify(res.body).slice(0, 300)}`);
					if ((data.status === 'OK') !== test.ok) throw new Error(`expected ${test.ok ? 'OK' : 'Error'}, got ${data.status}: ${data.message}`);
					if (test.message && !test.message.test(String(data.message))) throw new Error(`message "${data.message}" does not match ${test.message}`);
				});
			}
		}

		if (triggers.length) {
			// Each activated trigger takes its baseline with a first poll; change the sandbox only after that.
			const deadline = Date.now() + 90_000;
			for (const l of new Set(triggers.map((t) => t.live))) {
				const count = triggers.filter((t) => t.live === l).length;
				while (apiRequests(l.sim, logMarks.get(l.entry.api)) < count && Date.now() < deadline) await sleep(500);
			}
			await sleep(2000);
			for (const t of triggers) await t.trigger.change(sandboxClient(t.live.sim));
			log(`${tag} sandbox changed for ${triggers.length} trigger(s); waiting for their polls (every minute)`);
			const pending = new Set(triggers);
			const waitUntil = Date.now() + 200_000;
			while (pending.size && Date.now() < waitUntil) {
				for (const t of [...pending]) {
					const items = sink.items(`/${t.live.entry.api}/${t.index}`);
					if (!items.length) continue;
					pending.delete(t);
					const name = `${tag} ${t.live.entry.api}: trigger ${t.trigger.name} fires after a sandbox change`;
					// Items of one emission arrive one request each: give the rest a moment.
					await sleep(1500);
					try {
						t.trigger.expect(sink.items(`/${t.live.entry.api}/${t.index}`));
						results.pass(name);
					} catch (error) {
						results.fail(name, `${(error as Error).message}\nitems: ${JSON.stringify(sink.items(`/${t.live.entry.api}/${t.index}`)).slice(0, 1500)}`);
					}
				}
				await sleep(1000);
			}
			for (const t of pending) {
				results.fail(`${tag} ${t.live.entry.api}: trigger ${t.trigger.name} fires after a sandbox change`, `nothing emitted within 200 s; see ${instance.options.logFile}`);
			}
		}

		if (args.editor) await runEditorTests({ url: instance.url, apis: live.map((l) => ({ entry: l.entry, sim: l.sim })), results, tag, outDir: join(OUTPUT, 'screenshots', `n8n-${line.version}`) });
	} catch (error) {
		results.fail(`${tag} setup`, error);
	} finally {
		await instance.stop();
		await sink.close();
		for (const l of live) await l.sim.close();
		if (!args.keep) rmSync(userFolder, { recursive: true, force: true });
		else log(`${tag} user folder kept: ${userFolder}`);
		log(`${tag} done in ${Math.round((Date.now() - t0) / 1000)} s`);
	}
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const results = new Results();
	const t0 = Date.now();
	mkdirSync(join(OUTPUT, 'e2e'), { recursive: true });
	rmSync(RESULTS_FILE, { force: true });
	// The node descriptions are read from dist/, so build before discovering.
	const tarball = await buildAndPack(join(OUTPUT, 'e2e'), { skipBuild: args.skipBuild });
	const entries = discoverApis(args.apis);
	log(`Packed ${tarball}; APIs: ${entries.map((e) => `${e.api}${e.suite ? '' : ' (no suite)'}`).join(', ')}`);
	for (const line of args.lines) await runLine(line, tarball, entries, args, results);
	log(`End-to-end suite finished in ${Math.round((Date.now() - t0) / 1000)} s`);
	process.stdout.write(`${results.closingLine()}\n`);
	// test/run-all.js adds these to jest's totals for the closing line of `npm run test:all`.
	writeFileSync(
		RESULTS_FILE,
		JSON.stringify({ passed: results.count('passed'), failed: results.count('failed'), skipped: results.count('skipped') }),
	);
	process.exitCode = results.count('failed') ? 1 : 0;
}

const stop = () => {
	killAll();
	process.exit(130);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
	process.stdout.write('0 passed, 1 failed\n');
	process.exit(1);
});
