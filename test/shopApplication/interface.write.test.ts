import { api, byKey, KEY, saHarness, saNode, tokenScope } from './helpers';

describe('Shop Application Interface → Request Deletion / Reactivate', () => {
	it('Request Deletion sends DELETE /interfaces/{key} without a body and returns the deletion date', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.delete(`/interfaces/${KEY}`, (body) => body === '' || body === undefined)
			.query({})
			.reply(200, { date_suppression: '2025-06-01 10:04:10' });
		const { items, error } = await h.execute({
			node: saNode({ resource: 'interface', operation: 'delete', interface: byKey(KEY) }),
		});
		expect(error).toBeUndefined();
		token.done();
		scope.done();
		expect(items).toEqual([{ json: { key: KEY, date_suppression: '2025-06-01 10:04:10' }, pairedItem: { item: 0 } }]);
	});

	it('Reactivate sends POST /interfaces/{key} with the JSON body {} and returns the reactivation date', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.post(`/interfaces/${KEY}`, {})
			.query({})
			.matchHeader('content-type', 'application/json')
			.reply(200, { date_reactivation: '2025-03-02 08:00:00' });
		const { items } = await h.execute({
			node: saNode({ resource: 'interface', operation: 'reactivate', interface: byKey(KEY) }),
		});
		token.done();
		scope.done();
		expect(items).toEqual([{ json: { key: KEY, date_reactivation: '2025-03-02 08:00:00' }, pairedItem: { item: 0 } }]);
	});

	it('Reactivate reports the API refusal sent with HTTP 200 per item under Continue On Fail', async () => {
		const h = saHarness();
		const token = tokenScope();
		const scope = api()
			.post(`/interfaces/${KEY}`, {})
			.reply(200, { error: true, message: "Aucune demande de suppression n'a été enregistrée" });
		const { items } = await h.execute({
			node: saNode({ resource: 'interface', operation: 'reactivate', interface: byKey(KEY) }, { continueOnFail: true }),
		});
		token.done();
		scope.done();
		expect(items).toEqual([
			{ json: { error: { message: "Aucune demande de suppression n'a été enregistrée", httpCode: '200' } }, pairedItem: { item: 0 } },
		]);
	});
});
