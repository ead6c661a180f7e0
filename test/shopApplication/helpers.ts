import nock from 'nock';

import { clock } from '../../nodes/shared';
import { clearCatalogueCache } from '../../nodes/ShopApplication/transport/catalogue';
import { resetSharedTokens } from '../../nodes/ShopApplication/transport/token-share';
import { Harness, type NodeUnderTest } from '../harness/harness';

export const BASE = 'https://sa.test';
export const CLIENT_ID = 'reseller-42';
/** Distinctive, so a leak anywhere is found by a plain substring search. */
export const SECRET = 'S3cr3t-Zq9xWv';
export const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.W3sic3ViIjoiZm9vIn1d.sig1';
export const TOKEN_2 = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.W3sic3ViIjoiYmFyIn1d.sig2';

export const KEY = 'e831c78b-a576-4aad-8d5f-d594b0ccadbe';
export const KEY_2 = '902dcbe4-04dd-4150-8436-2757fd53ce51';

/** A small catalogue: two setups, their subscriptions, a module and a module needing a subscription. */
export const CATALOGUE: Record<string, Record<string, unknown>> = {
	'IN-BTQST-S': { code: 'IN-BTQST-S', nom: 'Boutique Standard', prix: 490, prestations_associees: ['IN-BTQZ-AMM', 'IN-BTQZ-AMA'] },
	'IN-BTQZ-AMM': { code: 'IN-BTQZ-AMM', nom: 'Abonnement mensuel', prix: 29.9, prestations_associees: [] },
	'IN-BTQZ-AMA': { code: 'IN-BTQZ-AMA', nom: 'Abonnement annuel', prix: 299, prestations_associees: [] },
	'IN-CAISSE-S': { code: 'IN-CAISSE-S', nom: 'Caisse', prix: 250, prestations_associees: [] },
	'MO-ARTCRITERES-S': { nom: 'Module critères', prix: 49, prestations_associees: [] },
	'MO-STATS-AMM': { code: 'MO-STATS-AMM', nom: 'Statistiques', prix: 9, prestations_associees: ['MO-STATS-S'] },
	'MO-STATS-S': { code: 'MO-STATS-S', nom: 'Statistiques (mise en place)', prix: 0, prestations_associees: [] },
};

export function saHarness(): Harness {
	clearCatalogueCache();
	resetSharedTokens();
	return new Harness().setCredentials('shopApplicationApi', {
		baseUrl: `${BASE}/`,
		clientId: CLIENT_ID,
		clientSecret: SECRET,
	});
}

/** `GET /token?client_id=…&client_secret=…`, answered with `token`. */
export function tokenScope(token = TOKEN, expiresIn: unknown = 3600) {
	return nock(BASE)
		.get('/token')
		.query({ client_id: CLIENT_ID, client_secret: SECRET })
		.reply(200, { access_token: token, token_type: 'bearer', expires_in: expiresIn });
}

/** Business requests: Bearer header (capital B), JSON accepted; the query is asserted per route. */
export function api(token = TOKEN) {
	return nock(BASE, {
		reqheaders: { authorization: `Bearer ${token}`, accept: /application\/json/ },
		badheaders: ['x-token'],
	});
}

export function saNode(parameters: NodeUnderTest['parameters'], extra: Partial<NodeUnderTest> = {}): NodeUnderTest {
	return { type: 'shopApplication', parameters, credentials: ['shopApplicationApi'], ...extra };
}

export function byKey(key: string) {
	return { __rl: true, mode: 'key', value: key };
}

/** Backoff waits are recorded instead of slept. */
export function fakeSleep(): jest.SpyInstance {
	return jest.spyOn(clock, 'sleep').mockResolvedValue();
}

export { dump } from '../harness/secrets';

/** Catalogue scope: `GET /prestations` and `GET /prestation/{code}` for the given codes. */
export function catalogueScope(codes: string[] = [], token = TOKEN) {
	const scope = api(token).get('/prestations').query({}).reply(200, Object.keys(CATALOGUE));
	for (const code of codes) scope.get(`/prestation/${code}`).query({}).reply(200, CATALOGUE[code]);
	return scope;
}

/** Interface → Create of one till site, sent as is (no catalogue reads). */
export const ORDER = saNode({
	resource: 'interface',
	operation: 'create',
	guid: 'crm-42',
	prestations: ['IN-CAISSE-S'],
	clientLastName: 'Martin',
	clientEmail: 'm@x.fr',
	options: { validateOrder: false },
});

/** The profile's advice for an order whose outcome is unknown. */
export const ORDER_HINT =
	'Before ordering again, look for the new interface by your own Interface ID (in the Shop Application back office, or with Interface → Get Many and Include Details), so that a second site is not ordered and billed.';
