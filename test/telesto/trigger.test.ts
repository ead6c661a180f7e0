import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { clock, Snapshot } from '../../nodes/shared';
import { cursorOf, untagged } from '../harness/trigger-output';
import { API_KEY, BASE, PRODUCTS, telestoHarness } from './helpers';

const trigger = (parameters: IDataObject) => ({
	type: 'telestoTrigger',
	parameters: { minMinutes: 10, ...parameters },
	credentials: ['telestoApi'],
});

const list = (body: unknown) =>
	nock(BASE, { reqheaders: { authorization: API_KEY } }).get('/v2/products').reply(200, body as nock.Body);

type Product = (typeof PRODUCTS)[number];
const withStock = (p: Product, stock: string): Product => ({ ...p, stock_onhand: stock });

async function pollT(h: ReturnType<typeof telestoHarness>, options: Parameters<ReturnType<typeof telestoHarness>['poll']>[0]) {
	return untagged(await h.poll(options), options.node.parameters.event);
}

describe('Telesto Trigger', () => {
	let now: number;
	const tick = () => (now += 11 * 60 * 1000);
	beforeEach(() => {
		now = Date.parse('2024-05-01T08:00:00Z');
		jest.spyOn(clock, 'now').mockImplementation(() => now);
	});
	afterEach(() => jest.restoreAllMocks());

	async function baseline(h: ReturnType<typeof telestoHarness>, parameters: IDataObject, body: unknown = PRODUCTS) {
		const staticData: IDataObject = {};
		const scope = list(body);
		expect(await pollT(h, { node: trigger(parameters), staticData })).toBeNull();
		scope.done();
		return staticData;
	}

	it('takes a baseline on first activation and emits nothing; state holds only short fingerprints', async () => {
		const h = telestoHarness();
		const staticData = await baseline(h, { event: 'stockChanged' });
		const state = (staticData.poll as IDataObject).state as { products: string };
		expect(state.products).toMatch(/^s2:0:1\|/);
		expect(Snapshot.parse(state.products).get('p1')).toEqual({ value: '', memo: '50' });
		expect(Snapshot.parse(state.products).size).toBe(PRODUCTS.length);
	});

	it('emits new products once, cleaned up', async () => {
		const h = telestoHarness();
		const staticData = await baseline(h, { event: 'newProduct' });
		tick();
		const added = { id: 'p4', name: 'New', ean_upc: '', stock_onhand: '7', created: '2024-05-01 09:00:00' };
		const scope = list([...PRODUCTS, added]);
		const out = await pollT(h, { node: trigger({ event: 'newProduct' }), staticData });
		scope.done();
		expect(out).toEqual([[{ json: { ...added, ean_upc: null, stock_onhand: 7 } }]]);

		tick();
		const again = list([...PRODUCTS, added]);
		expect(await pollT(h, { node: trigger({ event: 'newProduct' }), staticData })).toBeNull();
		again.done();
	});

	it('emits updated products and stock changes with the previous stock', async () => {
		const h = telestoHarness();
		const updated = await baseline(h, { event: 'productUpdated' });
		const stock = await baseline(h, { event: 'stockChanged' });
		tick();
		const next = [{ ...PRODUCTS[0], name: 'Blue Widget XL' }, withStock(PRODUCTS[1], '2'), PRODUCTS[2]];
		const s1 = list(next);
		const u = await pollT(h, { node: trigger({ event: 'productUpdated' }), staticData: updated });
		const s2 = list(next);
		const c = await pollT(h, { node: trigger({ event: 'stockChanged' }), staticData: stock });
		s1.done();
		s2.done();
		expect(u?.[0].map((i) => i.json.id)).toEqual(['p1', 'p2']);
		expect(c).toEqual([[{ json: { ...PRODUCTS[1], ean_upc: null, stock_onhand: 2, previous_stock_onhand: 3 } }]]);
	});

	it('emits low stock once when crossing the threshold, again only after it rose above', async () => {
		const h = telestoHarness();
		const params = { event: 'lowStock', threshold: 5 };
		const staticData = await baseline(h, params, [withStock(PRODUCTS[0], '10')]);
		const poll = async (stock: string) => {
			tick();
			const s = list([withStock(PRODUCTS[0], stock)]);
			const out = await pollT(h, { node: trigger(params), staticData });
			s.done();
			return out;
		};
		expect(await poll('4')).toEqual([
			[{ json: { ...PRODUCTS[0], stock_onhand: 4, previous_stock_onhand: 10, threshold: 5 } }],
		]);
		expect(await poll('3')).toBeNull();
		expect(await poll('8')).toBeNull();
		expect((await poll('5'))?.[0][0].json).toMatchObject({ stock_onhand: 5, previous_stock_onhand: 8 });
	});

	it('emits removed products from the snapshot', async () => {
		const h = telestoHarness();
		const staticData = await baseline(h, { event: 'productRemoved' });
		tick();
		const s = list([PRODUCTS[0], PRODUCTS[2]]);
		const out = await pollT(h, { node: trigger({ event: 'productRemoved' }), staticData });
		s.done();
		// Only the id is kept between polls (bounded state): the name is gone with the product.
		expect(out).toEqual([[{ json: { id: 'p2', removed: true } }]]);
	});

	it('sends nothing when polled sooner than the minimum interval', async () => {
		const h = telestoHarness();
		const staticData = await baseline(h, { event: 'newProduct' });
		now += 9 * 60 * 1000;
		expect(await pollT(h, { node: trigger({ event: 'newProduct' }), staticData })).toBeNull();
	});

	it('keeps its state when a poll fails, so the change is emitted by the next poll', async () => {
		const h = telestoHarness();
		const staticData = await baseline(h, { event: 'newProduct' });
		const before = cursorOf(staticData);
		tick();
		const failing = nock(BASE).get('/v2/products').reply(429, { statusCode: 429, error: { type: 'TOO_MANY_REQUESTS', description: 'x' } });
		await expect(pollT(h, { node: trigger({ event: 'newProduct' }), staticData })).rejects.toThrow(
			'Telesto rate limit reached',
		);
		failing.done();
		expect(cursorOf(staticData)).toBe(before);

		now += 16 * 60 * 1000;
		const added = { ...PRODUCTS[0], id: 'p5' };
		const s = list([...PRODUCTS, added]);
		const out = await pollT(h, { node: trigger({ event: 'newProduct' }), staticData });
		s.done();
		expect(out?.[0].map((i) => i.json.id)).toEqual(['p5']);
	});

	it('shows up to five latest products in manual mode and leaves the state untouched', async () => {
		const h = telestoHarness();
		const staticData = await baseline(h, { event: 'newProduct' });
		const before = JSON.stringify(staticData);
		const many = Array.from({ length: 7 }, (_, n) => ({ ...PRODUCTS[0], id: `m${n}`, created: `2024-04-0${n + 1} 10:00:00` }));
		const s = list(many);
		const out = await pollT(h, { node: trigger({ event: 'newProduct' }), staticData, mode: 'manual' });
		s.done();
		expect(out?.[0].map((i) => i.json.id)).toEqual(['m6', 'm5', 'm4', 'm3', 'm2']);
		expect(JSON.stringify(staticData)).toBe(before);
	});

	it('takes a new baseline when the event or threshold changes', async () => {
		const h = telestoHarness();
		const staticData = await baseline(h, { event: 'lowStock', threshold: 5 });
		tick();
		const s = list([withStock(PRODUCTS[0], '1')]);
		expect(await pollT(h, { node: trigger({ event: 'lowStock', threshold: 2 }), staticData })).toBeNull();
		s.done();
	});

	it('emits raw values when clean-up is off', async () => {
		const h = telestoHarness();
		const params = { event: 'stockChanged', options: { cleanUp: false } };
		const staticData = await baseline(h, params);
		tick();
		const s = list([withStock(PRODUCTS[0], '49'), PRODUCTS[1], PRODUCTS[2]]);
		const out = await pollT(h, { node: trigger(params), staticData });
		s.done();
		expect(out).toEqual([[{ json: { ...PRODUCTS[0], stock_onhand: '49', previous_stock_onhand: '50' } }]]);
	});
});
