import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_NAME, ROOT } from './config';
import { log, run } from './proc';
import { cleanEnv } from './runtime';

export interface N8nBlock {
	nodes: string[];
	credentials: string[];
}

export function packageJson(): { name: string; version: string; n8n: N8nBlock } {
	return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		name: string;
		version: string;
		n8n: N8nBlock;
	};
}

/** `npm run build`, then `npm pack` into `outDir`; returns the tarball path. */
export async function buildAndPack(outDir: string, options: { skipBuild?: boolean } = {}): Promise<string> {
	mkdirSync(outDir, { recursive: true });
	if (!options.skipBuild) {
		log('Building the package (npm run build)');
		await run('npm', ['run', 'build', '--silent'], { cwd: ROOT, env: cleanEnv(), timeoutMs: 10 * 60_000 });
	}
	const packed = await run('npm', ['pack', '--pack-destination', outDir, '--loglevel=error', '--ignore-scripts'], {
		cwd: ROOT,
		env: cleanEnv(),
	});
	const file = packed.stdout.trim().split('\n').pop() ?? '';
	return join(outDir, file);
}

/**
 * What the Community Nodes installer does: the package unpacked into
 * `<user folder>/.n8n/nodes/node_modules/<name>` with its runtime dependencies beside it. npm in
 * `~/.n8n/nodes` is also what users do by hand. Peer dependencies (n8n-workflow) stay n8n's own.
 */
export async function installIntoUserFolder(userFolder: string, tarball: string): Promise<void> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	rmSync(join(nodesDir, 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
	);
	rmSync(join(nodesDir, 'package-lock.json'), { force: true });
	await run(
		'npm',
		['install', tarball, '--omit=dev', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: nodesDir, env: cleanEnv(), timeoutMs: 5 * 60_000 },
	);
}
