import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ENCRYPTION_KEY, OWNER } from './config';
import { freePort, killTree, log, run, sleep, spawnTracked, type RunResult } from './proc';
import { cleanEnv, type N8nRuntime } from './runtime';

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A workflow as n8n exports it (the parts we write). */
export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

export interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message?: string; description?: string };
	executionStatus?: string;
}

export interface RunOutput {
	status?: string;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string; node?: { name?: string } };
			lastNodeExecuted?: string;
		};
	};
}

/** A node type as `/types/nodes.json` lists it; `iconUrl` is `{ light, dark }` for themed icons. */
export interface LoadedNodeType {
	name: string;
	iconUrl?: string | { light: string; dark: string };
}

export interface InstanceOptions {
	runtime: N8nRuntime;
	/** `N8N_USER_FOLDER`: n8n keeps its SQLite database and config in `<folder>/.n8n`. */
	userFolder: string;
	port: number;
	/** Where `n8n start` writes its output. */
	logFile: string;
	extraEnv?: NodeJS.ProcessEnv;
}

/** One n8n installation with one user folder: CLI commands, `n8n start`, and its REST API. */
export class N8nInstance {
	readonly url: string;
	private server?: ChildProcess;
	private serverLog = '';
	private cookie = '';
	private readonly browserId = 'e2e-browser';

	constructor(readonly options: InstanceOptions) {
		this.url = `http://127.0.0.1:${options.port}`;
		mkdirSync(options.userFolder, { recursive: true });
	}

	get version(): string {
		return this.options.runtime.line.version;
	}

	get major(): number {
		return Number(this.version.split('.')[0]);
	}

	env(brokerPort: number): NodeJS.ProcessEnv {
		return cleanEnv({
			N8N_USER_FOLDER: this.options.userFolder,
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.url}/`,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_SECURE_COOKIE: 'false',
			// Nothing may leave the machine: no telemetry, version checks, templates or banners.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
			// isolated-vm is not compiled (n8n 1.x cannot run it on Node 20; 2.x crashes at CLI exit without it).
			N8N_EXPRESSION_ENGINE: 'legacy',
			// Each process gets its own task-runner broker port, so CLI commands never collide.
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			...this.options.extraEnv,
		});
	}

	/** Runs `n8n <args>` to completion. */
	async cli(args: string[], options: { allowFail?: boolean; timeoutMs?: number } = {}): Promise<RunResult> {
		const { nodeBin, n8nBin } = this.options.runtime;
		return await run(nodeBin, [n8nBin, ...args], {
			cwd: this.options.userFolder,
			env: this.env(await freePort()),
			timeoutMs: options.timeoutMs ?? 5 * 60_000,
			allowFail: options.allowFail,
		});
	}

	/** `import:credentials` encrypts the plain `data` with the instance's encryption key. */
	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		if (!credentials.length) return;
		const dir = mkdtempSync(join(tmpdir(), 'bc-n8n-creds-'));
		try {
			const file = join(dir, 'credentials.json');
			const now = new Date().toISOString();
			writeFileSync(file, JSON.stringify(credentials.map((c) => ({ ...c, createdAt: now, updatedAt: now }))));
			await this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		if (!workflows.length) return;
		const dir = mkdtempSync(join(tmpdir(), 'bc-n8n-wf-'));
		try {
			for (const wf of workflows) writeFileSync(join(dir, `${wf.id}.json`), JSON.stringify({ active: false, ...wf }));
			await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	/** A polling trigger only runs in an active workflow, activated before `n8n start`. */
	async activate(ids: string[]): Promise<void> {
		for (const id of ids) {
			if (this.major >= 2) await this.cli(['publish:workflow', `--id=${id}`]);
			else await this.cli(['update:workflow', `--id=${id}`, '--active=true']);
		}
	}

	/** `execute --id X --rawOutput`; the run JSON starts at the first line that is exactly `{`. */
	async execute(id: string): Promise<{ output?: RunOutput; raw: RunResult }> {
		const raw = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { allowFail: true });
		const lines = raw.stdout.split('\n');
		const start = lines.findIndex((l) => l === '{');
		if (start < 0) return { raw };
		const end = lines.lastIndexOf('}');
		try {
			return { output: JSON.parse(lines.slice(start, end + 1).join('\n')) as RunOutput, raw };
		} catch {
			return { raw };
		}
	}

	/**
	 * `n8n start` (or `command`, e.g. `['worker', '--concurrency=5']`), resolved once the log says
	 * it is ready (`ready`, by default that the editor is accessible).
	 */
	async start(options: { timeoutMs?: number; command?: string[]; ready?: string } = {}): Promise<void> {
		const { nodeBin, n8nBin } = this.options.runtime;
		const command = options.command ?? ['start'];
		const ready = options.ready ?? 'Editor is now accessible';
		const out: WriteStream = createWriteStream(this.options.logFile, { flags: 'a' });
		this.serverLog = '';
		const child = spawnTracked(nodeBin, [n8nBin, ...command], {
			cwd: this.options.userFolder,
			env: this.env(await freePort()),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server = child;
		const onData = (d: Buffer) => {
			this.serverLog += d.toString();
			out.write(d);
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.on('close', () => out.end());
		const deadline = Date.now() + (options.timeoutMs ?? 240_000);
		while (!this.serverLog.includes(ready)) {
			if (child.exitCode !== null || child.signalCode !== null) {
				throw new Error(`n8n ${command[0]} exited (${child.exitCode ?? child.signalCode}); log: ${this.options.logFile}\n${this.serverLog.slice(-3000)}`);
			}
			if (Date.now() > deadline) throw new Error(`n8n ${command[0]} did not start in time; log: ${this.options.logFile}`);
			await sleep(250);
		}
	}

	get log(): string {
		return this.serverLog;
	}

	get pid(): number | undefined {
		return this.server?.pid;
	}

	/** Stops the n8n we started (by its PID), forcefully after 15 s. */
	async stop(): Promise<void> {
		const child = this.server;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
		killTree(child, 'SIGTERM');
		const timer = setTimeout(() => killTree(child, 'SIGKILL'), 15_000);
		await closed;
		clearTimeout(timer);
		this.server = undefined;
	}

	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const res = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.get('set-cookie');
		const auth = setCookie && /n8n-auth=[^;]+/.exec(setCookie);
		if (auth) this.cookie = auth[0];
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: res.status, body: parsed as T };
	}

	/** Creates the owner on a fresh database, else logs in; leaves the session cookie set. */
	async ensureOwner(): Promise<void> {
		const settings = await this.rest<{ data?: { userManagement?: { showSetupOnFirstLoad?: boolean } } }>(
			'GET',
			'/rest/settings',
		);
		if (settings.body.data?.userManagement?.showSetupOnFirstLoad) {
			const setup = await this.rest('POST', '/rest/owner/setup', OWNER);
			if (setup.status !== 200) throw new Error(`owner setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
			log(`Owner ${OWNER.email} created`);
			return;
		}
		const login = await this.rest('POST', '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			email: OWNER.email,
			password: OWNER.password,
		});
		if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
	}

	/** Node types n8n loaded (needs a logged-in owner); a package n8n refused is missing here. */
	async nodeTypes(): Promise<LoadedNodeType[]> {
		const res = await this.rest<LoadedNodeType[] | { data: LoadedNodeType[] }>('GET', '/types/nodes.json');
		return Array.isArray(res.body) ? res.body : (res.body.data ?? []);
	}

	async nodeTypeNames(): Promise<string[]> {
		return (await this.nodeTypes()).map((n) => n.name);
	}
}
