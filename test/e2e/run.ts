import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_LINES, ROOT, lineById, type N8nLine } from '../../scripts/n8n/config';
import { N8nInstance, type RunOutput } from '../../scripts/n8n/instance';
import { buildAndPack, installIntoUserFolder } from '../../scripts/n8n/pack';
import { freePort, log, sleep } from '../../scripts/n8n/proc';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import type { StartedSimulator } from '../sandbox/types';
import { runEditorTests } from './editor';
import { checkChain, coverageGaps, nodeResult, opsWorkflow, triggerWorkflow, type LiveApi } from './lib/chains';
import { FAKE_MODEL_API_KEY, startFakeModel, type ChatRequest, type FakeModel } from '../sandbox/fakeModel';
import type { SandboxRequest } from '../sandbox/server';
import { AGENT_NODE, agentModelName, agentWorkflow } from './lib/agent';
import { Results, runSuite } from './lib/results';
import { apiRequests, sandboxClient, startSink } from './lib/sandbox';
import { credentialRef, discoverApis, type ApiEntry } from './lib/suites';
import { chainsWorkflow, exampleWorkflow, nodeType, stableId, type CredentialRef } from './lib/workflows';
import type { AgentCase } from './types';

interface Args {
	lines: N8nLine[];
	apis: string[];
	editor: boolean;
	keep: boolean;
	/** Pack dist/ as it is (a build already ran). */
	skipBuild: boolean;
	/** Parts to run (`operations`, `scenarios`, `agents`, `credentials`, `triggers`, `editor`); empty = all. */
	only: string[];
	/** Write the README's screenshots into docs/screenshots (n8n 2 line only). */
	docsScreenshots: boolean;
}

const PARTS = ['operations', 'scenarios', 'agents', 'credentials', 'triggers', 'editor'];

function parseArgs(argv: string[]): Args {
	const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
	const n8n = get('n8n') ?? process.env.E2E_N8N;
	return {
		lines: n8n ? n8n.split(',').map(lineById) : N8N_LINES,
		apis: (get('api') ?? process.env.E2E_API ?? '').split(',').filter(Boolean),
		editor: !argv.includes('--no-editor') && process.env.E2E_EDITOR !== '0',
		keep: argv.includes('--keep'),
		skipBuild: argv.includes('--skip-build') || process.env.E2E_SKIP_BUILD === '1',
		docsScreenshots: argv.includes('--docs-screenshots'),
		only: (get('only') ?? process.env.E2E_ONLY ?? '').split(',').filter(Boolean).map((part) => {
			if (!PARTS.includes(part)) throw new Error(`Unknown part '${part}' in --only: use ${PARTS.join(', ')}`);
			return part;
		}),
	};
}

export const OUTPUT = join(ROOT, 'test-output');
const RESULTS_FILE = join(OUTPUT, 'e2e', 'results.json');

/** The sandbox's fake OpenAI-compatible model, as an `openAiApi` credential with its Base URL. */
const MODEL_CREDENTIAL: CredentialRef = { type: 'openAiApi', id: stableId('credential:fake-model'), name: 'Sandbox chat model (fake OpenAI)' };

/**
 * The agent ran its tool with the model's arguments and answered: the model got the tool with its
 * description, the API got the request, and the tool's result went back to the model.
 */
function checkAgentRun(run: {
	output?: RunOutput;
	raw: { stdout: string; stderr: string };
	toolNode: string;
	agent: AgentCase;
	modelRequests: ChatRequest[];
	apiRequests: SandboxRequest[];
}): void {
	const { output, agent } = run;
	if (!output) throw new Error(`n8n printed no run data:\n${run.raw.stdout.slice(-1500)}\n${run.raw.stderr.slice(-1500)}`);
	const wfError = output.data.resultData.error;
	if (wfError) throw new Error(`workflow failed: ${[wfError.message, wfError.description].filter(Boolean).join(' — ')}`);
	const first = run.modelRequests[0];
	if (!first) throw new Error('the chat model was never asked');
	const tool = first.tools?.[0]?.function;
	if (!tool) throw new Error(`the model got no tool: ${JSON.stringify(first).slice(0, 500)}`);
	if (!agent.description.test(tool.description ?? '')) throw new Error(`tool description "${tool.description}" does not match ${agent.description}`);
	const toolRun = nodeResult(output, run.toolNode);
	if (!toolRun.ran) throw new Error(`the tool node "${run.toolNode}" did not run`);
	if (toolRun.error) throw new Error(`the tool failed: ${toolRun.error}`);
	agent.expectRequests(run.apiRequests);
	const last = run.modelRequests[run.modelRequests.length - 1];
	const result = last.messages.filter((m) => m.role === 'tool').map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
	if (!result) throw new Error(`the tool's result never reached the model: ${JSON.stringify(last.messages).slice(0, 800)}`);
	agent.expectResult(result);
	const answer = nodeResult(output, AGENT_NODE).items[0]?.output;
	if (typeof answer !== 'string' || !answer.startsWith(`Done: ${agent.name}.`)) throw new Error(`the agent's answer is ${JSON.stringify(answer)}`);
}

/** Examples whose workflow lacks the overview note or a note for one of its steps (sticky notes of `npm run dev`). */
function unexplainedExamples(live: LiveApi): string[] {
	const problems: string[] = [];
	for (const example of live.entry.suite!.examples) {
		const workflow = exampleWorkflow(example, live.credential);
		const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String((n.parameters as { content?: string }).content ?? ''));
		if (!/change first/i.test(example.note ?? '')) problems.push(`${example.name}: the overview note does not say what to change first`);
		const steps = [...(example.trigger ? [example.trigger] : []), ...example.steps];
		const missing = steps.filter((s) => !s.note?.trim()).map((s) => s.name ?? s.node);
		if (missing.length) problems.push(`${example.name}: no note for ${missing.join(', ')}`);
		if (notes.length !== steps.length + 1) problems.push(`${example.name}: ${notes.length} sticky notes for ${steps.length} steps`);
	}
	return problems;
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
	let fakeModel: FakeModel | undefined;
	try {
		await installIntoUserFolder(userFolder, tarball);
		log(`${tag} package installed into ${userFolder}/.n8n/nodes`);
		for (const entry of entries) {
			const sim = await entry.simulator.start({ port: 0 });
			const name = entry.suite?.credentialName ?? `${entry.api} (sandbox)`;
			live.push({ entry, sim, credential: credentialRef(entry.api, sim.credentialType, name) });
		}
		const agentCases = live.flatMap((l) => (l.entry.suite?.agents ?? []).map((agent, index) => ({ live: l, agent, model: agentModelName(l.entry.api, index) })));
		fakeModel = await startFakeModel({
			scripts: Object.fromEntries(agentCases.map((a) => [a.model, { arguments: a.agent.arguments, answer: `Done: ${a.agent.name}.` }])),
		});
		await instance.importCredentials([
			...live.map((l) => ({ id: l.credential.id, name: l.credential.name, type: l.credential.type, data: l.sim.credentials })),
			{ ...MODEL_CREDENTIAL, data: { apiKey: FAKE_MODEL_API_KEY, url: fakeModel.url } },
		]);

		const withSuite = live.filter((l) => l.entry.suite);
		const ops = withSuite.map((l) => ({ live: l, ...opsWorkflow(l, line.version) }));
		const want = (part: string) => !args.only.length || args.only.includes(part);
		const triggers = (want('triggers') ? withSuite : []).flatMap((l) =>
			l.entry.suite!.triggers.map((t, i) => ({ live: l, trigger: t, index: i, workflow: triggerWorkflow(l, t, i, sink) })),
		);
		const agents = agentCases.map((a) => ({
			...a,
			...agentWorkflow({ id: stableId(`e2e:${line.version}:agent:${a.model}`), agent: a.agent, model: a.model, credential: a.live.credential, modelCredential: MODEL_CREDENTIAL }),
		}));
		// The examples of `npm run dev`, for the editor test to open.
		const examples = want('editor') && args.editor ? withSuite.flatMap((l) => l.entry.suite!.examples.map((e) => exampleWorkflow(e, l.credential))) : [];
		await instance.importWorkflows([...ops.map((o) => o.workflow), ...triggers.map((t) => t.workflow), ...agents.map((a) => a.workflow), ...examples]);
		await instance.activate(triggers.map((t) => t.workflow.id));
		log(`${tag} credentials and ${ops.length + triggers.length} workflows imported, ${triggers.length} activated`);

		for (const l of live) {
			if (!l.entry.suite) results.skip(`${tag} ${l.entry.api}: workflows`, `no test/e2e/apis/${l.entry.api}.ts yet`);
			else {
				const gaps = coverageGaps(l);
				if (gaps.length) results.fail(`${tag} ${l.entry.api}: every operation covered`, `not covered: ${gaps.join(', ')}`);
				else results.pass(`${tag} ${l.entry.api}: every operation covered`);
				const unexplained = unexplainedExamples(l);
				if (unexplained.length) results.fail(`${tag} ${l.entry.api}: example workflows explain each step`, unexplained.join('; '));
				else results.pass(`${tag} ${l.entry.api}: example workflows explain each step`);
			}
		}

		for (const o of want('operations') ? ops : []) {
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

		for (const l of want('scenarios') ? withSuite : []) {
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

		for (const a of want('agents') ? agents : []) {
			await results.check(`${tag} ${a.live.entry.api}: AI Agent calls ${a.agent.name} as a tool`, async () => {
				await sandboxClient(a.live.sim).call('POST', '/__sandbox/reset').catch(() => undefined);
				const mark = a.live.sim.log.length;
				const asked = fakeModel!.requests.length;
				const { output, raw } = await instance.execute(a.workflow.id);
				writeFileSync(join(OUTPUT, 'e2e', `run-${line.version}-agent-${a.model}.json`), output ? JSON.stringify(output, null, 1) : raw.stdout + raw.stderr);
				checkAgentRun({ output, raw, toolNode: a.toolNode, agent: a.agent, modelRequests: fakeModel!.requests.slice(asked).filter((r) => r.model === a.model), apiRequests: a.live.sim.log.slice(mark).filter((r) => !r.path.startsWith('/__sandbox')) });
			});
		}

		// Triggers must see the sandbox as it was at activation: reset the data before n8n starts.
		for (const l of live) await sandboxClient(l.sim).call('POST', '/__sandbox/reset').catch(() => undefined);
		const logMarks = new Map(live.map((l) => [l.entry.api, l.sim.log.length]));
		const t2 = Date.now();
		await instance.start();
		log(`${tag} n8n start: editor accessible after ${((Date.now() - t2) / 1000).toFixed(1)} s (pid ${instance.pid})`);
		await instance.ensureOwner();

		const loaded = await instance.nodeTypes();
		for (const l of live) {
			for (const node of l.entry.nodes) {
				const type = nodeType(node.name);
				const found = loaded.find((t) => t.name === type);
				if (found) results.pass(`${tag} ${l.entry.api}: ${type} loaded by n8n`);
				else results.fail(`${tag} ${l.entry.api}: ${type} loaded by n8n`, `not in /types/nodes.json; see ${instance.options.logFile}`);
				if (!found) continue;
				await results.check(`${tag} ${l.entry.api}: ${type} light and dark icons served`, async () => {
					const icon = found.iconUrl;
					if (!icon || typeof icon === 'string') throw new Error(`iconUrl is ${JSON.stringify(icon)}, not { light, dark }`);
					for (const url of [icon.light, icon.dark]) {
						const res = await instance.rest<string>('GET', `/${url.replace(/^\//, '')}`);
						if (res.status !== 200 || !String(res.body).includes('<svg')) throw new Error(`${url}: HTTP ${res.status}`);
					}
				});
			}
		}

		// Requests of the credential tests, left out when waiting for the triggers' baseline polls.
		const credentialTestRequests = new Map<string, number>();
		for (const l of live) {
			const tests = want('credentials') ? (l.entry.suite?.credentialTests ?? [{ name: 'sandbox credential accepted', ok: true }]) : [];
			for (const test of tests) {
				await results.check(`${tag} ${l.entry.api}: credential test, ${test.name}`, async () => {
					const sandbox = sandboxClient(l.sim);
					await test.before?.(sandbox);
					const mark = l.sim.log.length;
					let data: { status?: string; message?: string } | undefined;
					try {
						const res = await instance.rest<{ data?: { status?: string; message?: string } }>('POST', '/rest/credentials/test', {
							credentials: {
								id: l.credential.id,
								name: l.credential.name,
								type: l.credential.type,
								data: { ...l.sim.credentials, ...(test.data ?? {}) },
							},
						});
						data = res.body.data;
						if (res.status !== 200 || !data) throw new Error(`HTTP ${res.status}: ${(res.body as { message?: string }).message ?? JSON.stringify(res.body).slice(0, 300)}`);
					} finally {
						await test.after?.(sandbox);
						credentialTestRequests.set(l.entry.api, (credentialTestRequests.get(l.entry.api) ?? 0) + apiRequests(l.sim, mark));
					}
					if ((data.status === 'OK') !== test.ok) throw new Error(`expected ${test.ok ? 'OK' : 'Error'}, got ${data.status}: ${data.message}`);
					if (test.message && !test.message.test(String(data.message))) throw new Error(`message "${data.message}" does not match ${test.message}`);
					if (test.requests) {
						const { count, carrying } = test.requests;
						const sent = l.sim.log.slice(mark).filter((r) => `${JSON.stringify(r.headers)} ${r.query.toString()}`.includes(carrying)).length;
						if (sent !== count) throw new Error(`${sent} request(s) carrying "${carrying}" reached the API, expected ${count}`);
					}
				});
			}
		}

		if (triggers.length) {
			// Each activated trigger takes its baseline with a first poll; change the sandbox only after that.
			const deadline = Date.now() + 90_000;
			for (const l of new Set(triggers.map((t) => t.live))) {
				const count = triggers.filter((t) => t.live === l).length;
				while (apiRequests(l.sim, logMarks.get(l.entry.api)) - (credentialTestRequests.get(l.entry.api) ?? 0) < count && Date.now() < deadline) await sleep(500);
			}
			await sleep(2000);
			for (const t of triggers) await t.trigger.change(sandboxClient(t.live.sim));
			// Failure then recovery: the API fails until one poll met the fault, then answers again.
			const faulted = new Map<StartedSimulator, number>();
			for (const t of triggers.filter((x) => x.trigger.fault)) {
				await sandboxClient(t.live.sim).call('POST', '/__sandbox/fault', t.trigger.fault);
				faulted.set(t.live.sim, t.live.sim.log.length);
			}
			log(`${tag} sandbox changed for ${triggers.length} trigger(s), ${faulted.size} API(s) failing; waiting for their polls (every minute)`);
			const pending = new Set(triggers);
			const waitUntil = Date.now() + 200_000;
			while (pending.size && Date.now() < waitUntil) {
				for (const [sim, mark] of faulted) {
					if (apiRequests(sim, mark) === 0) continue;
					await sandboxClient(sim).call('DELETE', '/__sandbox/fault');
					faulted.delete(sim);
				}
				for (const t of [...pending]) {
					const items = sink.items(`/${t.live.entry.api}/${t.index}`);
					if (!items.length) continue;
					pending.delete(t);
					const name = `${tag} ${t.live.entry.api}: trigger ${t.trigger.name} fires ${t.trigger.fault ? 'once after a failed poll' : 'after a sandbox change'}`;
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
				results.fail(
					`${tag} ${t.live.entry.api}: trigger ${t.trigger.name} fires ${t.trigger.fault ? 'once after a failed poll' : 'after a sandbox change'}`,
					`nothing emitted within 200 s; see ${instance.options.logFile}`,
				);
			}
		}

		if (args.editor && want('editor')) await runEditorTests({ url: instance.url, apis: live.map((l) => ({ entry: l.entry, sim: l.sim, credential: l.credential })), results, tag, outDir: join(OUTPUT, 'screenshots', `n8n-${line.version}`), docsDir: args.docsScreenshots && line.id === '2' ? join(ROOT, 'docs', 'screenshots') : undefined });
	} catch (error) {
		results.fail(`${tag} setup`, error);
	} finally {
		await instance.stop();
		await sink.close();
		await fakeModel?.close();
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
	results.finish(RESULTS_FILE);
}

runSuite(main);
