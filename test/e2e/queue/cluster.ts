import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nInstance, type RunOutput, type WorkflowJson } from '../../../scripts/n8n/instance';
import { installIntoUserFolder } from '../../../scripts/n8n/pack';
import { freePort, log, sleep } from '../../../scripts/n8n/proc';
import type { N8nRuntime } from '../../../scripts/n8n/runtime';
import { ensureServers, startPostgres, startRedis, type PostgresService, type Service } from '../../../scripts/n8n/services';

export interface ClusterOptions {
	runtime: N8nRuntime;
	tarball: string;
	workers: number;
	concurrency: number;
	/** Where each process writes its log (`queue-main.log`, `queue-worker-1.log`…). */
	logDir: string;
	keepFolders?: boolean;
}

/**
 * n8n in queue mode, as an operator runs it on several machines: a private Redis and Postgres on
 * loopback, one main process (editor, webhooks, triggers) and `workers` `n8n worker` processes,
 * each with its own user folder holding the package in `.n8n/nodes` and its own ports, all with
 * the same encryption key. Everything started here is stopped by PID in `stop()`.
 */
export class QueueCluster {
	main!: N8nInstance;
	workers: N8nInstance[] = [];
	redis?: Service;
	postgres?: PostgresService;
	private folders: string[] = [];

	constructor(private readonly options: ClusterOptions) {}

	async start(): Promise<void> {
		const missing = ensureServers(['redis', 'postgres']);
		if (missing) throw new Error(missing);
		const t0 = Date.now();
		this.main = await this.make('main');
		for (let i = 1; i <= this.options.workers; i++) this.workers.push(await this.make(`worker-${i}`));
		// Every process needs the package: a worker without it fails with "Unrecognized node type".
		const install = async (p: N8nInstance) => await installIntoUserFolder(p.options.userFolder, this.options.tarball);
		const mainReady = install(this.main);
		const workersReady = Promise.all(this.workers.map(install));
		workersReady.catch(() => undefined);
		[this.redis, this.postgres] = await Promise.all([startRedis(), startPostgres()]);
		const env = this.sharedEnv();
		for (const p of [this.main, ...this.workers]) Object.assign(p.options.extraEnv!, env);
		log(`Redis on 127.0.0.1:${this.redis.port} (pid ${this.redis.pid}), Postgres on 127.0.0.1:${this.postgres.port} (pid ${this.postgres.pid}) in ${Date.now() - t0} ms`);
		await mainReady;
		log(`Package installed into the main process's user folder after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		const t2 = Date.now();
		const mainStarted = this.main.start({ timeoutMs: 300_000 });
		mainStarted.catch(() => undefined);
		// The main process migrates the database; workers start once that is done, while it finishes loading.
		while (!this.main.log.includes('Task Broker ready') && !this.main.log.includes('Editor is now accessible')) {
			if (Date.now() - t2 > 300_000) break;
			await Promise.race([mainStarted, sleep(250)]);
		}
		await workersReady;
		const t3 = Date.now();
		const workersStarted = Promise.all(
			this.workers.map(async (w) => await w.start({ command: ['worker', `--concurrency=${this.options.concurrency}`], ready: 'n8n worker is now ready', timeoutMs: 240_000 })),
		);
		workersStarted.catch(() => undefined);
		await mainStarted;
		log(`main: editor accessible after ${((Date.now() - t2) / 1000).toFixed(1)} s (pid ${this.main.pid})`);
		await workersStarted;
		log(`${this.workers.length} workers ready ${((Date.now() - t3) / 1000).toFixed(1)} s after the main process migrated the database (pids ${this.workers.map((w) => w.pid).join(', ')})`);
		await this.main.ensureOwner();
	}

	private sharedEnv(): NodeJS.ProcessEnv {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.postgres!.port),
			DB_POSTGRESDB_USER: this.postgres!.user,
			DB_POSTGRESDB_DATABASE: this.postgres!.database,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis!.port),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_LOG_LEVEL: 'info',
		};
	}

	private async make(name: string): Promise<N8nInstance> {
		const userFolder = mkdtempSync(join(tmpdir(), `bc-queue-${name}-`));
		this.folders.push(userFolder);
		return new N8nInstance({
			runtime: this.options.runtime,
			userFolder,
			port: await freePort(),
			logFile: join(this.options.logDir, `queue-${name}.log`),
			// Its own health server port (and, from N8nInstance, its own task broker port).
			extraEnv: { QUEUE_HEALTH_CHECK_PORT: String(await freePort()) },
		});
	}

	/** Stops every n8n process, then Postgres and Redis, each by its PID; removes the user folders. */
	async stop(): Promise<void> {
		await Promise.all([...this.workers, this.main].filter(Boolean).map(async (p) => await p.stop().catch(() => undefined)));
		await this.postgres?.stop().catch(() => undefined);
		await this.redis?.stop().catch(() => undefined);
		if (!this.options.keepFolders) for (const f of this.folders) rmSync(f, { recursive: true, force: true });
	}

	async createCredential(credential: { name: string; type: string; data: Record<string, unknown> }): Promise<string> {
		const res = await this.main.rest<{ data?: { id: string } }>('POST', '/rest/credentials', credential);
		if (res.status !== 200 || !res.body.data) throw new Error(`creating credential ${credential.name}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
		return res.body.data.id;
	}

	/** Creates a workflow and activates it the way the editor does (REST, with its version id). */
	async createActiveWorkflow(workflow: Omit<WorkflowJson, 'id'>): Promise<string> {
		const created = await this.main.rest<{ data?: { id: string; versionId: string } }>('POST', '/rest/workflows', { ...workflow, active: false });
		if (created.status !== 200 || !created.body.data) throw new Error(`creating workflow ${workflow.name}: HTTP ${created.status} ${JSON.stringify(created.body).slice(0, 500)}`);
		const { id, versionId } = created.body.data;
		const activated = await this.main.rest('POST', `/rest/workflows/${id}/activate`, { versionId });
		if (activated.status !== 200) throw new Error(`activating workflow ${workflow.name}: HTTP ${activated.status} ${JSON.stringify(activated.body).slice(0, 500)}`);
		for (const node of (workflow.nodes as Array<Record<string, unknown>>).filter((n) => n.type === 'n8n-nodes-base.webhook')) {
			await this.waitForWebhook(String((node.parameters as { path: string }).path));
		}
		return id;
	}

	/** An activated webhook is answered a moment later: a CORS preflight says when n8n knows it. */
	async waitForWebhook(path: string, timeoutMs = 15_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const res = await fetch(`${this.main.url}/webhook/${path}`, {
				method: 'OPTIONS',
				headers: { origin: this.main.url, 'access-control-request-method': 'POST' },
			});
			await res.arrayBuffer();
			if (res.status === 204 && /POST/.test(res.headers.get('access-control-allow-methods') ?? '')) return;
			if (Date.now() > deadline) throw new Error(`webhook ${path} not registered ${timeoutMs / 1000} s after activation (HTTP ${res.status})`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/**
	 * Calls a production webhook of the main process; waits for the execution when the node says
	 * so. No answer within `timeoutMs` is status 0, for the caller to look at the execution.
	 */
	async webhook(path: string, body: unknown = {}, timeoutMs = 240_000): Promise<{ status: number; body: unknown }> {
		let res: Response;
		try {
			res = await fetch(`${this.main.url}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(timeoutMs),
			});
		} catch (error) {
			return { status: 0, body: `n8n did not answer POST /webhook/${path} within ${timeoutMs / 1000} s (${(error as Error).message})` };
		}
		const text = await res.text();
		try {
			return { status: res.status, body: JSON.parse(text) as unknown };
		} catch {
			return { status: res.status, body: text };
		}
	}

	/** The statuses of a workflow's latest executions (success, error, running...), newest first. */
	async executionStatuses(workflowId: string, limit: number): Promise<string[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const out: Array<{ id: string; status: string }> = [];
		// n8n hands out at most 100 a page; older pages by lastId.
		for (;;) {
			const before = out.length ? `&lastId=${out[out.length - 1].id}` : '';
			const page = await this.main.rest<{ data?: { results?: Array<{ id: string; status: string }> } }>('GET', `/rest/executions?filter=${filter}&limit=100${before}`);
			const results = page.body.data?.results ?? [];
			out.push(...results);
			if (results.length < 100 || out.length >= limit) return out.slice(0, limit).map((r) => r.status);
		}
	}

	/** The latest execution of a workflow, with its run data (n8n stores it flatted). */
	async lastExecution(workflowId: string): Promise<{ id: string; status: string; output: RunOutput } | undefined> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = await this.main.rest<{ data?: { results?: Array<{ id: string; status: string }> } }>('GET', `/rest/executions?filter=${filter}&limit=1`);
		const latest = list.body.data?.results?.[0];
		if (!latest) return undefined;
		const one = await this.main.rest<{ data?: { data?: string; status?: string } }>('GET', `/rest/executions/${latest.id}`);
		const raw = one.body.data?.data;
		if (typeof raw !== 'string') return undefined;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const flatted = require(join(this.options.runtime.dir, 'node_modules', 'flatted')) as { parse(text: string): unknown };
		const data = flatted.parse(raw) as RunOutput['data'];
		return { id: latest.id, status: one.body.data?.status ?? latest.status, output: { status: one.body.data?.status, data } };
	}

	/** Executions each worker started since `marks` (its log length then), from its own log. */
	workerStarts(marks?: number[]): number[] {
		return this.workers.map((w, i) => (w.log.slice(marks?.[i] ?? 0).match(/Worker started execution/g) ?? []).length);
	}

	logMarks(): number[] {
		return this.workers.map((w) => w.log.length);
	}
}

/** A Webhook node (POST /webhook/<path>) that answers with the last node's output once the execution ends. */
export function webhookNode(path: string, name = 'Webhook'): Record<string, unknown> {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
	};
}

/** The workflow with its Manual Trigger replaced by a Webhook: only webhook and trigger executions go to the workers. */
export function asWebhookWorkflow(workflow: WorkflowJson, path: string): Omit<WorkflowJson, 'id'> {
	const manual = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!manual) throw new Error(`${workflow.name} has no Manual Trigger`);
	const hook: Record<string, unknown> = { ...webhookNode(path), position: manual.position };
	const connections = { ...workflow.connections };
	connections[String(hook.name)] = connections[String(manual.name)];
	delete connections[String(manual.name)];
	const { id: _id, ...rest } = workflow;
	return { ...rest, nodes: workflow.nodes.map((n) => (n === manual ? hook : n)), connections };
}
