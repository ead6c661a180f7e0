import { N8N_LINES, lineById } from './n8n/config';
import { log } from './n8n/proc';
import { ensureRuntime } from './n8n/runtime';

/** Installs the tested n8n versions into the cache (no-op when present): `ts-node scripts/n8n-install.ts [2|1 ...]`. */
async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	for (const line of wanted.length ? wanted.map(lineById) : N8N_LINES) {
		const t0 = Date.now();
		const runtime = await ensureRuntime(line);
		log(`n8n ${line.version} ready in ${runtime.dir} (${Math.round((Date.now() - t0) / 1000)} s)`);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
	process.exit(1);
});
