import type { IDataObject } from 'n8n-workflow';

import { onlineErpEvents } from '../../nodes/OnlineErp/trigger/events';
import { clock } from '../../nodes/shared';
import type { EventCase, TriggerUnderTest } from '../harness/trigger-scenarios';
import { startOnlineErpSandbox, type OnlineErpSandbox } from '../sandbox/onlineErp';

const customer = (sim: OnlineErpSandbox, fields: IDataObject) => void sim.upsert('0', 'Customer', fields);
const PATH = '/api/Entity/Customer';

export function onlineErpCaseList(): Array<EventCase<OnlineErpSandbox>> {
	const common = {
		faults: {
			failFirstRequest: () => ({ status: 503, path: PATH, body: { Message: 'Robot not connected' } }),
			// Pages of 2 records: the second request is a middle page.
			failMiddlePage: () => ({ status: 503, path: PATH, after: 1, body: { Message: 'Robot not connected' } }),
		},
		notApplicable: { failDetail: 'one list request per page: no detail requests' },
	};
	return [
		{
			event: 'newRecord',
			...common,
			change: (sim, n) => customer(sim, { NoClient: `20${n}`, NomClient: `New ${n}`, EstActif: true }),
			again: (sim) => customer(sim, { NoClient: '201', NomClient: 'New 1 renamed' }),
			expect: (items, after) =>
				expect(items).toEqual([expect.objectContaining({ NoClient: '201', NomClient: after === 'once' ? 'New 1' : 'New 1 renamed' })]),
		},
		{
			event: 'updatedRecord',
			...common,
			change: (sim) => customer(sim, { NoClient: '1002', NomClient: 'Renamed' }),
			again: (sim) => customer(sim, { NoClient: '1002', NomClient: 'Renamed again' }),
			expect: (items, after) =>
				expect(items).toEqual([expect.objectContaining({ NoClient: '1002', NomClient: after === 'once' ? 'Renamed' : 'Renamed again' })]),
		},
	];
}

export const onlineErpTrigger = (detection: string): TriggerUnderTest<OnlineErpSandbox> => ({
	type: 'onlineErpTrigger',
	credentialType: 'onlineErpApi',
	events: onlineErpEvents,
	start: async () => await startOnlineErpSandbox({ now: () => clock.now() }),
	empty: (sim) => void sim.records('0', 'Customer').splice(0),
	reset: (sim) => sim.reset(),
	parameters: {
		entity: 'Customer',
		detection,
		keyField: 'NoClient',
		...(detection === 'dateField' ? { dateField: 'DateModification' } : {}),
		select: 'NoClient,NomClient,EstActif',
		minMinutes: 15,
		options: { pageSize: 2 },
	},
});

export const onlineErpCases = onlineErpCaseList();
