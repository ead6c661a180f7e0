import { evaluate, ODataSyntaxError, parseFilter } from './odata';
import { startSandbox, type SandboxRequest, type SandboxResponse } from './server';
import type { SimulatorDefinition, StartedSimulator } from './types';

/**
 * A local OnlineERP hub and robot: Basic auth (licence code : secret key), one dataset per
 * company chosen by the company header (0 when absent), the `/api/Entity/<Entity>[/<id>]`
 * routes with an OData subset ($filter, $select, $expand, $orderby, $top, $skip), the support
 * matrix of each company's ERP (405 outside it), `If-None-Match: *` on creates, and control
 * routes for an offline robot, a slow robot, a hub that ignores $skip and either envelope.
 *
 * Invented where the vendor is silent: the key field of each entity, the French error
 * messages, `DateModification` on every record, and a create without If-None-Match on an
 * existing key adding a duplicate (the risk the header protects from).
 */

export type ErpRecord = Record<string, unknown>;
type Verb = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Erp = 'acomba' | 'avantage';

export const ONLINE_ERP_SANDBOX_LICENCE = 'SANDBOX-LICENCE';
export const ONLINE_ERP_SANDBOX_SECRET = "sandbox-secret'key";

export const SANDBOX_KEYS: Record<string, string> = {
	Customer: 'NoClient',
	Product: 'NoProduit',
	CustomerInvoice: 'NoFacture',
	SupplierInvoice: 'NoFacture',
	SupplierOrder: 'NoCommande',
	GLJournalEntry: 'NoEcriture',
};

/** The vendor's matrices for the two ERPs simulated; Customer is undocumented, so all verbs pass. */
const MATRIX: Record<Erp, Record<string, Verb[]>> = {
	acomba: {
		Customer: ['GET', 'POST', 'PUT', 'DELETE'],
		Product: ['GET', 'POST', 'PUT'],
		CustomerInvoice: ['GET', 'POST'],
		SupplierInvoice: ['GET', 'POST'],
		SupplierOrder: ['GET', 'POST'],
		GLJournalEntry: ['POST'],
	},
	avantage: {
		Customer: ['GET', 'POST', 'PUT', 'DELETE'],
		Product: [],
		CustomerInvoice: ['GET'],
		SupplierInvoice: ['GET', 'POST'],
		SupplierOrder: ['GET'],
		GLJournalEntry: ['GET'],
	},
};

interface Company {
	name: string;
	erp: Erp;
	data: Record<string, ErpRecord[]>;
}

const T0 = '2024-05-01T09:00:00';

export function sampleCompanies(): Record<string, Company> {
	return {
		'0': {
			name: 'Érablière Démo inc. (Acomba)',
			erp: 'acomba',
			data: {
				Customer: [
					{ NoClient: '1001', NomClient: "L'Érablière d'Or", EstActif: true, InfoAgeDesComptes: { MontantDu_Cycle1_Courant: 120.5, MontantDu_Cycle2: 0 }, DateModification: T0 },
					{ NoClient: '1002', NomClient: 'Bois Francs Inc.', EstActif: true, InfoAgeDesComptes: { MontantDu_Cycle1_Courant: 0, MontantDu_Cycle2: 45 }, DateModification: T0 },
					{ NoClient: '1003', NomClient: 'Quincaillerie (Nord) & Fils', EstActif: false, InfoAgeDesComptes: { MontantDu_Cycle1_Courant: -15, MontantDu_Cycle2: 0 }, DateModification: T0 },
					{ NoClient: '1004', NomClient: 'Café "Le Coin" — Québec', EstActif: true, InfoAgeDesComptes: { MontantDu_Cycle1_Courant: 980, MontantDu_Cycle2: 12.25 }, DateModification: T0 },
				],
				Product: [
					{ NoProduit: 'P-100', Description: "Planche d'érable 2x4", EstActif: true, Prix: 12.5, GroupeProduit: { CodeGroupe: 'BOIS', Description: 'Bois' }, ExtendedProperties: { Couleur: 'Naturel' }, DateModification: T0 },
					{ NoProduit: 'P-101', Description: 'Vis inox 2"', EstActif: true, Prix: 0.15, GroupeProduit: { CodeGroupe: 'QUINC', Description: 'Quincaillerie' }, ExtendedProperties: { Couleur: 'Argent' }, DateModification: T0 },
					{ NoProduit: 'P-102', Description: 'Planche de pin (fin de série)', EstActif: false, Prix: 7.25, GroupeProduit: { CodeGroupe: 'BOIS', Description: 'Bois' }, ExtendedProperties: {}, DateModification: T0 },
				],
				CustomerInvoice: [
					{ NoFacture: 'F-5001', NoClient: '1001', Total: 250.75, DateFacture: '2024-04-30', Details: [{ NoProduit: 'P-100', Quantite: 20, Prix: 12.5 }], DateModification: T0 },
				],
				SupplierInvoice: [
					{ NoFacture: 'FF-900', NoFournisseur: 'F-10', Total: 1200, Details: [{ NoCompte: '5010', Montant: 1200 }], DateModification: T0 },
				],
				SupplierOrder: [{ NoCommande: 'C-300', NoFournisseur: 'F-10', Details: [{ NoProduit: 'P-101', Quantite: 1000 }], DateModification: T0 }],
				GLJournalEntry: [],
			},
		},
		'1': {
			name: 'Constructions Boréal (Avantage)',
			erp: 'avantage',
			data: {
				Customer: [
					{ NoClient: '2001', NomClient: 'Constructions Boréal', EstActif: true, InfoAgeDesComptes: { MontantDu_Cycle1_Courant: 5000, MontantDu_Cycle2: 0 }, DateModification: T0 },
				],
				Product: [],
				CustomerInvoice: [{ NoFacture: 'A-1', NoClient: '2001', Total: 5000, DateFacture: '2024-04-02', DateModification: T0 }],
				SupplierInvoice: [],
				SupplierOrder: [],
				GLJournalEntry: [{ NoEcriture: 'E-1', Lignes: [{ Compte: '1000', Montant: 10, Sens: 'D' }, { Compte: '4000', Montant: 10, Sens: 'C' }], DateModification: T0 }],
			},
		},
	};
}

export interface OnlineErpSandboxConfig {
	/** The robot does not answer: every API call gets 503. */
	offline: boolean;
	/** Each API call waits this long, like a busy ERP. */
	slowMs: number;
	/** The hub ignores `$skip` (the trap the node detects). */
	ignoreSkip: boolean;
	/** `array`: a bare JSON array; `value`: `{ "@odata.context": …, value: [...] }`. */
	envelope: 'array' | 'value';
}

export interface OnlineErpSandboxOptions {
	port?: number;
	companyHeader?: string;
	now?: () => number;
}

export interface OnlineErpSandbox extends StartedSimulator {
	companies: Record<string, Company>;
	config: OnlineErpSandboxConfig;
	records(company: string, entity: string): ErpRecord[];
	/** Inserts or updates a record as someone working in the ERP would, stamping DateModification. */
	upsert(company: string, entity: string, record: ErpRecord): ErpRecord;
	/**
	 * The robot runs one request at a time: how many API calls it had at most at once, and how many
	 * arrived while another was running (since the start or the last reset).
	 */
	robot(): { maxAtOnce: number; overlapping: number };
	reset(): void;
}

const DEFAULT_CONFIG: OnlineErpSandboxConfig = { offline: false, slowMs: 0, ignoreSkip: false, envelope: 'array' };

function message(status: number, text: string): SandboxResponse {
	return { status, body: { Message: text } };
}

function pathValue(record: unknown, path: string): unknown {
	let v: unknown = record;
	for (const part of path.split('.')) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as ErpRecord)[part];
	}
	return v;
}

function setPath(target: ErpRecord, path: string, value: unknown): void {
	const parts = path.split('.');
	let t = target;
	for (const part of parts.slice(0, -1)) t = (t[part] ??= {}) as ErpRecord;
	t[parts[parts.length - 1]] = value;
}

function project(record: ErpRecord, select: string[]): ErpRecord {
	const out: ErpRecord = {};
	for (const path of select) {
		const value = pathValue(record, path);
		if (value !== undefined) setPath(out, path, value);
	}
	return out;
}

function sortBy(records: ErpRecord[], orderby: string): ErpRecord[] {
	const keys = orderby
		.split(',')
		.map((s) => s.trim().split(/\s+/))
		.filter((k) => k[0]);
	return [...records].sort((a, b) => {
		for (const [field, dir] of keys) {
			const va = pathValue(a, field);
			const vb = pathValue(b, field);
			if (va === vb) continue;
			const c = va === undefined ? -1 : vb === undefined ? 1 : (va as number | string) < (vb as number | string) ? -1 : 1;
			return dir?.toLowerCase() === 'desc' ? -c : c;
		}
		return 0;
	});
}

function stamp(now: () => number): string {
	return new Date(now()).toISOString().slice(0, 19);
}

export async function startOnlineErpSandbox(options: OnlineErpSandboxOptions = {}): Promise<OnlineErpSandbox> {
	const now = options.now ?? Date.now;
	const header = (options.companyHeader ?? 'COMPANY_ID').toLowerCase();
	const expectedAuth = `Basic ${Buffer.from(`${ONLINE_ERP_SANDBOX_LICENCE}:${ONLINE_ERP_SANDBOX_SECRET}`).toString('base64')}`;

	const upsert = (company: string, entity: string, record: ErpRecord): ErpRecord => {
		const list = sim.companies[company]?.data[entity];
		if (!list) throw new Error(`No ${entity} in company ${company}`);
		const key = SANDBOX_KEYS[entity];
		const i = list.findIndex((r) => r[key] === record[key]);
		const merged = { ...(i >= 0 ? list[i] : {}), ...record, DateModification: stamp(now) };
		if (i >= 0) list[i] = merged;
		else list.push(merged);
		return merged;
	};

	const control = (req: SandboxRequest): SandboxResponse | undefined => {
		if (!req.path.startsWith('/__sandbox/')) return undefined;
		if (req.path === '/__sandbox/reset' && req.method === 'POST') {
			sim.reset();
			return { status: 204 };
		}
		if (req.path === '/__sandbox/config' && req.method === 'POST') {
			Object.assign(sim.config, req.body as Partial<OnlineErpSandboxConfig>);
			return { status: 200, body: sim.config };
		}
		const m = /^\/__sandbox\/records\/([^/]+)\/([^/]+)(?:\/(.+))?$/.exec(req.path);
		if (m && req.method === 'POST') return { status: 200, body: upsert(m[1], m[2], req.body as ErpRecord) };
		if (m && m[3] && req.method === 'DELETE') {
			const list = sim.companies[m[1]]?.data[m[2]] ?? [];
			const i = list.findIndex((r) => r[SANDBOX_KEYS[m[2]]] === decodeURIComponent(m[3]));
			if (i >= 0) list.splice(i, 1);
			return { status: 204 };
		}
		return message(404, 'Unknown sandbox control route');
	};

	const list = (req: SandboxRequest, records: ErpRecord[], entity: string): SandboxResponse => {
		let out = records;
		const filter = req.query.get('$filter');
		if (filter) {
			try {
				const ast = parseFilter(filter);
				out = out.filter((r) => evaluate(ast, r));
			} catch (error) {
				if (error instanceof ODataSyntaxError) return message(400, `Filtre invalide : ${error.message}`);
				throw error;
			}
		}
		const orderby = req.query.get('$orderby');
		if (orderby) out = sortBy(out, orderby);
		const skip = Number(req.query.get('$skip') ?? 0);
		if (skip && !sim.config.ignoreSkip) out = out.slice(skip);
		const top = req.query.get('$top');
		if (top !== null) out = out.slice(0, Number(top));
		const expand = (req.query.get('$expand') ?? '').split(',').map((s) => s.trim());
		out = out.map((r) => {
			if (entity !== 'Product' || expand.includes('ExtendedProperties')) return r;
			const { ExtendedProperties: _hidden, ...rest } = r;
			return rest;
		});
		const select = req.query.get('$select');
		if (select) {
			const fields = select.split(',').map((s) => s.trim()).filter(Boolean);
			out = out.map((r) => project(r, fields));
		}
		return {
			status: 200,
			body: sim.config.envelope === 'value' ? { '@odata.context': `$metadata#${entity}`, value: out } : out,
		};
	};

	const api = async (req: SandboxRequest): Promise<SandboxResponse> => {
		if (req.headers.authorization !== expectedAuth) return message(401, 'Licence ou clé secrète invalide');
		if (sim.config.offline) return message(503, "Le robot n'est pas connecté au HUB");
		if (sim.config.slowMs) await new Promise((r) => setTimeout(r, sim.config.slowMs));
		const companyId = String(req.headers[header] ?? '0');
		const company = sim.companies[companyId];
		if (!company) return message(400, `Compagnie ${companyId} inconnue pour cette licence`);
		const m = /^\/api\/Entity\/([A-Za-z][A-Za-z0-9_]*)(?:\/(.+))?$/.exec(req.path);
		if (!m) return message(404, 'Route inconnue');
		const [, entity, rawId] = m;
		const records = company.data[entity];
		if (!records) return message(404, `Entité ${entity} inconnue`);
		const verb = req.method as Verb;
		if (!MATRIX[company.erp][entity]?.includes(verb)) {
			return message(405, `${verb} ${entity} n'est pas supporté par ${company.erp}`);
		}
		const key = SANDBOX_KEYS[entity];
		const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
		const bodyKey = (req.body as ErpRecord | undefined)?.[key];
		const targetId = id ?? (bodyKey === undefined ? undefined : String(bodyKey));
		const index = targetId === undefined ? -1 : records.findIndex((r) => String(r[key]) === targetId);

		switch (verb) {
			case 'GET':
				if (id === undefined) return list(req, records, entity);
				return index >= 0 ? { status: 200, body: records[index] } : { status: 200, body: [] };
			case 'POST': {
				const input = Array.isArray(req.body) ? (req.body as ErpRecord[]) : [req.body as ErpRecord];
				const created: ErpRecord[] = [];
				for (const r of input) {
					if (!r || typeof r !== 'object' || r[key] === undefined) return message(400, `Le champ ${key} est requis`);
					if (entity === 'SupplierInvoice' && !(Array.isArray(r.Details) && r.Details.length)) {
						return message(400, 'Au moins une ligne de détail est requise');
					}
					const exists = records.some((x) => String(x[key]) === String(r[key]));
					if (exists && req.headers['if-none-match'] === '*') {
						return message(412, `L'enregistrement ${String(r[key])} existe déjà`);
					}
				}
				for (const r of input) {
					const record = { ...r, DateModification: stamp(now) };
					records.push(record);
					created.push(record);
				}
				return { status: 201, body: Array.isArray(req.body) ? created : created[0] };
			}
			case 'PUT':
				if (index < 0) return message(404, 'Enregistrement introuvable');
				records[index] = { ...records[index], ...(req.body as ErpRecord), DateModification: stamp(now) };
				return { status: 200, body: records[index] };
			case 'DELETE':
				if (index < 0) return message(404, 'Enregistrement introuvable');
				records.splice(index, 1);
				return { status: 204 };
		}
		return message(405, 'Méthode non supportée');
	};

	let running = 0;
	let robot = { maxAtOnce: 0, overlapping: 0 };
	const server = await startSandbox(async (req) => {
		const own = control(req);
		if (own) return own;
		if (running > 0) robot.overlapping++;
		running++;
		robot.maxAtOnce = Math.max(robot.maxAtOnce, running);
		try {
			return await api(req);
		} finally {
			running--;
		}
	}, options.port);

	const sim: OnlineErpSandbox = {
		...server,
		credentialType: 'onlineErpApi',
		credentials: {
			baseUrl: `${server.url}/api`,
			licenceCode: ONLINE_ERP_SANDBOX_LICENCE,
			secretKey: ONLINE_ERP_SANDBOX_SECRET,
			companyId: '0',
			companyHeaderName: options.companyHeader ?? 'COMPANY_ID',
			testEntity: 'SupplierInvoice',
		},
		companies: sampleCompanies(),
		config: { ...DEFAULT_CONFIG },
		records: (company, entity) => sim.companies[company]?.data[entity] ?? [],
		upsert,
		robot: () => ({ ...robot }),
		reset: () => {
			sim.companies = sampleCompanies();
			sim.config = { ...DEFAULT_CONFIG };
			robot = { maxAtOnce: 0, overlapping: 0 };
		},
	};
	return sim;
}

export const onlineErpSimulator: SimulatorDefinition = {
	name: 'onlineErp',
	defaultPort: 5704,
	start: async (options) => await startOnlineErpSandbox(options),
};
