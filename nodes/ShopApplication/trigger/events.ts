import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { toList, type EventTable } from '../../shared';
import { DEFAULT_MAX_CHECKS, type ShopApplicationEvent, type StatusEvent } from './fields';
import { newInterfacePoll, statusPoll } from './interfaces';
import { newPrestationPoll, prestationPoll } from './prestations';

const INTERFACE: IDataObject = {
	key: 'shop-example',
	date_creation: '2024-01-15 10:30:00',
	statut: 1,
	url: 'https://shop.example.com',
	url_administration: 'https://shop.example.com/superadmin/',
	status_label: 'active',
};
const OCCURRENCE: IDataObject = { key: 'shop-example', code: 'PACK-SEO', reference_unique: 'R-0001', resilie: false };
const STATUS_LABELS: Record<number, string> = { 0: 'deleted', 1: 'active', 2: 'deactivated', 3: 'installing' };

function maxChecks(ctx: IPollFunctions): number {
	return Math.max(1, Math.floor(Number(ctx.getNodeParameter('maxChecks', DEFAULT_MAX_CHECKS)) || 1));
}

function statusRow(event: StatusEvent, emits: string, from: number, to: number): EventTable[string] {
	return {
		fetches: 'GET /interfaces + GET /interfaces/{key} for new, moving, unread and Max Rotating Checks keys in turn',
		strategy: 'rotation',
		emits,
		example: {
			...INTERFACE,
			statut: to,
			status_label: STATUS_LABELS[to],
			previous_statut: from,
			previous_status_label: STATUS_LABELS[from],
		},
		define: (ctx) =>
			statusPoll(ctx, {
				event,
				onlyTo: event === 'interfaceStatusChanged' ? toList(ctx.getNodeParameter('statuses', [])).map(Number) : [],
				maxChecks: maxChecks(ctx),
			}),
	};
}

function prestationRow(event: 'prestationAdded' | 'prestationTerminated', emits: string): EventTable[string] {
	return {
		fetches: 'GET /interfaces/{key}/prestations (+ /{code} for changed codes) for Max Interfaces Checked keys in turn',
		strategy: 'rotation',
		emits,
		example: { ...OCCURRENCE, resilie: event === 'prestationTerminated' },
		define: (ctx) => {
			const selected =
				ctx.getNodeParameter('watch', 'all') === 'selected'
					? [...new Set(toList(ctx.getNodeParameter('interfaceKeys', [])))]
					: undefined;
			if (selected && !selected.length) {
				throw new NodeOperationError(ctx.getNode(), 'No interface selected in "Interface Names or IDs"', {
					description: 'Select the interfaces to watch, or watch all interfaces.',
				});
			}
			return prestationPoll(ctx, { event, selected, maxChecks: maxChecks(ctx) });
		},
	};
}

/** Shop Application Trigger events. */
export const shopApplicationEvents: EventTable<ShopApplicationEvent> = {
	newInterface: {
		fetches: 'GET /interfaces + GET /interfaces/{key} per new key',
		strategy: 'snapshot',
		emits: 'a key not seen before: { key, …details, status_label }',
		example: INTERFACE,
		define: newInterfacePoll,
	},
	interfaceInstalled: statusRow('interfaceInstalled', 'statut 3 → 1', 3, 1),
	deletionRequested: statusRow('deletionRequested', 'statut → 2', 1, 2),
	interfaceDeleted: statusRow('interfaceDeleted', 'statut → 0', 2, 0),
	interfaceReactivated: statusRow('interfaceReactivated', 'statut 2 → 1', 2, 1),
	interfaceStatusChanged: statusRow('interfaceStatusChanged', 'any statut change (optionally to chosen statuses)', 3, 1),
	prestationAdded: prestationRow('prestationAdded', 'an active occurrence (reference_unique) not seen before'),
	prestationTerminated: prestationRow('prestationTerminated', 'an occurrence that was active is terminated or gone'),
	newPrestation: {
		fetches: 'GET /prestations + GET /prestation/{code} per new code',
		strategy: 'snapshot',
		emits: 'a catalogue code not seen before: its details',
		example: { code: 'PACK-SEO', nom: 'SEO pack', prix: 49, prestations_associees: [] },
		define: newPrestationPoll,
	},
};
