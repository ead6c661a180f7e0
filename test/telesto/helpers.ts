import nock from 'nock';

import { clearProductListCache } from '../../nodes/Telesto/transport/product-list';
import { resetBudgets } from '../../nodes/Telesto/transport/budget';
import { Harness, type NodeUnderTest } from '../harness/harness';

export const BASE = 'https://telesto.test';
export const API_KEY = 'tk_live_123';

export const PRODUCTS = [
	{ id: 'p1', name: 'Blue Widget', ean_upc: '0012345678905', stock_onhand: '50', created: '2024-01-15 10:30:00' },
	{ id: 'p2', name: 'Red Gadget', ean_upc: '', stock_onhand: '3', created: '2024-02-01 08:00:00' },
	{ id: 'p3', name: 'Green Widget', ean_upc: '4006381333931', stock_onhand: 'n/a', created: '2024-03-10 16:45:00' },
];

export function telestoHarness(): Harness {
	clearProductListCache();
	resetBudgets();
	return new Harness().setCredentials('telestoApi', { apiKey: API_KEY, baseUrl: `${BASE}/v2` });
}

/** A scope answering `GET /v2/products`, which checks the raw key in Authorization. */
export function productsScope(body: unknown = PRODUCTS, status = 200) {
	return nock(BASE, { reqheaders: { authorization: API_KEY, accept: /application\/json/ } })
		.get('/v2/products')
		.query({})
		.reply(status, body as nock.Body);
}

export function telestoNode(parameters: NodeUnderTest['parameters'], extra: Partial<NodeUnderTest> = {}): NodeUnderTest {
	return { type: 'telesto', parameters, credentials: ['telestoApi'], ...extra };
}

/** Other Endpoint: a POST with a JSON body, the write every Telesto failure test sends. */
export const STOCK_MOVE = telestoNode({
	resource: 'otherEndpoint',
	operation: 'request',
	method: 'POST',
	path: '/stock-moves',
	sendBody: true,
	body: '{"qty": 1}',
});

/** The profile's advice for a write whose outcome is unknown. */
export const UNKNOWN_OUTCOME_HINT =
	'Check in Telesto whether the change was applied (Product → Get Many with Force Fresh List, or the Telesto app) before running it again.';
