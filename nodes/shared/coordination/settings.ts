import { hostname } from 'node:os';

/** Where n8n's own queue Redis is, as its `QUEUE_BULL_REDIS_*` settings say. */
export interface RedisSettings {
	host: string;
	port: number;
	db: number;
	username?: string;
	password?: string;
	tls: boolean;
	/** `host:port/db`, for messages (never the password). */
	label: string;
}

export interface ProcessSettings {
	/** Undefined in regular mode: every count stays in this process. */
	redis?: RedisSettings;
	/** Why queue mode is on without a Redis this package can use (e.g. a Redis cluster). */
	unsupported?: string;
	/** This process, as messages and logs name it: `worker pid 4242 on host-a`. */
	processName: string;
}

let cached: ProcessSettings | undefined;

/**
 * Node code does not read the environment, but here it has to: queue mode and its Redis are
 * n8n's own process settings, the same for every workflow, and no node parameter can know them.
 * Read once per process. A worker is in queue mode even when EXECUTIONS_MODE is not set (n8n
 * forces it), hence the command line.
 */
export function processSettings(): ProcessSettings {
	if (cached) return cached;
	const env = process.env;
	const command = ['worker', 'webhook'].find((c) => process.argv.slice(2, 3).includes(c)) ?? 'main';
	const processName = `${command} pid ${process.pid} on ${hostname()}`;
	const queue = env.EXECUTIONS_MODE === 'queue' || command !== 'main';
	if (!queue) return (cached = { processName });
	if (env.QUEUE_BULL_REDIS_CLUSTER_NODES) {
		return (cached = {
			processName,
			unsupported: 'n8n uses a Redis cluster (QUEUE_BULL_REDIS_CLUSTER_NODES), which this package does not support',
		});
	}
	const host = env.QUEUE_BULL_REDIS_HOST || 'localhost';
	const port = Number(env.QUEUE_BULL_REDIS_PORT) || 6379;
	const db = Number(env.QUEUE_BULL_REDIS_DB) || 0;
	cached = {
		processName,
		redis: {
			host,
			port,
			db,
			username: env.QUEUE_BULL_REDIS_USERNAME || undefined,
			password: env.QUEUE_BULL_REDIS_PASSWORD || undefined,
			tls: env.QUEUE_BULL_REDIS_TLS === 'true',
			label: `${host}:${port}/${db}`,
		},
	};
	return cached;
}

/** Reads the settings again on next use (tests). */
export function forgetProcessSettings(): void {
	cached = undefined;
}
