import { randomBytes, randomUUID } from 'node:crypto';

import { startSandbox, type SandboxRequest, type SandboxResponse } from './server';
import type { SimulatorDefinition, StartedSimulator } from './types';

/**
 * A local Shop Application (Cegid) reseller API, as specified in shared/api/shop-application.md:
 * `GET /token` (query client_id / client_secret, tokens that expire), Bearer-only access, the
 * `{error: true, message}` envelope (order-rule refusals come with HTTP 200, unknown routes and
 * keys with 400, bad tokens with 401), the order rules R2–R4, status transitions (3 installing →
 * 1 active after `installAfterMs`; Request Deletion → 2, then 0 after 90 days; Reactivate 2 → 1)
 * and prestation occurrences with unique references. Time is simulated: `advance(ms)` or
 * `POST /__sandbox/advance {"ms"|"days"}` moves it forward.
 */

export interface CatalogueEntry {
	code: string;
	nom: string;
	descriptif_court: string;
	descriptif_long: string;
	prix: number;
	prestations_associees: string[];
}

export interface SandboxOccurrence {
	code: string;
	date_creation: string;
	resilie: boolean;
	date_resiliation: string;
	reference_unique: string;
	url_formulaire?: string;
}

export interface SandboxInterface {
	key: string;
	guid: string;
	client: Record<string, string>;
	sous_domaine?: string;
	statut: number;
	createdAt: number;
	installAt: number;
	deleteAt?: number;
	occurrences: SandboxOccurrence[];
}

export interface ShopApplicationSandboxOptions {
	port?: number;
	clientId?: string;
	clientSecret?: string;
	/** `expires_in` of issued tokens (the API says 3600). */
	tokenTtlSeconds?: number;
	/** How long an ordered interface stays in status 3 before it is installed. */
	installAfterMs?: number;
	catalogue?: CatalogueEntry[];
}

export interface ShopApplicationSandbox extends StartedSimulator {
	interfaces: Map<string, SandboxInterface>;
	/** The catalogue by code; tests add or change entries. */
	catalogue: Map<string, CatalogueEntry>;
	/** Moves simulated time forward (token expiry, installation, the 90-day deletion). */
	advance(ms: number): void;
	/** Revokes every token issued so far (the next request gets a 401). */
	revokeTokens(): void;
	/** `GET /token` requests received, successful or not. */
	tokenRequests(): number;
	reset(): void;
}

export const SHOP_APPLICATION_SANDBOX_CLIENT = { clientId: 'sandbox-reseller', clientSecret: 'sandbox-secret' };

const DAY_MS = 24 * 60 * 60 * 1000;

export function sampleCatalogue(): CatalogueEntry[] {
	const entry = (code: string, nom: string, prix: number, associated: string[] = []): CatalogueEntry => ({
		code,
		nom,
		descriptif_court: `${nom}.`,
		descriptif_long: `<p>${nom}</p>`,
		prix,
		prestations_associees: associated,
	});
	return [
		entry('IN-BTQST-S', 'Boutique Standard — mise en place', 490, ['IN-BTQZ-AMM', 'IN-BTQZ-AMA']),
		entry('IN-BTQZ-AMM', 'Boutique — abonnement mensuel', 49),
		entry('IN-BTQZ-AMA', 'Boutique — abonnement annuel', 490),
		entry('IN-CAISSE-S', 'Caisse — mise en place', 250),
		entry('MO-ARTCRITERES-S', 'Module critères d\'articles', 90),
		entry('MO-STATS-AMM', 'Module statistiques — abonnement mensuel', 9, ['MO-STATS-S']),
		entry('MO-STATS-S', 'Module statistiques — mise en place', 0),
	];
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** "YYYY-MM-DD HH:MM:SS" (UTC; the API gives no zone). */
export function saDate(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
		d.getUTCMinutes(),
	)}:${pad(d.getUTCSeconds())}`;
}

function fail(status: number, message: string): SandboxResponse {
	return { status, body: { error: true, message } };
}

const SETUP = /^IN-.+-S$/;

export async function startShopApplicationSandbox(
	options: ShopApplicationSandboxOptions = {},
): Promise<ShopApplicationSandbox> {
	const clientId = options.clientId ?? SHOP_APPLICATION_SANDBOX_CLIENT.clientId;
	const clientSecret = options.clientSecret ?? SHOP_APPLICATION_SANDBOX_CLIENT.clientSecret;
	const ttl = options.tokenTtlSeconds ?? 3600;
	const installAfterMs = options.installAfterMs ?? 2 * 60 * 60 * 1000;
	let offset = 0;
	const now = () => Date.now() + offset;
	const catalogue = new Map((options.catalogue ?? sampleCatalogue()).map((c) => [c.code, c]));
	const tokens = new Map<string, number>();
	const interfaces = new Map<string, SandboxInterface>();
	let tokenCount = 0;

	const occurrence = (code: string): SandboxOccurrence => ({
		code,
		date_creation: saDate(now()),
		resilie: false,
		date_resiliation: '',
		reference_unique: randomBytes(7).toString('hex').slice(0, 13),
	});

	const seed = () => {
		interfaces.clear();
		tokens.clear();
		tokenCount = 0;
		const t = now();
		interfaces.set('e831c78b-a576-4aad-8d5f-d594b0ccadbe', {
			key: 'e831c78b-a576-4aad-8d5f-d594b0ccadbe',
			guid: 'demo-active',
			client: { nom: 'Martin', email: 'marie@example.com' },
			statut: 1,
			createdAt: t - 400 * DAY_MS,
			installAt: t - 399 * DAY_MS,
			occurrences: [occurrence('IN-BTQST-S'), occurrence('IN-BTQZ-AMM')],
		});
		interfaces.set('902dcbe4-04dd-4150-8436-2757fd53ce51', {
			key: '902dcbe4-04dd-4150-8436-2757fd53ce51',
			guid: 'demo-installing',
			client: { nom: 'Durand', email: 'paul@example.com' },
			statut: 3,
			createdAt: t - 60_000,
			installAt: t - 60_000 + installAfterMs,
			occurrences: [occurrence('IN-CAISSE-S')],
		});
	};
	seed();

	/** Lazy clock-driven transitions: installation and the 90-day deletion. */
	const settle = () => {
		const t = now();
		for (const i of interfaces.values()) {
			if (i.statut === 3 && t >= i.installAt) i.statut = 1;
			if (i.statut === 2 && i.deleteAt !== undefined && t >= i.deleteAt) i.statut = 0;
		}
	};

	const details = (i: SandboxInterface) => {
		const host = `${i.sous_domaine ?? i.guid}.shop-application.test`;
		return {
			date_creation: saDate(i.createdAt),
			statut: i.statut,
			...(i.statut === 3 ? { url_formulaire: `https://forms.shop-application.test/${i.key}` } : {}),
			...(i.statut === 1 || i.statut === 2 ? { url: `https://${host}`, url_administration: `https://${host}/superadmin/` } : {}),
			...(i.deleteAt !== undefined && i.statut !== 1 ? { date_suppression: saDate(i.deleteAt) } : {}),
		};
	};

	const isActive = (i: SandboxInterface, code: string) => i.occurrences.some((o) => o.code === code && !o.resilie);

	/** R2–R4 as the API states them; the first violation is refused, as a server would. */
	const orderError = (codes: unknown, kind: 'create' | 'add', target?: SandboxInterface): string | undefined => {
		if (!Array.isArray(codes) || !codes.length) return 'Aucune prestation commandée';
		const list = codes.map(String);
		const unknown = list.find((c) => !catalogue.has(c));
		if (unknown) return `Prestation inconnue : ${unknown}`;
		const setups = list.filter((c) => SETUP.test(c));
		if (kind === 'create' && setups.length !== 1) return 'Il doit y avoir une et une seule prestation de setup';
		if (kind === 'add' && setups.length) return 'Une vente complémentaire ne peut pas contenir de prestation de setup';
		for (const code of new Set(list)) {
			const linked = catalogue.get(code)!.prestations_associees;
			if (!linked.length || linked.some((l) => list.includes(l) || (target && isActive(target, l)))) continue;
			return `La prestation ${code} requiert une prestation liée (${linked.join(', ')})`;
		}
		return undefined;
	};

	const control = (req: SandboxRequest): SandboxResponse | undefined => {
		if (!req.path.startsWith('/__sandbox/')) return undefined;
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (req.path === '/__sandbox/reset' && req.method === 'POST') {
			offset = 0;
			seed();
			return { status: 204 };
		}
		if (req.path === '/__sandbox/advance' && req.method === 'POST') {
			sim.advance(Number(body.ms ?? 0) + Number(body.days ?? 0) * DAY_MS);
			return { status: 200, body: { now: saDate(now()) } };
		}
		if (req.path === '/__sandbox/revoke-tokens' && req.method === 'POST') {
			tokens.clear();
			return { status: 204 };
		}
		const install = /^\/__sandbox\/interfaces\/([^/]+)\/install$/.exec(req.path);
		if (install && req.method === 'POST') {
			const i = interfaces.get(decodeURIComponent(install[1]));
			if (!i) return { status: 404 };
			i.installAt = now();
			settle();
			return { status: 200, body: details(i) };
		}
		if (req.path === '/__sandbox/state' && req.method === 'GET') {
			settle();
			return {
				status: 200,
				body: { now: saDate(now()), tokenRequests: tokenCount, interfaces: [...interfaces.values()] },
			};
		}
		return { status: 404 };
	};

	const api = (req: SandboxRequest): SandboxResponse => {
		if (req.path === '/token' && req.method === 'GET') {
			tokenCount++;
			if (req.query.get('client_id') !== clientId || req.query.get('client_secret') !== clientSecret) {
				return fail(401, 'Identifiants invalides');
			}
			const token = `sa.${randomBytes(12).toString('hex')}`;
			tokens.set(token, now() + ttl * 1000);
			return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: ttl } };
		}
		const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
		const expiresAt = auth ? tokens.get(auth[1]) : undefined;
		if (expiresAt === undefined || now() >= expiresAt) return fail(401, 'Jeton manquant ou invalide');
		settle();

		const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
		const route = `${req.method} /${parts.map((p, n) => (n % 2 === 1 ? ':' : p)).join('/')}`;
		const target = parts[1] !== undefined && parts[0] === 'interfaces' ? interfaces.get(parts[1]) : undefined;
		if (parts[0] === 'interfaces' && parts[1] !== undefined && !target) return fail(400, 'Interface inconnue');

		switch (route) {
			case 'GET /prestations':
				return { status: 200, body: [...catalogue.keys()] };
			case 'GET /prestation/:': {
				const entry = catalogue.get(parts[1]);
				return entry ? { status: 200, body: entry } : fail(400, 'Prestation inconnue');
			}
			case 'GET /interfaces':
				return { status: 200, body: [...interfaces.keys()] };
			case 'POST /interfaces': {
				const body = (req.body ?? {}) as Record<string, unknown>;
				const client = (body.client ?? {}) as Record<string, string>;
				if (!body.guid || !client.nom || !client.email) return fail(200, 'Paramètres manquants : guid, client.nom, client.email');
				const refused = orderError(body.prestations, 'create');
				if (refused) return fail(200, refused);
				const key = randomUUID();
				const t = now();
				interfaces.set(key, {
					key,
					guid: String(body.guid),
					client,
					sous_domaine: body.sous_domaine ? String(body.sous_domaine) : undefined,
					statut: 3,
					createdAt: t,
					installAt: t + installAfterMs,
					occurrences: (body.prestations as string[]).map(occurrence),
				});
				return { status: 200, body: { sa_key: key } };
			}
			case 'GET /interfaces/:':
				return { status: 200, body: details(target!) };
			case 'DELETE /interfaces/:': {
				if (target!.statut === 0 || target!.statut === 2) return fail(200, 'La suppression a déjà été demandée');
				target!.statut = 2;
				target!.deleteAt = now() + 90 * DAY_MS;
				return { status: 200, body: { date_suppression: saDate(target!.deleteAt) } };
			}
			case 'POST /interfaces/:': {
				if (target!.statut !== 2) {
					return fail(200, target!.statut === 0 ? 'Interface définitivement supprimée' : "Aucune demande de suppression n'a été enregistrée");
				}
				target!.statut = 1;
				target!.deleteAt = undefined;
				return { status: 200, body: { date_reactivation: saDate(now()) } };
			}
			case 'GET /interfaces/:/prestations':
				return { status: 200, body: target!.occurrences.map((o) => o.code) };
			case 'GET /interfaces/:/prestations/:': {
				const list = target!.occurrences.filter((o) => o.code === parts[3]);
				return list.length ? { status: 200, body: list } : fail(400, 'Prestation absente de cette interface');
			}
			case 'POST /interfaces/:/prestations': {
				const raw = req.body as unknown;
				const codes = Array.isArray(raw) ? raw : (raw as { prestations?: unknown } | undefined)?.prestations;
				const refused = orderError(codes, 'add', target);
				if (refused) return fail(200, refused);
				const added = (codes as string[]).map(occurrence);
				target!.occurrences.push(...added);
				return { status: 200, body: added.map(({ code, reference_unique }) => ({ code, reference_unique })) };
			}
			case 'DELETE /interfaces/:/prestations/:': {
				const hit = target!.occurrences.filter(
					(o) => !o.resilie && (o.reference_unique === parts[3] || o.code === parts[3]),
				);
				if (!hit.length) return fail(200, 'Aucune prestation active ne correspond');
				for (const o of hit) {
					o.resilie = true;
					o.date_resiliation = saDate(now());
				}
				return { status: 200, body: hit.map(({ code, reference_unique }) => ({ code, reference_unique })) };
			}
			default:
				return fail(400, "La route demandée n'est pas référencée");
		}
	};

	const running = await startSandbox((req) => control(req) ?? api(req), options.port);
	const sim: ShopApplicationSandbox = {
		...running,
		credentialType: 'shopApplicationApi',
		credentials: { baseUrl: running.url, clientId, clientSecret },
		interfaces,
		catalogue,
		advance: (ms: number) => {
			offset += ms;
		},
		revokeTokens: () => tokens.clear(),
		tokenRequests: () => tokenCount,
		reset: () => {
			offset = 0;
			seed();
		},
	};
	return sim;
}

export const shopApplicationSimulator: SimulatorDefinition = {
	name: 'shopApplication',
	defaultPort: 5702,
	start: async (options) => await startShopApplicationSandbox(options),
};
