import { matchRoute } from '../../nodes/ClientXcms/routes';
import { startSandbox, type SandboxRequest, type SandboxResponse } from './server';
import type { SimulatorDefinition, StartedSimulator } from './types';

type Row = Record<string, unknown> & { id: number };

/** Per list path: allowed filters, sorts, includes, envelope, required create fields. */
interface Table {
	filters: string[];
	sorts: string[];
	includes: string[];
	envelope: 'A' | 'B';
	get: 'object' | 'page';
	required: string[];
	perPage?: number;
}

const TS = ['created_at', 'updated_at'];
const TABLES: Record<string, Table> = {
	customers: { filters: ['id', 'email', 'firstname', 'lastname', 'phone', ...TS], sorts: ['id', 'email', 'firstname', 'lastname', 'phone', ...TS], includes: ['invoices', 'metadata', 'services'], envelope: 'A', get: 'object', required: ['email', 'firstname', 'lastname', 'address', 'city', 'zipcode', 'region', 'country', 'locale'] },
	products: { filters: ['id', 'name', 'status', 'description', 'sort_order', 'group_id', 'stock', 'type', 'pinned'], sorts: ['id', 'name', 'status', 'description', 'sort_order', 'group_id', 'stock', 'type', 'pinned'], includes: ['metadata', 'pricing', 'group'], envelope: 'B', get: 'page', required: ['name', 'description', 'status', 'group_id', 'stock', 'type'] },
	groups: { filters: ['name', 'slug', 'status', 'description', 'sort_order', ...TS], sorts: ['name', 'slug', 'status', 'description', 'sort_order', ...TS], includes: ['products', 'groups', 'metadata'], envelope: 'B', get: 'object', required: ['name', 'description', 'status', 'slug', 'sort_order'] },
	pricings: { filters: ['id', 'related_id', 'related_type', 'currency', 'monthly'], sorts: ['id', 'related_id', 'related_type', 'currency', 'monthly'], includes: [], envelope: 'B', get: 'object', required: ['related_id', 'related_type', 'currency'] },
	services: { filters: ['id', 'customer_id', 'status', ...TS], sorts: ['id', 'customer_id', 'status', ...TS], includes: ['customer', 'metadata', 'pricing', 'configoptions'], envelope: 'A', get: 'page', required: [] },
	invoices: { filters: ['id', 'customer_id', 'status', ...TS], sorts: ['id', 'customer_id', 'status', ...TS], includes: ['customer', 'items'], envelope: 'A', get: 'page', required: ['customer_id', 'currency'] },
	departments: { filters: ['id', 'name', ...TS], sorts: ['id', 'name', ...TS], includes: ['tickets'], envelope: 'B', get: 'page', required: ['name', 'description', 'icon'] },
	tickets: { filters: ['id', 'subject', 'status', 'priority', 'department_id', 'customer_id', 'assigned_to', ...TS], sorts: ['id', 'subject', 'status', 'priority', 'department_id', 'customer_id', 'assigned_to', ...TS, 'closed_at'], includes: ['customer', 'department', 'messages', 'attachments', 'assignedTo', 'comments'], envelope: 'B', get: 'page', required: ['department_id', 'priority', 'subject', 'content'] },
	coupons: { filters: ['id', 'code', 'type', 'is_global', 'customer_id', ...TS], sorts: ['id', 'code', 'type', 'max_uses', 'usages', 'is_global', ...TS], includes: ['products', 'pricing', 'usages', 'customer'], envelope: 'B', get: 'page', required: ['code', 'type', 'applied_month', 'free_setup', 'first_order_only', 'is_global', 'max_uses', 'max_uses_per_customer', 'usages', 'minimum_order_amount'] },
	servers: { filters: ['id', 'name', 'address', 'hostname', 'type', 'status', ...TS], sorts: ['id', 'name', 'address', 'hostname', 'type', 'status', ...TS, 'port', 'maxaccounts'], includes: ['services', 'metadata'], envelope: 'B', get: 'page', required: ['hostname', 'address'] },
	logs: { filters: ['id', 'action', 'model', 'model_id', 'staff_id', 'customer_id', 'created_at'], sorts: ['id', 'action', 'model', 'model_id', 'staff_id', 'customer_id', 'created_at'], includes: ['customer', 'staff', 'entries'], envelope: 'B', get: 'page', required: [], perPage: 50 },
	subdomains: { filters: ['id', 'domain', ...TS], sorts: ['id', 'domain', ...TS], includes: [], envelope: 'B', get: 'page', required: ['domain'] },
	cancellation_reasons: { filters: ['status', 'reason'], sorts: ['id', 'reason', 'status', 'created_at'], includes: [], envelope: 'B', get: 'object', required: ['reason', 'status'] },
};

export const CLIENTXCMS_SANDBOX_KEY = '1|CLIENTXCMSsandboxsandboxsandboxsandboxsandbox00000000';
/** A key with only a few abilities, for 403 demonstrations. */
export const CLIENTXCMS_LIMITED_KEY = '2|CLIENTXCMSlimitedlimitedlimitedlimitedlimited00000000';

export interface ClientXcmsSandboxOptions {
	port?: number;
	/** token → abilities (`*` = all). */
	keys?: Record<string, string[]>;
	/** Requests per window per token (ClientXCMS: 60 per minute). */
	limit?: number;
	windowMs?: number;
	now?: () => number;
}

export interface ClientXcmsSandbox extends StartedSimulator {
	db: Record<string, Row[]>;
	/**
	 * Answers since the start or the last reset: all, 429s, and the most requests that reached
	 * the API within one window for one key (refused ones included).
	 */
	answers(): { total: number; tooMany: number; busiestWindow: number };
	reset(): void;
}

function iso(t: number): string {
	return new Date(t).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function seed(t: number): Record<string, Row[]> {
	const at = iso(t - 86_400_000);
	const customer = (id: number, firstname: string, email: string): Row => ({
		id, firstname, lastname: 'Demo', email, locale: 'en_GB', phone: null, address: '1 Rue de la Paix', address2: null, city: 'Paris',
		country: 'FR', region: 'IDF', zipcode: '75002', company_name: null, billing_details: null, balance: '0.00',
		totp_secret: null, confirmation_token: 'tok', created_at: at, updated_at: at,
	});
	return {
		customers: [customer(1, 'Ada', 'ada@example.com'), customer(2, 'Grace', 'grace@example.com')],
		groups: [{ id: 1, name: 'VPS', slug: 'vps', status: 'active', description: 'Virtual servers', pinned: false, parent_id: null, sort_order: 0, metadata: [], created_at: at, updated_at: at }],
		products: [{ id: 1, name: 'VPS S', group_id: 1, status: 'active', description: 'Small VPS', pinned: true, stock: -1, type: 'none', sort_order: 0, metadata: [], created_at: at, updated_at: at }],
		pricings: [{ id: 1, related_id: 1, related_type: 'product', currency: 'EUR', monthly: 5, setup_monthly: 0 }],
		services: [
			{ id: 1, uuid: 's-1', customer_id: 1, name: 'VPS S', product_id: 1, status: 'active', billing: 'monthly', currency: 'EUR', created_at: at, updated_at: at },
			{ id: 2, uuid: 's-2', customer_id: 2, name: 'VPS S', product_id: 1, status: 'suspended', billing: 'monthly', currency: 'EUR', created_at: at, updated_at: at },
		],
		invoices: [{ id: 1, uuid: 'i-1', customer_id: 1, invoice_number: 'INV-1', status: 'pending', total: 6, subtotal: 5, tax: 1, fees: 0, currency: 'EUR', notes: '', paymethod: 'balance', due_date: at, created_at: at, updated_at: at }],
		departments: [{ id: 1, name: 'Support', description: 'General questions', icon: 'bi bi-question-circle', created_at: at, updated_at: at }],
		tickets: [{ id: 1, uuid: 't-1', department_id: 1, customer_id: 1, subject: 'Hello', status: 'open', priority: 'medium', assigned_to: null, messages: [{ id: 1, message: 'First message', created_at: at }], created_at: at, updated_at: at }],
		coupons: [{ id: 1, code: 'WELCOME', type: 'percent', applied_month: -1, free_setup: 0, first_order_only: 1, is_global: 1, max_uses: 0, max_uses_per_customer: 1, usages: 0, minimum_order_amount: '0.00', products_required: [], products: [], created_at: at, updated_at: at }],
		servers: [{ id: 1, name: 'node1', hostname: 'panel.example.com', address: '203.0.113.10', port: 443, username: 'root', password: 'hunter2', type: 'none', status: 'active', created_at: at, updated_at: at }],
		logs: [{ id: 1, action: 'service_delivered', model: 'App\\Models\\Provisioning\\Service', model_id: '1', customer_id: 1, staff_id: null, payload: {}, created_at: at, updated_at: at }],
		subdomains: [{ id: 1, domain: '.example.com', products: null, groups: null, created_at: at, updated_at: at }],
		cancellation_reasons: [{ id: 1, reason: 'Too expensive', status: 'active', cancellation_mode: 'immediate', created_at: at, updated_at: at }],
	};
}

const json = (status: number, body?: unknown, headers?: Record<string, string>): SandboxResponse => ({ status, body, headers });

/** Laravel-like substring filter: case-insensitive, comma = OR, "true" matches values containing 1. */
function matches(value: unknown, wanted: string): boolean {
	const text = Array.isArray(value) ? JSON.stringify(value) : String(value ?? '').toLowerCase();
	return wanted.split(',').some((w) => {
		const needle = w.trim().toLowerCase();
		if (needle === 'false') return true;
		if (needle === 'true') return text.includes('1') || text === 'true';
		return text.includes(needle);
	});
}

/**
 * A local ClientXCMS `/api/application`: Bearer tokens with abilities, 60 requests per minute with
 * 429 + Retry-After, both list envelopes, substring filters with 400 for unknown ones, one-item
 * pages for "get one", 422 validation errors, 204 deletes and the v2.16 traps (suspend/expire do
 * nothing, groups/{id} ignores the id, updates that reset omitted fields).
 */
export async function startClientXcmsSandbox(options: ClientXcmsSandboxOptions = {}): Promise<ClientXcmsSandbox> {
	const now = options.now ?? Date.now;
	const keys = options.keys ?? { [CLIENTXCMS_SANDBOX_KEY]: ['*'], [CLIENTXCMS_LIMITED_KEY]: ['customers:index', 'license'] };
	const limit = options.limit ?? 60;
	const windowMs = options.windowMs ?? 60_000;
	let db = seed(now());
	let hits = new Map<string, number[]>();
	let arrivals = new Map<string, number[]>();
	let counts = { total: 0, tooMany: 0, busiestWindow: 0 };

	const nextId = (rows: Row[]) => rows.reduce((m, r) => Math.max(m, r.id), 0) + 1;
	const touch = (row: Row) => Object.assign(row, { updated_at: iso(now()) });

	function validate(table: string, body: Record<string, unknown>): SandboxResponse | undefined {
		const errors: Record<string, string[]> = {};
		for (const field of TABLES[table].required) {
			if (body[field] === undefined || body[field] === null || body[field] === '') errors[field] = [`The ${field} field is required.`];
		}
		if (table === 'customers' && typeof body.email === 'string' && db.customers.some((c) => c.email === body.email && c.id !== body.id)) {
			errors.email = ['The email has already been taken.'];
		}
		const count = Object.keys(errors).length;
		if (!count) return undefined;
		const first = Object.values(errors)[0][0];
		return json(422, { message: count > 1 ? `${first} (and ${count - 1} more error${count > 2 ? 's' : ''})` : first, errors });
	}

	function list(table: string, query: URLSearchParams, path: string): SandboxResponse {
		const def = TABLES[table];
		let rows = [...db[table]];
		const refused = (kind: string, names: string[], allowed: string[]) =>
			json(400, { message: `Requested ${kind}(s) \`${names.join(', ')}\` are not allowed. Allowed ${kind}(s) are \`${allowed.join(', ')}\`.` });
		for (const [key, value] of query.entries()) {
			const m = /^filter\[(.+)\]$/.exec(key);
			if (!m) continue;
			if (!def.filters.includes(m[1])) return refused('filter', [m[1]], def.filters);
			rows = rows.filter((r) => matches(r[m[1]], value));
		}
		const sort = query.get('sort');
		if (sort) {
			const fields = sort.split(',');
			const bad = fields.map((f) => f.replace(/^-/, '')).filter((f) => !def.sorts.includes(f));
			if (bad.length) return refused('sort', bad, def.sorts);
			rows.sort((a, b) => {
				for (const f of fields) {
					const key = f.replace(/^-/, '');
					const dir = f.startsWith('-') ? -1 : 1;
					const av = a[key] as string | number;
					const bv = b[key] as string | number;
					if (av !== bv) return (av > bv ? 1 : -1) * dir;
				}
				return 0;
			});
		}
		const include = query.get('include');
		if (include) {
			const bad = include.split(',').filter((i) => !def.includes.includes(i));
			if (bad.length) return refused('include', bad, def.includes);
		}
		const perPage = Number(query.get('per_page')) || def.perPage || 25;
		const page = Math.max(1, Number(query.get('page')) || 1);
		// `include=customer` embeds the owner, as Laravel's relation does (the pickers label with it).
		const embed = (include ?? '').split(',').includes('customer');
		const data = rows
			.slice((page - 1) * perPage, page * perPage)
			.map((r) => (embed && r.customer_id !== undefined ? { ...r, customer: db.customers.find((c) => c.id === r.customer_id) ?? null } : r));
		const lastPage = Math.max(1, Math.ceil(rows.length / perPage));
		const url = (p: number) => `http://sandbox${path}?page=${p}`;
		const next = page < lastPage ? url(page + 1) : null;
		if (def.envelope === 'A') {
			return json(200, {
				data,
				links: { first: url(1), last: url(lastPage), prev: page > 1 ? url(page - 1) : null, next },
				meta: { current_page: page, last_page: lastPage, per_page: perPage, total: rows.length, path: `http://sandbox${path}` },
			});
		}
		return json(200, onePage(data, { page, perPage, total: rows.length, next, lastPage }));
	}

	function onePage(data: Row[], p: { page: number; perPage: number; total: number; next: string | null; lastPage: number }) {
		return { current_page: p.page, data, next_page_url: p.next, last_page: p.lastPage, per_page: p.perPage, total: p.total, prev_page_url: null };
	}

	function api(req: SandboxRequest, segments: string[]): SandboxResponse {
		const [table, idText, action, sub] = segments;
		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
		if (table === 'health') return json(200, { status: 'ok' });
		if (table === 'license') return json(200, { status: 'ok', license: { domain: 'sandbox.local', type: 'sandbox' } });
		if (table === 'cancellation_reasons_analytics') {
			return json(200, { start_date: req.query.get('start_date'), end_date: req.query.get('end_date'), total_cancellations: 0, distribution: [] });
		}
		const def = TABLES[table];
		const rows = db[table];
		if (!def || !rows) return json(404, { message: `The route api/application/${segments.join('/')} could not be found.` });
		if (idText === undefined) {
			if (req.method === 'GET') return list(table, req.query, req.path);
			const invalid = validate(table, body);
			if (invalid) return invalid;
			const row: Row = { ...body, id: nextId(rows), created_at: iso(now()), updated_at: iso(now()) };
			if (table === 'invoices') Object.assign(row, { status: 'draft', invoice_number: `INV-${row.id}`, notes: 'Created manually by API' });
			if (table === 'tickets') Object.assign(row, { status: 'open', messages: [{ id: 1, message: body.content }] });
			rows.push(row);
			return json(201, row);
		}
		const id = Number(idText);
		const row = rows.find((r) => r.id === id);
		const missing = () =>
			def.get === 'page' && req.method === 'GET' && table !== 'services'
				? json(200, onePage([], { page: 1, perPage: 25, total: 0, next: null, lastPage: 1 }))
				: json(404, { message: `No query results for model [App\\Models\\${table}] ${idText}` });
		if (table === 'groups' && req.method === 'GET' && !action) {
			return json(200, { parent_id: null, status: 'active', sort_order: 0, pinned: false });
		}
		if (!row) return missing();
		if (!action) {
			if (req.method === 'GET') return def.get === 'object' ? json(200, row) : json(200, onePage([row], { page: 1, perPage: 25, total: 1, next: null, lastPage: 1 }));
			if (req.method === 'DELETE') {
				db[table] = rows.filter((r) => r !== row);
				if (table === 'invoices' || table === 'departments') return json(204);
				if (table === 'tickets' && row.status !== 'closed') {
					db[table] = rows;
					touch(Object.assign(row, { status: 'closed' }));
					return json(200, { message: 'Ticket closed' });
				}
				return table === 'customers' || table === 'coupons' || table === 'servers' || table === 'subdomains' || table === 'cancellation_reasons'
					? json(200, { message: 'Deleted successfully' })
					: json(200, row);
			}
			if (req.method === 'POST') {
				if (table === 'customers' || table === 'coupons' || table === 'pricings') {
					const invalid = validate(table, { ...body, id });
					if (invalid) return invalid;
				}
				const update: Record<string, unknown> = { ...body };
				if (table === 'products' || table === 'groups') update.pinned = body.pinned === true || body.pinned === 'true';
				if (table === 'groups' && body.slug === undefined) update.slug = '';
				if (table === 'coupons') update.products = (body.products as number[] | undefined ?? []).map((p) => ({ id: p }));
				touch(Object.assign(row, update));
				return json(200, row);
			}
		}
		if (table === 'customers' && req.method === 'POST') {
			if (action === 'action') return json(200, touch(row));
			if (action === 'confirm') return row.email_verified_at ? json(400, { message: 'Email already verified' }) : json(200, touch(Object.assign(row, { email_verified_at: iso(now()) })));
			return row.email_verified_at ? json(400, { message: 'Email already verified' }) : json(200, { message: 'Link sent' });
		}
		if (table === 'services' && req.method === 'POST') {
			if (action === 'unsuspend') {
				touch(Object.assign(row, { status: 'active' }));
				return json(200, { data: row, result: { success: true, message: 'Service unsuspended', data: [] } });
			}
			return json(200, { data: row, result: [{ success: false, message: 'Invalid status', data: [] }, action === 'suspend' ? 'suspended' : 'expired'] });
		}
		if (table === 'invoices') {
			if (action === 'pdf' || action === 'download') {
				return { status: 200, body: Buffer.from(`%PDF-1.4 sandbox invoice ${row.invoice_number as string}`), headers: { 'content-type': 'application/pdf', ...(action === 'download' ? { 'content-disposition': `attachment; filename="${row.invoice_number as string}.pdf"` } : {}) } };
			}
			if (action === 'export') return { status: 200, body: `id;total\n${db.invoices.map((i) => `${i.id};${String(i.total)}`).join('\n')}\n`, headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename=invoices.csv' } };
			if (action === 'validate') return row.status === 'draft' ? json(200, { message: 'Invoice validated', invoice: touch(Object.assign(row, { status: 'pending' })) }) : json(400, { message: 'Invoice is not a draft' });
			if (action === 'edit') return row.status === 'pending' ? json(200, { message: 'Invoice is now a draft', invoice: touch(Object.assign(row, { status: 'draft' })) }) : json(400, { message: 'Invoice is not pending' });
			if (action === 'notify') return row.status === 'pending' ? json(200, { message: 'Notification sent', invoice: row }) : json(400, { message: 'Invoice is not pending' });
		}
		if (table === 'tickets' && req.method === 'POST') {
			const messages = row.messages as Array<Record<string, unknown>>;
			if (action === 'reply') {
				messages.push({ id: messages.length + 1, message: String(body.content ?? '').trim() });
				return json(200, { message: 'Reply sent', ticket: touch(Object.assign(row, { status: 'answered' })) });
			}
			if (action === 'close') return row.status === 'closed' ? json(400, { message: 'Ticket is already closed' }) : json(200, { message: 'Ticket closed', ticket: touch(Object.assign(row, { status: 'closed', close_reason: body.reason ?? null })) });
			if (action === 'reopen') return row.status !== 'closed' ? json(400, { message: 'Ticket is not closed' }) : json(200, { message: 'Ticket reopened', ticket: touch(Object.assign(row, { status: 'open' })) });
		}
		if (table === 'products' && action === 'config') {
			return req.method === 'PUT' ? json(200, { message: 'Config saved', config: body }) : json(404, null);
		}
		return json(404, { message: `The route api/application/${segments.join('/')}${sub ? '' : ''} could not be found.` });
	}

	function control(req: SandboxRequest): SandboxResponse | undefined {
		if (!req.path.startsWith('/__sandbox/')) return undefined;
		const [, , table, idText] = req.path.split('/');
		if (table === 'reset' && req.method === 'POST') {
			db = seed(now());
			sim.db = db;
			hits = new Map();
			arrivals = new Map();
			counts = { total: 0, tooMany: 0, busiestWindow: 0 };
			return json(204);
		}
		const rows = db[table];
		if (!rows) return json(404, { message: 'unknown table' });
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (req.method === 'POST' && !idText) {
			const created = (Array.isArray(req.body) ? req.body : [body]).map((b: Record<string, unknown>) => {
				const row: Row = { created_at: iso(now()), updated_at: iso(now()), ...b, id: nextId(rows) };
				rows.push(row);
				return row;
			});
			return json(201, Array.isArray(req.body) ? created : created[0]);
		}
		const row = rows.find((r) => r.id === Number(idText));
		if (!row) return json(404, { message: 'unknown row' });
		if (req.method === 'PATCH') return json(200, touch(Object.assign(row, body)));
		return undefined;
	}

	const running = await startSandbox(async (req) => {
		const own = control(req);
		if (own) return own;
		const prefix = '/api/application/';
		if (!req.path.startsWith(prefix)) return json(404, { message: `The route ${req.path} could not be found.` });
		const token = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
		const abilities = keys[token];
		const t = now();
		const arrived = [...(arrivals.get(token) ?? []).filter((h) => h > t - windowMs), t];
		arrivals.set(token, arrived);
		counts.total++;
		counts.busiestWindow = Math.max(counts.busiestWindow, arrived.length);
		const recent = (hits.get(token) ?? []).filter((h) => h > t - windowMs);
		if (recent.length >= limit) {
			counts.tooMany++;
			const retry = Math.max(1, Math.ceil((recent[0] + windowMs - t) / 1000));
			return json(429, { message: 'Too Many Attempts.' }, { 'retry-after': String(retry), 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': '0' });
		}
		recent.push(t);
		hits.set(token, recent);
		const headers = { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(limit - recent.length) };
		if (!abilities) return json(401, { message: 'Unauthenticated.' }, headers);
		const path = req.path.slice(prefix.length - 1).replace(/\/+$/, '');
		const route = matchRoute(req.method, path);
		if (!route) return json(404, { message: `The route ${req.path} could not be found.` }, headers);
		if (!abilities.includes('*') && !abilities.includes(route.ability)) return json(403, { message: 'Invalid ability provided.' }, headers);
		const out = api(req, path.split('/').filter(Boolean));
		return { ...out, headers: { ...headers, ...(out.headers ?? {}) } };
	}, options.port);

	const sim: ClientXcmsSandbox = {
		...running,
		credentialType: 'clientXcmsApi',
		credentials: { instanceUrl: running.url, apiKey: CLIENTXCMS_SANDBOX_KEY, allowHttp: true, timezone: 'Europe/Paris' },
		db,
		answers: () => ({ ...counts }),
		reset: () => {
			db = seed(now());
			sim.db = db;
			hits = new Map();
			arrivals = new Map();
			counts = { total: 0, tooMany: 0, busiestWindow: 0 };
		},
	};
	return sim;
}

export const clientXcmsSimulator: SimulatorDefinition = {
	name: 'clientXcms',
	defaultPort: 5703,
	start: async (options) => await startClientXcmsSandbox(options),
};
