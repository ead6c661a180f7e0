import { startSandbox, type SandboxRequest, type SandboxResponse } from './server';
import type { SimulatorDefinition, StartedSimulator } from './types';

export interface TelestoProduct {
	id: string;
	name: string;
	ean_upc: string;
	stock_onhand: string;
	created: string;
	[key: string]: string;
}

export interface TelestoSandboxOptions {
	port?: number;
	apiKeys?: string[];
	/** Keys of accounts without a Pro subscription (answer 403). */
	keysWithoutPro?: string[];
	products?: TelestoProduct[];
	/** Requests allowed per window, per client IP (Telesto: 100 per hour). */
	limit?: number;
	windowMs?: number;
	/** How long a client IP stays blocked after exceeding the limit (Telesto: 15 minutes). */
	blockMs?: number;
	now?: () => number;
}

export interface TelestoSandbox extends StartedSimulator {
	products: TelestoProduct[];
	/** Requests to the API (control routes excluded) in the current window. */
	requestCount(): number;
	/** Answers given since the start or the last reset: all, and 429s. */
	answers(): { total: number; tooMany: number };
	reset(): void;
}

export const TELESTO_SANDBOX_KEY = 'sandbox-telesto-key';
/** A valid key of an account without a Pro subscription: every request answers 403. */
export const TELESTO_SANDBOX_NO_PRO_KEY = 'sandbox-telesto-key-no-pro';

export function sampleProducts(): TelestoProduct[] {
	return [
		{ id: 'p-100', name: 'Widget', ean_upc: '0012345678905', stock_onhand: '50', created: '2024-01-15 10:30:00' },
		{ id: 'p-101', name: 'Gadget', ean_upc: '', stock_onhand: '3', created: '2024-02-01 08:00:00' },
		{ id: 'p-102', name: 'Sprocket', ean_upc: '4006381333931', stock_onhand: '0', created: '2024-03-10 16:45:00' },
	];
}

function envelope(status: number, type: string, description: string): SandboxResponse {
	return { status, body: { statusCode: status, error: { type, description } } };
}

/**
 * A local Telesto: raw-key auth, the error envelope, every value as a string ("" for empty),
 * and the per-IP limit with its block, on windows tests can shrink.
 */
export async function startTelestoSandbox(options: TelestoSandboxOptions = {}): Promise<TelestoSandbox> {
	const now = options.now ?? Date.now;
	const noPro = new Set(options.keysWithoutPro ?? [TELESTO_SANDBOX_NO_PRO_KEY]);
	const keys = new Set([...(options.apiKeys ?? [TELESTO_SANDBOX_KEY]), ...noPro]);
	const limit = options.limit ?? 100;
	const windowMs = options.windowMs ?? 60 * 60 * 1000;
	const blockMs = options.blockMs ?? 15 * 60 * 1000;
	let products = options.products ?? sampleProducts();
	let hits: number[] = [];
	let blockedUntil = 0;
	let total = 0;
	let tooMany = 0;

	const control = (req: SandboxRequest): SandboxResponse | undefined => {
		if (req.path === '/__sandbox/reset' && req.method === 'POST') {
			products = sampleProducts();
			sim.products = products;
			hits = [];
			blockedUntil = 0;
			total = 0;
			tooMany = 0;
			return { status: 204 };
		}
		if (req.path === '/__sandbox/products' && req.method === 'POST') {
			const p = req.body as TelestoProduct;
			const i = products.findIndex((x) => x.id === p.id);
			if (i >= 0) products[i] = { ...products[i], ...p };
			else products.push(p);
			return { status: 200, body: p };
		}
		const del = /^\/__sandbox\/products\/(.+)$/.exec(req.path);
		if (del && req.method === 'DELETE') {
			products.splice(products.findIndex((x) => x.id === decodeURIComponent(del[1])), 1);
			return { status: 204 };
		}
		return undefined;
	};

	const running = await startSandbox(async (req) => {
		const own = control(req);
		if (own) return own;
		const t = now();
		total++;
		if (t < blockedUntil) {
			tooMany++;
			return envelope(429, 'TOO_MANY_REQUESTS', 'Rate limit exceeded');
		}
		hits = hits.filter((h) => h > t - windowMs);
		hits.push(t);
		if (hits.length > limit) {
			blockedUntil = t + blockMs;
			tooMany++;
			return envelope(429, 'TOO_MANY_REQUESTS', 'Rate limit exceeded');
		}
		const key = String(req.headers.authorization ?? '');
		if (!keys.has(key)) return envelope(401, 'UNAUTHORIZED', 'Invalid API key');
		if (noPro.has(key)) return envelope(403, 'FORBIDDEN', 'Pro subscription required');
		if (req.path === '/v2/products' && req.method === 'GET') return { status: 200, body: products };
		return envelope(404, 'NOT_FOUND', 'Resource not found');
	}, options.port);

	const sim: TelestoSandbox = {
		...running,
		credentialType: 'telestoApi',
		credentials: { apiKey: [...keys][0], baseUrl: `${running.url}/v2`, requestsPerHour: 100 },
		products,
		requestCount: () => hits.filter((h) => h > now() - windowMs).length,
		answers: () => ({ total, tooMany }),
		reset: () => {
			hits = [];
			blockedUntil = 0;
			total = 0;
			tooMany = 0;
		},
	};
	return sim;
}

export const telestoSimulator: SimulatorDefinition = {
	name: 'telesto',
	defaultPort: 5701,
	start: async (options) => await startTelestoSandbox(options),
};
