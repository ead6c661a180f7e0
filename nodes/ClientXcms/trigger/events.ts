import type { IDataObject } from 'n8n-workflow';

import { recordHash } from '../../shared';
import { customer, SERVICE_STATUSES, type ResourceDef } from '../resources';
import type { Envelope } from '../transport/pagination';

export type ClientXcmsEvent =
	| 'newCustomer'
	| 'customerUpdated'
	| 'newService'
	| 'serviceStatusChanged'
	| 'serviceEvent'
	| 'newInvoice'
	| 'invoicePaid'
	| 'invoiceUpdated'
	| 'newTicket'
	| 'ticketUpdated'
	| 'newLog';

export const SERVICE_LOG_ACTIONS = [
	'service_delivered',
	'service_suspended',
	'service_unsuspended',
	'service_expired',
	'service_cancelled',
	'service_uncancelled',
	'service_renewed',
];

/** What the user chose besides the event: part of the watched target. */
export interface EventParams {
	statuses: string[];
	actions: string[];
	includeNewCustomers: boolean;
}

/**
 * How an event reads ClientXCMS: the list, its server-side order, and the cursor kind.
 * `id`: highest id seen (new records). `time`: (updated_at, ids at that instant) for changes.
 * `hash`: id → record fingerprint, for customers whose updated_at is hidden from the JSON.
 */
export interface EventSpec {
	path: string;
	envelope: Envelope;
	sort: string;
	cursor: 'id' | 'time' | 'hash';
	query?: (p: EventParams) => Record<string, string>;
	/** Exact re-check of what the server filtered by substring. */
	keep?: (item: IDataObject, p: EventParams) => boolean;
	def?: ResourceDef;
	/**
	 * The baseline reads every page (up to the page cap), not just the first: the event compares
	 * with what each record was at activation (service statuses, invoices already paid).
	 */
	fullBaseline?: boolean;
}

export const EVENTS: Record<ClientXcmsEvent, EventSpec> = {
	newCustomer: { path: '/customers', envelope: 'A', sort: '-id', cursor: 'id', def: customer },
	customerUpdated: { path: '/customers', envelope: 'A', sort: '-updated_at,-id', cursor: 'hash', def: customer },
	newService: { path: '/services', envelope: 'A', sort: '-id', cursor: 'id' },
	// No status filter server-side: the status map must see every update to know the previous status.
	serviceStatusChanged: { path: '/services', envelope: 'A', sort: '-updated_at,-id', cursor: 'time', fullBaseline: true },
	serviceEvent: {
		path: '/logs',
		envelope: 'B',
		sort: '-id',
		cursor: 'id',
		query: (p) => ({ 'filter[action]': p.actions.join(',') }),
		keep: (item, p) => p.actions.includes(String(item.action)),
	},
	newInvoice: { path: '/invoices', envelope: 'A', sort: '-id', cursor: 'id' },
	invoicePaid: {
		path: '/invoices',
		envelope: 'A',
		sort: '-updated_at,-id',
		cursor: 'time',
		query: () => ({ 'filter[status]': 'paid' }),
		keep: (item) => item.status === 'paid',
		fullBaseline: true,
	},
	invoiceUpdated: { path: '/invoices', envelope: 'A', sort: '-updated_at,-id', cursor: 'time' },
	newTicket: { path: '/tickets', envelope: 'B', sort: '-id', cursor: 'id' },
	ticketUpdated: { path: '/tickets', envelope: 'B', sort: '-updated_at,-id', cursor: 'time' },
	newLog: {
		path: '/logs',
		envelope: 'B',
		sort: '-id',
		cursor: 'id',
		query: (p): Record<string, string> => (p.actions.length ? { 'filter[action]': p.actions.join(',') } : {}),
		keep: (item, p) => !p.actions.length || p.actions.includes(String(item.action)),
	},
};

export const ALL_SERVICE_STATUSES = SERVICE_STATUSES;

const NO_PARAMS: EventParams = { statuses: [], actions: [], includeNewCustomers: false };

/** Bounded memories (ids of paid invoices already emitted, customer hashes, service statuses). */
export const MEMORY = 5000;

export interface TriggerState {
	maxId?: number;
	time?: number;
	/** Ids whose updated_at equals `time` (several records can change in the same second). */
	ids?: number[];
	/** invoicePaid: invoices already emitted, so a later edit of a paid invoice does not fire again. */
	emitted?: number[];
	/** serviceStatusChanged: last known status per service id. */
	statuses?: Record<string, string>;
	/** customerUpdated: [id, hash] pairs, most recent last. */
	hashes?: Array<[number, string]>;
}

export function idOf(item: IDataObject): number {
	return Number(item.id);
}

export function timeOf(item: IDataObject): number {
	const t = Date.parse(String(item.updated_at ?? ''));
	return Number.isNaN(t) ? 0 : t;
}

export function hashOf(item: IDataObject): string {
	return recordHash(item);
}

function bounded<T>(list: T[]): T[] {
	return list.length > MEMORY ? list.slice(list.length - MEMORY) : list;
}

function boundedRecord(record: Record<string, string>): Record<string, string> {
	const keys = Object.keys(record);
	if (keys.length <= MEMORY) return record;
	return Object.fromEntries(keys.slice(keys.length - MEMORY).map((k) => [k, record[k]]));
}

/** Whether a page read newest-first has reached what the state already covers. */
export function reachedCursor(spec: EventSpec, state: TriggerState, page: IDataObject[]): boolean {
	if (spec.cursor === 'id') return page.some((i) => idOf(i) <= (state.maxId ?? 0));
	if (spec.cursor === 'time') return page.some((i) => timeOf(i) < (state.time ?? 0));
	// Newest first: below a customer unchanged since the last poll, nothing changed since either.
	const known = new Map(state.hashes ?? []);
	return page.some((i) => known.get(idOf(i)) === hashOf(i));
}

/** State from the first page of an activation: nothing is emitted for what already exists. */
export function baselineState(spec: EventSpec, items: IDataObject[]): TriggerState {
	const maxId = items.reduce((m, i) => Math.max(m, idOf(i)), 0);
	if (spec.cursor === 'id') return { maxId };
	if (spec.cursor === 'hash') return { maxId, hashes: bounded(items.map((i): [number, string] => [idOf(i), hashOf(i)]).reverse()) };
	const time = items.reduce((m, i) => Math.max(m, timeOf(i)), 0);
	return {
		time,
		ids: items.filter((i) => timeOf(i) === time).map(idOf),
		// Invoice Paid: invoices already paid at activation are not "newly paid" when edited later.
		emitted: spec.fullBaseline && spec.keep ? bounded(items.filter((i) => spec.keep!(i, NO_PARAMS)).map(idOf)) : [],
		statuses: Object.fromEntries(items.map((i) => [String(idOf(i)), String(i.status ?? '')])),
	};
}

export interface Change {
	item: IDataObject;
	extra: IDataObject;
}

function oldestFirst(a: IDataObject, b: IDataObject): number {
	return timeOf(a) - timeOf(b) || idOf(a) - idOf(b);
}

/** Changes since `state` in the items read (newest first), oldest first, and the next state. */
export function changesSince(
	event: ClientXcmsEvent,
	items: IDataObject[],
	state: TriggerState,
	params: EventParams,
): { changes: Change[]; state: TriggerState } {
	const spec = EVENTS[event];
	const keep = (i: IDataObject) => !spec.keep || spec.keep(i, params);

	if (spec.cursor === 'id') {
		const maxId = state.maxId ?? 0;
		const fresh = items.filter((i) => idOf(i) > maxId);
		return {
			changes: fresh.filter(keep).sort((a, b) => idOf(a) - idOf(b)).map((item) => ({ item, extra: {} })),
			state: { maxId: fresh.reduce((m, i) => Math.max(m, idOf(i)), maxId) },
		};
	}

	if (spec.cursor === 'hash') {
		const known = new Map(state.hashes ?? []);
		const maxId = state.maxId ?? 0;
		// Newest first, a customer unchanged since the last poll marks where the changes end: the
		// customers below it were updated before it and were simply never fingerprinted (only the
		// first page is at baseline, and the memory is bounded). They are remembered, not emitted;
		// one whose known fingerprint differs is still a change (same-second ties).
		let reachedUnchanged = false;
		const changed = new Set<IDataObject>();
		for (const item of items) {
			const previous = known.get(idOf(item));
			const hash = hashOf(item);
			if (previous === hash) reachedUnchanged = true;
			else if (previous !== undefined || !reachedUnchanged) changed.add(item);
		}
		const changes: Change[] = [];
		for (const item of [...items].reverse()) {
			const hash = hashOf(item);
			if (known.get(idOf(item)) === hash) continue;
			known.delete(idOf(item));
			known.set(idOf(item), hash);
			if (!changed.has(item)) continue;
			const created = idOf(item) > maxId;
			if (!created || params.includeNewCustomers) changes.push({ item, extra: { _change: created ? 'created' : 'updated' } });
		}
		return {
			changes,
			state: { maxId: items.reduce((m, i) => Math.max(m, idOf(i)), maxId), hashes: bounded([...known.entries()]) },
		};
	}

	const cursorTime = state.time ?? 0;
	const cursorIds = new Set(state.ids ?? []);
	const fresh = items
		.filter((i) => timeOf(i) > cursorTime || (timeOf(i) === cursorTime && !cursorIds.has(idOf(i))))
		.sort(oldestFirst);
	const newest = fresh.reduce((m, i) => Math.max(m, timeOf(i)), cursorTime);
	const ids = fresh.filter((i) => timeOf(i) === newest).map(idOf);
	const next: TriggerState = {
		time: newest,
		ids: newest === cursorTime ? [...cursorIds, ...ids] : ids,
		emitted: state.emitted ?? [],
		statuses: { ...(state.statuses ?? {}) },
	};
	const changes: Change[] = [];
	for (const item of fresh) {
		if (!keep(item)) continue;
		const key = String(idOf(item));
		if (event === 'invoicePaid') {
			if (next.emitted!.includes(idOf(item))) continue;
			next.emitted!.push(idOf(item));
		}
		if (event === 'serviceStatusChanged') {
			const previous = next.statuses![key];
			const status = String(item.status ?? '');
			delete next.statuses![key];
			next.statuses![key] = status;
			if (previous === status) continue;
			if (params.statuses.length && !params.statuses.includes(status)) continue;
			changes.push({ item, extra: { _previousStatus: previous ?? null } });
			continue;
		}
		changes.push({ item, extra: {} });
	}
	next.emitted = bounded(next.emitted!);
	next.statuses = boundedRecord(next.statuses!);
	return { changes, state: next };
}
