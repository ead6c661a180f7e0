import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, killTree, log, run, sleep, spawnTracked } from './proc';

/** A server this process started: stopped by its PID (its process group). */
export interface Service {
	port: number;
	pid: number;
	stop(): Promise<void>;
}

function which(bin: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		if (dir && existsSync(join(dir, bin))) return join(dir, bin);
	}
	return undefined;
}

/** Postgres server binaries: on PATH, else Debian's /usr/lib/postgresql/<newest>/bin. */
function postgresBin(name: string): string | undefined {
	const onPath = which(name);
	if (onPath) return onPath;
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const versions = readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
	for (const v of versions) if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
	return undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

const PACKAGES = {
	redis: { pkg: 'redis-server', present: () => Boolean(which('redis-server')) },
	postgres: { pkg: 'postgresql', present: () => Boolean(postgresBin('initdb') && postgresBin('postgres')) },
};

/**
 * Installs the Debian packages of the wanted servers when missing (CI runs as root on Debian:
 * `apt-get update`, then `apt-get install`). Returns why a server stays unavailable, if one does.
 * Synchronous, so that a jest file can decide at load time whether its Redis tests can run.
 */
export function ensureServers(wanted: Array<keyof typeof PACKAGES>): string | undefined {
	const missing = wanted.filter((w) => !PACKAGES[w].present());
	if (!missing.length) return undefined;
	const names = missing.map((m) => PACKAGES[m].pkg);
	if (!isRoot() || !which('apt-get')) {
		return `${names.join(' and ')} not installed, and apt-get cannot install ${names.length > 1 ? 'them' : 'it'} here (needs root on Debian)`;
	}
	log(`Installing ${names.join(', ')} with apt-get`);
	const options = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: 'pipe' as const, timeout: 10 * 60_000 };
	try {
		execFileSync('apt-get', ['update'], options);
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...names], options);
	} catch (error) {
		const e = error as { stderr?: Buffer; message: string };
		return `apt-get could not install ${names.join(', ')}: ${(e.stderr?.toString() || e.message).slice(-500)}`;
	}
	const still = missing.filter((m) => !PACKAGES[m].present());
	return still.length ? `apt-get installed ${names.join(', ')} but ${still.join(', ')} is still missing` : undefined;
}

async function waitFor(what: string, child: { exitCode: number | null }, output: () => string, ready: RegExp, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!ready.test(output())) {
		if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${output().slice(-2000)}`);
		if (Date.now() > deadline) throw new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${output().slice(-2000)}`);
		await sleep(50);
	}
}

function stopper(child: ReturnType<typeof spawnTracked>, cleanup: () => void): () => Promise<void> {
	return async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
			killTree(child, 'SIGTERM');
			const timer = setTimeout(() => killTree(child, 'SIGKILL'), 10_000);
			await closed;
			clearTimeout(timer);
		}
		cleanup();
	};
}

/** A private redis-server on a free loopback port: no persistence, nothing written outside a temp folder. */
export async function startRedis(): Promise<Service> {
	const bin = which('redis-server');
	if (!bin) throw new Error('redis-server is not installed');
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'bc-redis-'));
	const child = spawnTracked(
		bin,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'no', '--daemonize', 'no'],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	await waitFor('redis-server', child, () => output, /Ready to accept connections/, 20_000);
	return { port, pid: child.pid!, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) };
}

export interface PostgresService extends Service {
	user: string;
	database: string;
}

/**
 * A private Postgres cluster (initdb into a temp folder) on a free loopback port, trust auth, no
 * fsync. initdb refuses to run as root: as root, the cluster runs as the `postgres` system user.
 */
export async function startPostgres(): Promise<PostgresService> {
	const initdb = postgresBin('initdb');
	const postgres = postgresBin('postgres');
	if (!initdb || !postgres) throw new Error('Postgres (initdb, postgres) is not installed');
	const dir = mkdtempSync(join(tmpdir(), 'bc-pg-'));
	const data = join(dir, 'data');
	const asUser = (cmd: string, args: string[]): [string, string[]] => (isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
	if (isRoot()) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
		chownSync(dir, uid, gid);
	}
	const user = 'n8n';
	const [initCmd, initArgs] = asUser(initdb, ['-D', data, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-sync']);
	await run(initCmd, initArgs, { cwd: dir, timeoutMs: 120_000 });
	const port = await freePort();
	const [cmd, args] = asUser(postgres, [
		'-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100',
	]);
	const child = spawnTracked(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	await waitFor('postgres', child, () => output, /database system is ready to accept connections/, 60_000);
	return { port, pid: child.pid!, user, database: 'postgres', stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) };
}
