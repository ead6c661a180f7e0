import { clientXcmsEvents } from '../../nodes/ClientXcms/trigger/events';
import { onlineErpEvents } from '../../nodes/OnlineErp/trigger/events';
import { shopApplicationEvents } from '../../nodes/ShopApplication/trigger/events';
import { telestoEvents } from '../../nodes/Telesto/trigger/events';
import { clientXcmsCases } from '../clientXcms/trigger.cases';
import { cellOf, missingCells, SCENARIOS, type EventCase } from '../harness/trigger-scenarios';
import { onlineErpCases } from '../onlineErp/trigger.cases';
import type { StartedSimulator } from '../sandbox/types';
import { shopApplicationCases } from '../shopApplication/trigger.cases';
import { telestoCases } from '../telesto/trigger.cases';

const TABLES = [
	['Telesto', telestoEvents, telestoCases],
	['Shop Application', shopApplicationEvents, shopApplicationCases],
	['ClientXCMS', clientXcmsEvents, clientXcmsCases],
	['OnlineERP', onlineErpEvents, onlineErpCases],
] as const;

describe('trigger scenario table (event × scenario)', () => {
	it.each(TABLES)('%s: every event has every scenario tested or ruled out with a reason', (_name, events, cases) => {
		expect(missingCells(events, cases as Array<EventCase<StartedSimulator>>)).toEqual([]);
		for (const c of cases as Array<EventCase<StartedSimulator>>) expect(Object.keys(events)).toContain(c.event);
	});

	it('finds a hole: an event without a case, and a failure scenario with neither fault nor reason', () => {
		const [, events, cases] = TABLES[0];
		const partial = (cases as Array<EventCase<StartedSimulator>>).slice(1).map((c, n) =>
			n === 0 ? { ...c, faults: {}, notApplicable: {} } : c,
		);
		const holes = missingCells(events, partial);
		expect(holes).toEqual(expect.arrayContaining(SCENARIOS.map((s) => `newProduct × ${s}`)));
		expect(holes).toEqual(expect.arrayContaining(['productUpdated × failFirstRequest', 'productUpdated × failDetail']));
	});

	it('rules a scenario out only with a reason', () => {
		const c = (telestoCases as Array<EventCase<StartedSimulator>>)[0];
		expect(cellOf(c, 'failMiddlePage')).toMatch(/^n\/a: .{10,}/);
		expect(cellOf(c, 'overlap')).toBe('tested');
	});
});
