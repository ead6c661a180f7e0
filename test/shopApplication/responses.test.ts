import { brokenAnswers, expectUnexpected } from '../harness/broken-answers';
import { api, byKey, fakeSleep, KEY, saHarness, saNode, tokenScope, ORDER, ORDER_HINT } from './helpers';

describe('Shop Application answers are checked against their documented shape', () => {
	afterEach(() => jest.restoreAllMocks());

	it.each(brokenAnswers({ wrongShape: { date_creation: '2024-01-01 10:00:00' } }).map((a) => [a.name, a] as const))(
		'Interface → Get answered with %s is an unexpected response',
		async (_name, answer) => {
			const h = saHarness();
			const token = tokenScope();
			const scope = api().get(`/interfaces/${KEY}`).query({}).reply(answer.status, answer.body, answer.headers);
			const result = await h.execute({ node: saNode({ resource: 'interface', operation: 'get', interface: byKey(KEY) }) });
			token.done();
			scope.done();
			expectUnexpected(result, { api: 'Shop Application', method: 'GET', path: `/interfaces/${KEY}`, answer, write: false });
		},
	);

	it.each(brokenAnswers({ wrongShape: { key: 'a4be38de' } }).map((a) => [a.name, a] as const))(
		'Interface → Create answered with %s says the order may have been placed, sent once',
		async (_name, answer) => {
			const sleep = fakeSleep();
			const h = saHarness();
			const token = tokenScope();
			const scope = api().post('/interfaces').once().reply(answer.status, answer.body, answer.headers);
			const result = await h.execute({ node: ORDER });
			token.done();
			scope.done();
			expect(sleep).not.toHaveBeenCalled();
			expectUnexpected(result, { api: 'Shop Application', method: 'POST', path: '/interfaces', answer, write: true, hint: ORDER_HINT });
		},
	);

	it('Request Deletion and Terminate refuse answers without their documented fields', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.delete(`/interfaces/${KEY}`)
			.reply(200, {})
			.delete(`/interfaces/${KEY}/prestations/5c34c58c2121e`)
			.reply(200, [{ code: 'IN-CAISSE-S' }]);
		const deletion = await h.execute({ node: saNode({ resource: 'interface', operation: 'delete', interface: byKey(KEY) }) });
		const termination = await h.execute({
			node: saNode({
				resource: 'interfacePrestation',
				operation: 'terminate',
				interface: byKey(KEY),
				terminateBy: 'reference',
				reference: '5c34c58c2121e',
			}),
		});
		token.done();
		scope.done();
		expect(deletion.error?.message).toBe(
			`Unexpected response from Shop Application to DELETE /interfaces/${KEY} (HTTP 200), the change may have been applied: {}`,
		);
		expect(deletion.error?.description).toContain('date_suppression: Required');
		expect(termination.error?.description).toContain('0.reference_unique: Invalid input');
		expect(termination.error?.description).toContain(
			'Nothing was retried. Check with Interface Prestation → Get whether the prestation is terminated before running it again.',
		);
	});
});
