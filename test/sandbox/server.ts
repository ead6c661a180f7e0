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

export interface RunningSandbox {
	/** e.g. `http://127.0.0.1:41234` */
	url: string;
	port: number;
	/** Every request received, in order: tests assert what was really sent. */
	log: SandboxRequest[];
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
			try {
				send(res, await handler(request));
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
		close: async () =>
			await new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((err) => (err ? reject(err) : resolve()));
			}),
	};
}
