import nock from 'nock';

/**
 * A real local server that drops every connection (ECONNRESET as Node reports it), counting the
 * requests: nock's replyWithError leaks an unhandled error into the next test. Paths in `serve`
 * (e.g. a token endpoint) are answered with their JSON instead, and not counted.
 */
export async function droppingServer(
	options: { serve?: Record<string, unknown> } = {},
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
	const { createServer } = await import('node:http');
	let count = 0;
	const server = createServer((req, res) => {
		const served = options.serve?.[(req.url ?? '').split('?')[0]];
		if (served !== undefined) {
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served));
			return;
		}
		count++;
		req.socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	nock.enableNetConnect('127.0.0.1');
	return {
		url: `http://127.0.0.1:${port}/api`,
		requests: () => count,
		close: async () => {
			nock.disableNetConnect();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A local address nobody listens on (ECONNREFUSED): the request never reached the hub. */
export async function refusedUrl(): Promise<{ url: string; close: () => void }> {
	const { createServer } = await import('node:http');
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	nock.enableNetConnect('127.0.0.1');
	return { url: `http://127.0.0.1:${port}/api`, close: () => nock.disableNetConnect() };
}
