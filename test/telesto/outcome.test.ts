import nock from 'nock';

import { clock } from '../../nodes/shared';
import { droppingServer, refusedUrl } from '../harness/servers';
import { Harness } from '../harness/harness';
import { API_KEY, BASE, STOCK_MOVE, telestoHarness, UNKNOWN_OUTCOME_HINT } from './helpers';

describe('Telesto: a write whose outcome is unknown says so', () => {
	afterEach(() => jest.restoreAllMocks());

	it('a POST that timed out may have been applied, and is not sent again', async () => {
		const sleep = jest.spyOn(clock, 'sleep').mockResolvedValue();
		const h = telestoHarness();
		// Longer than the 60 s timeout: nock reports it as a timeout at once.
		const scope = nock(BASE, { reqheaders: { authorization: API_KEY } }).post('/v2/stock-moves').once().delay(70_000).reply(201, {});
		const { error, items } = await h.execute({ node: STOCK_MOVE });
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^Telesto did not answer POST \/stock-moves \((ETIMEDOUT|ECONNABORTED|ESOCKETTIMEDOUT)\), the change may have been applied$/);
		expect(error?.description).toBe(
			`The request was sent, but the connection ended before an answer came back. Nothing was retried. ${UNKNOWN_OUTCOME_HINT}`,
		);
		expect(error?.description).not.toMatch(/Base URL|could not be reached/);
	}, 15_000);

	it('a POST a gateway answered with 504 may have been applied: not sent again, no "try again later"', async () => {
		const sleep = jest.spyOn(clock, 'sleep').mockResolvedValue();
		const h = telestoHarness();
		const scope = nock(BASE, { reqheaders: { authorization: API_KEY } })
			.post('/v2/stock-moves')
			.once()
			.reply(504, '<html><body>504 Gateway Time-out</body></html>', { 'content-type': 'text/html' });
		const { error } = await h.execute({ node: STOCK_MOVE });
		scope.done();
		expect(sleep).not.toHaveBeenCalled();
		expect(error?.message).toBe('Telesto answered POST /stock-moves with HTTP 504, the change may have been applied');
		expect(error?.description).toBe(
			`The answer came from a gateway in front of Telesto, which may have received the request. Nothing was retried. ${UNKNOWN_OUTCOME_HINT}`,
		);
	});

	it('a POST whose connection was reset may have been applied; a refused connection sent nothing', async () => {
		const server = await droppingServer();
		const refused = await refusedUrl();
		try {
			const dropped = await new Harness()
				.setCredentials('telestoApi', { apiKey: API_KEY, baseUrl: server.url })
				.execute({ node: STOCK_MOVE });
			expect(server.requests()).toBe(1);
			expect(dropped.error?.message).toBe('Telesto did not answer POST /stock-moves (ECONNRESET), the change may have been applied');
			const notSent = await new Harness()
				.setCredentials('telestoApi', { apiKey: API_KEY, baseUrl: refused.url })
				.execute({ node: STOCK_MOVE });
			expect(notSent.error?.message).toBe('Telesto could not be reached (ECONNREFUSED)');
			expect(notSent.error?.description).toBe('Telesto could not be reached. Check the Base URL and the network of the n8n server.');
		} finally {
			refused.close();
			await server.close();
		}
	});
});
