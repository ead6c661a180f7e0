import { Snapshot } from '../../nodes/shared';
import { cursorOf, untagged } from '../harness/trigger-output';
import type { IDataObject } from 'n8n-workflow';

import { clock } from '../../nodes/shared';
import type { NodeUnderTest } from '../harness/harness';
import { erp, exactly, onlineErpHarness, spySleep, triggerNode } from './helpers';

let now = Date.UTC(2024, 4, 1, 12, 0, 0);
const MINUTE = 60_000;

beforeEach(() => {
	jest.spyOn(clock, 'now').mockImplementation(() => now);
	spySleep();
});
afterEach(() => jest.restoreAllMocks());

const c = (no: string, name: string, extra: IDataObject = {}) => ({ NoClient: no, NomClient: name, ...extra });

const SNAPSHOT = {
	entity: 'Customer',
	event: 'newRecord',
	detection: 'snapshot',
	keyField: 'NoClient',
	select: 'NomClient',
	minMinutes: 15,
	maxRecords: 5000,
};
const SNAPSHOT_QUERY = '/api/Entity/Customer?$select=NomClient%2CNoClient&$top=1000&$skip=0';

function kept(staticData: IDataObject, keys: string[]): boolean[] {
	const records = Snapshot.parse(((staticData.poll as IDataObject).state as { records: string }).records);
	return keys.map((k) => records.has(k));
}

async function poll(parameters: Record<string, unknown>, staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger') {
	return untagged(
		await onlineErpHarness().poll({ node: triggerNode(parameters as NodeUnderTest['parameters']), staticData, mode }),
		parameters.event ?? 'newRecord',
	);
}

describe('OnlineERP Trigger, Compare Snapshots', () => {
	it('takes a baseline on the first poll and emits nothing', async () => {
		const staticData: IDataObject = {};
		const scope = erp().get(exactly(SNAPSHOT_QUERY)).reply(200, [c('1', 'A'), c('2', 'B')]);
		expect(await poll(SNAPSHOT, staticData)).toBeNull();
		scope.done();
		expect(kept(staticData, ['1', '2', '3'])).toEqual([true, true, false]);
	});

	it('shows up to 5 records in a manual run and leaves the state alone', async () => {
		const staticData: IDataObject = {};
		const list = Array.from({ length: 7 }, (_, k) => c(String(k), `N${k}`));
		const scope = erp().get(exactly(SNAPSHOT_QUERY)).reply(200, { value: list });
		const out = await poll(SNAPSHOT, staticData, 'manual');
		scope.done();
		expect(out?.[0].map((i) => i.json)).toEqual(list.slice(0, 5));
		expect(staticData).toEqual({});
	});

	it('emits new keys only, once, and waits the minimum interval between polls', async () => {
		const staticData: IDataObject = {};
		const scope = erp()
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A'), c('2', 'B')])
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A changed'), c('2', 'B'), c('3', 'C')])
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A changed'), c('2', 'B'), c('3', 'C')]);
		await poll(SNAPSHOT, staticData);
		now += 14 * MINUTE;
		expect(await poll(SNAPSHOT, staticData)).toBeNull(); // too soon: nothing sent
		now += MINUTE;
		const out = await poll(SNAPSHOT, staticData);
		expect(out?.[0].map((i) => i.json)).toEqual([c('3', 'C')]);
		now += 15 * MINUTE;
		expect(await poll(SNAPSHOT, staticData)).toBeNull(); // the same list again: nothing twice
		scope.done();
	});

	it('Updated Record emits known keys whose selected fields changed, not new ones', async () => {
		const params = { ...SNAPSHOT, event: 'updatedRecord' };
		const staticData: IDataObject = {};
		const scope = erp()
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A'), c('2', 'B')])
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A changed'), c('2', 'B'), c('3', 'C')])
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A'), c('2', 'B'), c('3', 'C')]);
		await poll(params, staticData);
		now += 15 * MINUTE;
		expect((await poll(params, staticData))?.[0].map((i) => i.json)).toEqual([c('1', 'A changed')]);
		now += 15 * MINUTE;
		// Changed back: still a change, reported again.
		expect((await poll(params, staticData))?.[0].map((i) => i.json)).toEqual([c('1', 'A')]);
		scope.done();
	});

	it('keeps the state when a poll fails (robot offline) and reports the change on the next poll', async () => {
		const staticData: IDataObject = {};
		const scope = erp()
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A')])
			.get(exactly(SNAPSHOT_QUERY))
			.reply(503, { Message: 'Robot not connected' })
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A'), c('2', 'B')]);
		await poll(SNAPSHOT, staticData);
		const before = cursorOf(staticData);
		now += 15 * MINUTE;
		await expect(poll(SNAPSHOT, staticData)).rejects.toThrow(
			"The OnlineERP robot at the customer's site did not answer (HTTP 503: Robot not connected)",
		);
		expect(cursorOf(staticData)).toBe(before);
		now += 15 * MINUTE; // the failed attempt counts: the next one waits the minimum interval
		expect((await poll(SNAPSHOT, staticData))?.[0].map((i) => i.json)).toEqual([c('2', 'B')]);
		scope.done();
	});

	it('takes a new baseline when the watched target changes (filter), sending the filter', async () => {
		const staticData: IDataObject = {};
		const filtered = "/api/Entity/Customer?$filter=NomClient%20ne%20%27%27&$select=NomClient%2CNoClient&$top=1000&$skip=0";
		const scope = erp()
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A')])
			.get(exactly(filtered))
			.reply(200, [c('1', 'A'), c('2', 'B')]);
		await poll(SNAPSHOT, staticData);
		now += 15 * MINUTE;
		expect(await poll({ ...SNAPSHOT, filter: "NomClient ne ''" }, staticData)).toBeNull();
		scope.done();
		expect(kept(staticData, ['1', '2'])).toEqual([true, true]);
	});

	it('fails, naming the field, when a record has no key, and keeps the state', async () => {
		const staticData: IDataObject = {};
		const scope = erp()
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [c('1', 'A')])
			.get(exactly(SNAPSHOT_QUERY))
			.reply(200, [{ NomClient: 'no key' }]);
		await poll(SNAPSHOT, staticData);
		const before = cursorOf(staticData);
		now += 15 * MINUTE;
		await expect(poll(SNAPSHOT, staticData)).rejects.toThrow('A record has no value in the Key Field "NoClient"');
		expect(cursorOf(staticData)).toBe(before);
		scope.done();
	});

	it('fails above Max Records per Poll, paging with $skip to find out', async () => {
		const staticData: IDataObject = {};
		const params = { ...SNAPSHOT, maxRecords: 3, options: { pageSize: 2 } };
		const scope = erp()
			.get(exactly('/api/Entity/Customer?$select=NomClient%2CNoClient&$top=2&$skip=0'))
			.reply(200, [c('1', 'A'), c('2', 'B')])
			.get(exactly('/api/Entity/Customer?$select=NomClient%2CNoClient&$top=2&$skip=2'))
			.reply(200, [c('3', 'C'), c('4', 'D')]);
		await expect(poll(params, staticData)).rejects.toThrow('More than 3 records match; add a Filter or raise the limit');
		expect((staticData.poll as IDataObject).state).toBeUndefined();
		scope.done();
	});

	it('reads every field when Select is empty, and a custom entity by name', async () => {
		const staticData: IDataObject = {};
		const scope = erp().get(exactly('/api/Entity/Supplier?$top=1000&$skip=0')).reply(200, [{ Code: 'F1' }]);
		await poll({ ...SNAPSHOT, entity: 'other', entityName: 'Supplier', keyField: 'Code', select: '' }, staticData);
		scope.done();
		expect(kept(staticData, ['F1'])).toEqual([true]);
	});
});

describe('OnlineERP Trigger, Watch a Date Field', () => {
	const DATE = {
		...SNAPSHOT,
		detection: 'dateField',
		dateField: 'DateModification',
		filter: 'EstActif eq true',
	};
	const BASELINE =
		'/api/Entity/Customer?$filter=EstActif%20eq%20true&$select=NomClient%2CNoClient%2CDateModification&$orderby=DateModification%20desc&$top=20';
	const since = (cursor: string) =>
		`/api/Entity/Customer?$filter=${encodeURIComponent(`(EstActif eq true) and (DateModification ge ${cursor})`).replace(/[()]/g, (ch) => (ch === '(' ? '%28' : '%29'))}&$select=NomClient%2CNoClient%2CDateModification&$orderby=DateModification&$top=1000&$skip=0`;

	it('places the cursor from the latest records, then asks only for records at or after it', async () => {
		const staticData: IDataObject = {};
		const t1 = '2024-05-01T10:00:00';
		const t2 = '2024-05-01T11:30:00';
		const scope = erp()
			.get(exactly(BASELINE))
			.reply(200, [c('2', 'B', { DateModification: t1 }), c('1', 'A', { DateModification: '2024-04-01T09:00:00' })])
			// The baseline reads the records at the latest date in full.
			.get(exactly(since(t1)))
			.reply(200, [c('2', 'B', { DateModification: t1 })])
			.get(exactly(since(t1)))
			.reply(200, [c('2', 'B', { DateModification: t1 }), c('3', 'C', { DateModification: t2 })])
			.get(exactly(since(t2)))
			.reply(200, [c('3', 'C', { DateModification: t2 })]);
		expect(await poll(DATE, staticData)).toBeNull();
		expect(staticData.poll).toMatchObject({ state: { at: t1 } });
		now += 15 * MINUTE;
		expect((await poll(DATE, staticData))?.[0].map((i) => i.json)).toEqual([c('3', 'C', { DateModification: t2 })]);
		now += 15 * MINUTE;
		// Idle: one request, the boundary record comes back and is not emitted again.
		expect(await poll(DATE, staticData)).toBeNull();
		scope.done();
		expect(staticData.poll).toMatchObject({ state: { at: t2 } });
	});

	it('Updated Record also reports a record changed again within the same timestamp', async () => {
		const staticData: IDataObject = {};
		const params = { ...DATE, event: 'updatedRecord' };
		const day = '2024-05-01';
		const scope = erp()
			.get(exactly(BASELINE))
			.reply(200, [c('2', 'B', { DateModification: day })])
			.get(exactly(since(day)))
			.reply(200, [c('2', 'B', { DateModification: day })])
			.get(exactly(since(day)))
			.reply(200, [c('2', 'B2', { DateModification: day })]);
		await poll(params, staticData);
		now += 15 * MINUTE;
		expect((await poll(params, staticData))?.[0].map((i) => i.json)).toEqual([c('2', 'B2', { DateModification: day })]);
		scope.done();
	});

	it('New Record does not report a boundary record whose fields changed', async () => {
		const staticData: IDataObject = {};
		const day = '2024-05-01';
		const scope = erp()
			.get(exactly(BASELINE))
			.reply(200, [c('2', 'B', { DateModification: day })])
			.get(exactly(since(day)))
			.reply(200, [c('2', 'B', { DateModification: day })])
			.get(exactly(since(day)))
			.reply(200, [c('2', 'B2', { DateModification: day }), c('5', 'E', { DateModification: day })]);
		await poll(DATE, staticData);
		now += 15 * MINUTE;
		expect((await poll(DATE, staticData))?.[0].map((i) => i.json)).toEqual([c('5', 'E', { DateModification: day })]);
		scope.done();
	});

	it('does not report old records sharing the latest date when more of them exist than the first read returned', async () => {
		// 25 invoices dated the same day; the newest-first read returns only 20 of them.
		const staticData: IDataObject = {};
		const day = '2024-05-01';
		const sameDay = Array.from({ length: 25 }, (_, k) => c(String(100 + k), `N${k}`, { DateModification: day }));
		const scope = erp()
			.get(exactly(BASELINE))
			.reply(200, sameDay.slice(0, 20))
			.get(exactly(since(day)))
			.reply(200, sameDay)
			.get(exactly(since(day)))
			.reply(200, [...sameDay, c('200', 'New', { DateModification: day })]);
		expect(await poll(DATE, staticData)).toBeNull();
		now += 15 * MINUTE;
		expect((await poll(DATE, staticData))?.[0].map((i) => i.json.NoClient)).toEqual(['200']);
		scope.done();
	});

	it('places the cursor at the true latest date when the ERP ignores $orderby desc', async () => {
		const staticData: IDataObject = {};
		const old = c('1', 'A', { DateModification: '2024-01-01T08:00:00' });
		const newest = c('9', 'Z', { DateModification: '2024-05-01T09:00:00' });
		const scope = erp()
			.get(exactly(BASELINE))
			.reply(200, [old])
			.get(exactly(since('2024-01-01T08:00:00')))
			.reply(200, [old, newest])
			.get(exactly(since('2024-05-01T09:00:00')))
			.reply(200, [newest]);
		expect(await poll(DATE, staticData)).toBeNull();
		expect(staticData.poll).toMatchObject({ state: { at: '2024-05-01T09:00:00' } });
		now += 15 * MINUTE;
		expect(await poll(DATE, staticData)).toBeNull();
		scope.done();
	});

	it('keeps the cursor when a poll fails (robot offline), then reports what came meanwhile', async () => {
		const staticData: IDataObject = {};
		const t1 = '2024-05-01T10:00:00';
		const scope = erp()
			.get(exactly(BASELINE))
			.reply(200, [c('2', 'B', { DateModification: t1 })])
			.get(exactly(since(t1)))
			.reply(200, [c('2', 'B', { DateModification: t1 })])
			.get(exactly(since(t1)))
			.reply(504, '')
			.get(exactly(since(t1)))
			.reply(200, [c('2', 'B', { DateModification: t1 }), c('3', 'C', { DateModification: '2024-05-01T12:00:00' })]);
		await poll(DATE, staticData);
		const before = cursorOf(staticData);
		now += 15 * MINUTE;
		await expect(poll(DATE, staticData)).rejects.toThrow("The OnlineERP robot at the customer's site did not answer (HTTP 504)");
		expect(cursorOf(staticData)).toBe(before);
		now += 15 * MINUTE;
		expect((await poll(DATE, staticData))?.[0].map((i) => i.json.NoClient)).toEqual(['3']);
		scope.done();
	});

	it('reads everything after an empty baseline, and shows the latest records in a manual run', async () => {
		const staticData: IDataObject = {};
		const all = '/api/Entity/Customer?$filter=EstActif%20eq%20true&$select=NomClient%2CNoClient%2CDateModification&$orderby=DateModification&$top=1000&$skip=0';
		const scope = erp()
			.get(exactly(BASELINE))
			.reply(200, [])
			.get(exactly(all))
			.reply(200, [c('1', 'A', { DateModification: '2024-05-02' })])
			.get(exactly(BASELINE))
			.reply(200, [c('1', 'A', { DateModification: '2024-05-02' })]);
		await poll(DATE, staticData);
		now += 15 * MINUTE;
		expect((await poll(DATE, staticData))?.[0]).toHaveLength(1);
		const before = JSON.stringify(staticData);
		expect((await poll(DATE, staticData, 'manual'))?.[0].map((i) => i.json.NoClient)).toEqual(['1']);
		expect(JSON.stringify(staticData)).toBe(before);
		scope.done();
	});

	it('refuses a date field value that is not an ISO date', async () => {
		const staticData: IDataObject = {};
		const scope = erp().get(exactly(BASELINE)).reply(200, [c('1', 'A', { DateModification: '01/05/2024' })]);
		await expect(poll(DATE, staticData)).rejects.toThrow(
			'The Date Field "DateModification" holds "01/05/2024", which is not an ISO date',
		);
		expect((staticData.poll as IDataObject).state).toBeUndefined();
		scope.done();
	});
});

describe('OnlineERP Trigger, robot offline or slow', () => {
	it('keeps to its minimum interval while the robot is offline: every attempt counts, failures back off', async () => {
		const staticData: IDataObject = {};
		const first = erp().get(exactly(SNAPSHOT_QUERY)).reply(200, [c('1', 'A')]);
		await poll(SNAPSHOT, staticData);
		first.done();
		// Polled every minute for 98 minutes with the robot offline: attempts at +15, +30, +60 only.
		const offline = erp().get(exactly(SNAPSHOT_QUERY)).times(3).reply(503, { Message: 'Robot not connected' });
		let failed = 0;
		for (let minute = 1; minute <= 98; minute++) {
			now += MINUTE;
			await poll(SNAPSHOT, staticData).catch(() => failed++);
		}
		offline.done();
		expect(failed).toBe(3);
		// Back online: the next attempt (two hours after the last failure at most) reports the change once.
		const back = erp().get(exactly(SNAPSHOT_QUERY)).reply(200, [c('1', 'A'), c('2', 'B')]);
		now += 60 * MINUTE;
		expect((await poll(SNAPSHOT, staticData))?.[0].map((i) => i.json.NoClient)).toEqual(['2']);
		back.done();
	});

	it('emits a new record once when polls overlap a slow robot (the second poll sends nothing)', async () => {
		const staticData: IDataObject = {};
		const first = erp().get(exactly(SNAPSHOT_QUERY)).reply(200, [c('1', 'A')]);
		await poll(SNAPSHOT, staticData);
		first.done();
		now += 15 * MINUTE;
		const slow = erp().get(exactly(SNAPSHOT_QUERY)).delay(200).reply(200, [c('1', 'A'), c('2', 'B')]);
		const results = await Promise.all([poll(SNAPSHOT, staticData), poll(SNAPSHOT, staticData), poll(SNAPSHOT, staticData)]);
		slow.done();
		expect(results.filter(Boolean).flatMap((r) => r![0].map((i) => i.json.NoClient))).toEqual(['2']);
	});
});
