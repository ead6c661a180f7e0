import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { StartedSimulator } from '../../sandbox/types';
import type { Json, SandboxClient } from '../types';

export function sandboxClient(sim: StartedSimulator): SandboxClient {
	return {
		sim,
		call: async (method, path, body) => {
			const res = await fetch(`${sim.url}${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await res.text();
			if (res.status >= 400) throw new Error(`${method} ${path} on the ${sim.url} simulator answered ${res.status}: ${text}`);
			try {
				return text ? (JSON.parse(text) as unknown) : undefined;
			} catch {
				return text;
			}
		},
	};
}

/** Requests to the API itself (not the `/__sandbox` control routes) since `from` in the log. */
export function apiRequests(sim: StartedSimulator, from = 0): number {
	return sim.log.slice(from).filter((r) => !r.path.startsWith('/__sandbox')).length;
}

/** Receives what the trigger workflows post (one request per item), by path. */
export interface Sink {
	url: string;
	items(path: string): Json[];
	close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
	const received = new Map<string, Json[]>();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const path = (req.url ?? '/').split('?')[0];
			try {
				const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Json;
				received.set(path, [...(received.get(path) ?? []), body]);
			} catch {
				received.set(path, [...(received.get(path) ?? []), { unparsable: Buffer.concat(chunks).toString('utf8') }]);
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		items: (path) => received.get(path) ?? [],
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
