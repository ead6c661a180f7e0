import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Echo output while it runs (default: only on failure). */
	echo?: boolean;
	timeoutMs?: number;
	/** Resolve with the result instead of throwing on a non-zero exit. */
	allowFail?: boolean;
}

export interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

const children = new Set<ChildProcess>();

/** Kills a process group we started (detached children lead their own group). */
export function killTree(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

/** Stops every process started through this module (used on exit and on Ctrl-C). */
export function killAll(): void {
	for (const child of children) killTree(child, 'SIGKILL');
}
process.on('exit', killAll);

export function spawnTracked(cmd: string, args: string[], options: SpawnOptions): ChildProcess {
	const child = spawn(cmd, args, { ...options, detached: true });
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

/** Runs a command to completion, capturing its output. */
export async function run(cmd: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const started = Date.now();
	const child = spawnTracked(cmd, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (d: Buffer) => {
		stdout += d.toString();
		if (options.echo) process.stdout.write(d);
	});
	child.stderr?.on('data', (d: Buffer) => {
		stderr += d.toString();
		if (options.echo) process.stderr.write(d);
	});
	const timer = options.timeoutMs
		? setTimeout(() => killTree(child, 'SIGKILL'), options.timeoutMs)
		: undefined;
	const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
	if (timer) clearTimeout(timer);
	const result = { code, stdout, stderr, ms: Date.now() - started };
	if (code !== 0 && !options.allowFail) {
		const tail = (stdout + '\n' + stderr).split('\n').slice(-40).join('\n');
		throw new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${tail}`);
	}
	return result;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

export function log(message: string): void {
	process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export async function sleep(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}
