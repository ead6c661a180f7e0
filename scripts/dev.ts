import { join } from 'node:path';

import { credentialRef, discoverApis } from '../test/e2e/lib/suites';
import { exampleWorkflow } from '../test/e2e/lib/workflows';
import type { StartedSimulator } from '../test/sandbox/types';
import { cacheDir, lineById, OWNER } from './n8n/config';
import { N8nInstance, type WorkflowJson } from './n8n/instance';
import { buildAndPack, installIntoUserFolder } from './n8n/pack';
import { killAll, log, portIsFree } from './n8n/proc';
import { ensureRuntime } from './n8n/runtime';

/**
 * `npm run dev`: real n8n with this package installed as Community Nodes installs it, every
 * sandbox API running, credentials and example workflows imported. Ctrl-C stops it all.
 */
async function main(): Promise<void> {
	const t0 = Date.now();
	const argv = process.argv.slice(2);
	const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
	const line = lineById(get('n8n') ?? process.env.DEV_N8N ?? '2');
	const port = Number(get('port') ?? process.env.DEV_PORT ?? 5678);

	const apisBefore = discoverApisSafe();
	const busy: string[] = [];
	if (!(await portIsFree(port))) busy.push(`${port} (n8n)`);
	for (const s of apisBefore) if (!(await portIsFree(s.simulator.defaultPort))) busy.push(`${s.simulator.defaultPort} (${s.api} sandbox)`);
	if (busy.length) throw new Error(`Port(s) already in use on 127.0.0.1: ${busy.join(', ')}. Is another "npm run dev" or "npm run sandbox" running?`);

	const runtime = await ensureRuntime(line);
	const devDir = join(cacheDir(), 'dev');
	const skipBuild = argv.includes('--skip-build') || process.env.DEV_SKIP_BUILD === '1';
	const tarball = await buildAndPack(join(devDir, 'pack'), { skipBuild });
	const userFolder = join(devDir, `n8n-${line.version}`);
	await installIntoUserFolder(userFolder, tarball);

	const apis = discoverApis();
	const sims: StartedSimulator[] = [];
	const instance = new N8nInstance({ runtime, userFolder, port, logFile: join(userFolder, 'n8n.log') });
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		log('Stopping n8n and the sandbox');
		await instance.stop().catch(() => undefined);
		for (const sim of sims) await sim.close().catch(() => undefined);
		killAll();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	const credentials = [];
	const workflows: WorkflowJson[] = [];
	for (const api of apis) {
		const sim = await api.simulator.start({ port: api.simulator.defaultPort });
		sims.push(sim);
		const ref = credentialRef(api.api, sim.credentialType, api.suite?.credentialName ?? `${api.api} (sandbox)`);
		credentials.push({ id: ref.id, name: ref.name, type: ref.type, data: sim.credentials });
		for (const example of api.suite?.examples ?? []) workflows.push(exampleWorkflow(example, ref));
	}
	await instance.importCredentials(credentials);
	await instance.importWorkflows(workflows);
	await instance.start();
	await instance.ensureOwner();

	const types = await instance.nodeTypeNames();
	const ours = types.filter((t) => t.startsWith('n8n-nodes-business-connectors.') && !t.endsWith('Tool'));
	const lines = [
		'',
		`n8n ${line.version} is running: ${instance.url}`,
		`  Login: ${OWNER.email} / ${OWNER.password}`,
		`  Nodes of this package loaded: ${ours.length ? ours.map((t) => t.split('.')[1]).join(', ') : 'NONE (see the log)'}`,
		`  Example workflows: ${workflows.length ? workflows.map((w) => w.name).join('; ') : 'none'}`,
		'  Sandbox APIs (credentials already imported):',
		...apis.map((a, i) => `    ${a.api.padEnd(16)} ${sims[i].url}`),
		`  n8n log: ${instance.options.logFile}`,
		`  Ready in ${Math.round((Date.now() - t0) / 1000)} s. Ctrl-C stops n8n and the sandbox.`,
		'',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	// Keep running until Ctrl-C; if n8n dies on its own, stop the rest too.
	const timer = setInterval(() => {
		if (instance.pid === undefined || !isAlive(instance.pid)) {
			clearInterval(timer);
			log(`n8n exited; see ${instance.options.logFile}`);
			void stop(1);
		}
	}, 2000);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Before the build, dist/ may be missing or stale: only the simulators' ports are needed here. */
function discoverApisSafe(): Array<{ api: string; simulator: { defaultPort: number } }> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { simulators } = require('../test/sandbox') as typeof import('../test/sandbox');
	return simulators.map((s) => ({ api: s.name, simulator: s }));
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
	killAll();
	process.exit(1);
});
