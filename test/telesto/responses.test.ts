import nock from 'nock';

import { brokenAnswers, expectUnexpected, type BrokenAnswer } from '../harness/broken-answers';
import { API_KEY, BASE, STOCK_MOVE, telestoHarness, telestoNode, UNKNOWN_OUTCOME_HINT } from './helpers';

const telesto = () => nock(BASE, { reqheaders: { authorization: API_KEY } });

const plainText: BrokenAnswer = {
	name: 'plain text',
	status: 200,
	body: 'Created',
	headers: { 'content-type': 'text/plain' },
	problem: /text, not the JSON this API sends/,
};

describe('Telesto answers are checked against their documented shape', () => {
	it.each(brokenAnswers({ wrongShape: { message: 'maintenance' } }).map((a) => [a.name, a] as const))(
		'Product → Get answered with %s is an unexpected response, never "No Telesto product"',
		async (_name, answer) => {
			const h = telestoHarness();
			const scope = telesto().get('/v2/products').reply(answer.status, answer.body, answer.headers);
			const result = await h.execute({
				node: telestoNode({ resource: 'product', operation: 'get', product: { __rl: true, mode: 'id', value: 'p1' } }),
			});
			scope.done();
			expectUnexpected(result, { api: 'Telesto', method: 'GET', path: '/products', answer, write: false });
		},
	);

	// An empty answer to Other Endpoint is `{ success: true }` (spec §8.3), and any JSON shape is
	// the path's own: only bodies that are not JSON are unexpected there.
	it.each(
		[...brokenAnswers({ wrongShape: {} }).filter((a) => /truncated|HTML/.test(a.name)), plainText].map((a) => [a.name, a] as const),
	)('Other Endpoint POST answered with %s is an unexpected response whose change may have been applied', async (_name, answer) => {
		const h = telestoHarness();
		const scope = telesto().post('/v2/stock-moves', { qty: 1 }).once().reply(answer.status, answer.body, answer.headers);
		const result = await h.execute({ node: STOCK_MOVE });
		scope.done();
		expectUnexpected(result, { api: 'Telesto', method: 'POST', path: '/stock-moves', answer, write: true, hint: UNKNOWN_OUTCOME_HINT });
	});

	it('Other Endpoint GET answered with an HTML page is unexpected, an empty answer is a success', async () => {
		const h = telestoHarness();
		const scope = telesto()
			.get('/v2/warehouses')
			.reply(200, '<html><body>Maintenance</body></html>', { 'content-type': 'text/html' })
			.delete('/v2/stock-moves/4')
			.reply(204);
		const page = await h.execute({
			node: telestoNode({ resource: 'otherEndpoint', operation: 'request', method: 'GET', path: '/warehouses' }),
		});
		const deleted = await h.execute({
			node: telestoNode({ resource: 'otherEndpoint', operation: 'request', method: 'DELETE', path: '/stock-moves/4' }),
		});
		scope.done();
		expect(page.error?.message).toBe(
			'Unexpected response from Telesto to GET /warehouses (HTTP 200): <html><body>Maintenance</body></html>',
		);
		expect(deleted.items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
	});
});
