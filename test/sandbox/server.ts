import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SandboxRequest {
	method: string;
	/** Path without the query string, e.g. `/v2/products`. */
	path: string;
	/** The path exactly as sent, before URL parsing resolves `.`/`..` segments. */
	rawPath: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	/** Parsed JSON body when the request sent JSON, else the raw text (undefined when empty). */
	body: unknown;
}

export interface SandboxResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type SandboxHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/** A failure injected in front of a simulator (tests, e2e, bench). */
export interface SandboxFault {
	status: number;
	body?: unknown;
	/** Only requests whose path starts with this (default: every API request). */
	path?: string;
	/** Matching requests let through before the fault starts (a failing middle page: 1). */
	after?: number;
	/** How many requests fail; unlimited when absent. */
	count?: number;
}

export interface RunningSandbox {
	/** e.g. `http://127.0.0.1:41234` */
	url: string;
	port: number;
	/** Every request received, in order: tests assert what was really sent. */
	log: SandboxRequest[];
	/** Injects a failure (also `POST /__sandbox/fault`); `undefined` clears them (`DELETE /__sandbox/fault`). */
	fault(fault: SandboxFault | undefined): void;
	/** Delays every answer by `ms`, like a server on the network (benchmarks). */
	setLatency(ms: number): void;
	close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	if (!text) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function send(res: ServerResponse, out: SandboxResponse): void {
	const headers = { ...(out.headers ?? {}) };
	if (out.body === undefined) {
		res.writeHead(out.status, headers);
		res.end();
		return;
	}
	if (Buffer.isBuffer(out.body) || typeof out.body === 'string') {
		res.writeHead(out.status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
		res.end(out.body);
		return;
	}
	res.writeHead(out.status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(out.body));
}

/**
 * Starts an HTTP simulator on 127.0.0.1 (port 0 = any free port). Only loopback is ever used.
 */
export async function startSandbox(handler: SandboxHandler, port = 0): Promise<RunningSandbox> {
	const log: SandboxRequest[] = [];
	let faults: Array<SandboxFault & { seen: number; failed: number }> = [];
	const setFault = (fault: SandboxFault | undefined) => {
		faults = fault ? [...faults, { ...fault, seen: 0, failed: 0 }] : [];
	};
	const injected = (request: SandboxRequest): SandboxResponse | undefined => {
		if (request.path === '/__sandbox/fault') {
			setFault(request.method === 'DELETE' ? undefined : (request.body as SandboxFault));
			return { status: 204 };
		}
		if (request.path.startsWith('/__sandbox/')) return undefined;
		for (const f of faults) {
			if (f.path && !request.path.startsWith(f.path)) continue;
			f.seen++;
			if (f.seen <= (f.after ?? 0) || (f.count !== undefined && f.failed >= f.count)) continue;
			f.failed++;
			return { status: f.status, body: f.body ?? { message: `Injected failure (HTTP ${f.status})` } };
		}
		return undefined;
	};
	let latencyMs = 0;
	const server: Server = createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const request: SandboxRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				rawPath: (req.url ?? '/').split('?')[0],
				query: url.searchParams,
				headers: req.headers,
				body: await readBody(req),
			};
			log.push(request);
			if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
			try {
				send(res, injected(request) ?? (await handler(request)));
			} catch (error) {
				send(res, { status: 500, body: { message: (error as Error).message } });
			}
		})();
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actual = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${actual}`,
		port: actual,
		log,
		fault: setFault,
		setLatency: (ms: number) => {
			latencyMs = ms;
		},
		close: async () =>
			await new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((err) => (err ? reject(err) : resolve()));
			}),
	};
}
