import { NodeApiError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import {
	collect,
	idBaseline,
	idChanges,
	idReached,
	definePoll,
	request,
	Snapshot,
	timeBaseline,
	timeChanges,
	timeReached,
	toList,
	type EventTable,
	type IdState,
	type TimeSpec,
	type TimeState,
} from '../../shared';
import { redact } from '../helpers/records';
import { customer, SERVICE_STATUSES, type ResourceDef } from '../resources';
import { clientXcmsProfile } from '../transport';
import { paginatorFor, type Envelope } from '../transport/pagination';

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

const PAGE_SIZE = 50;
const SAMPLE_SIZE = 5;
const MAX_PAGES = 50;
/** Customer changes are found by fingerprint, page by page: bounded tighter. */
const MAX_HASH_PAGES = 10;
const STATE_VERSION = 2;

/** What the user chose besides the event: part of the watched target. */
export interface EventParams {
	statuses: string[];
	actions: string[];
	includeNewCustomers: boolean;
}

/**
 * How an event reads ClientXCMS: the list, its server-side order, and the cursor kind.
 * `id`: highest id seen (new records). `time`: updated_at and the records at that instant.
 * `hash`: fingerprint of every customer, whose updated_at is hidden from the JSON.
 */
interface EventSpec {
	path: string;
	envelope: Envelope;
	sort: string;
	cursor: 'id' | 'time' | 'hash';
	query?: (p: EventParams) => Record<string, string>;
	/** Exact re-check of what the server filtered by substring. */
	keep?: (item: IDataObject, p: EventParams) => boolean;
	def?: ResourceDef;
	/** The baseline reads every page (up to the cap): the event compares with what each record was at activation. */
	fullBaseline?: boolean;
}

export const SPECS: Record<ClientXcmsEvent, EventSpec> = {
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

export interface TriggerState extends Partial<IdState>, Partial<TimeState> {
	/** invoicePaid: key-only `Snapshot` text of invoices already emitted (or paid at activation). */
	emitted?: string;
	/** serviceStatusChanged: `Snapshot` text, memo = last known status per service. */
	statuses?: string;
	/** customerUpdated: `Snapshot` text, value = fingerprint of each customer. */
	hashes?: string;
}

export const idOf = (item: IDataObject): number => Number(item.id);
export const timeOf = (item: IDataObject): number => {
	const t = Date.parse(String(item.updated_at ?? ''));
	return Number.isNaN(t) ? 0 : t;
};

const TIME: TimeSpec<IDataObject> = {
	time: (i) => String(i.updated_at ?? ''),
	compare: (a, b) => {
		const ta = Date.parse(a);
		const tb = Date.parse(b);
		return (Number.isNaN(ta) ? 0 : ta) - (Number.isNaN(tb) ? 0 : tb);
	},
	key: (i) => String(idOf(i)),
};
const HASHES = { key: (i: IDataObject) => String(idOf(i)), value: (i: IDataObject) => i };
/** A known status kept as its index (one character), any other as text after `=`. */
const statusMemo = (status: string): string => {
	const n = SERVICE_STATUSES.indexOf(status);
	return n >= 0 ? String(n) : `=${status}`;
};
const statusFromMemo = (memo: string): string => (memo.startsWith('=') ? memo.slice(1) : (SERVICE_STATUSES[Number(memo)] ?? memo));
const STATUSES = { key: (i: IDataObject) => String(idOf(i)), memo: (i: IDataObject) => statusMemo(String(i.status ?? '')) };
const IDS = { key: (i: IDataObject) => String(idOf(i)) };

/** Whether a page read newest first has reached what the state already covers. */
function reachedCursor(spec: EventSpec, state: TriggerState, page: IDataObject[]): boolean {
	if (spec.cursor === 'id') return idReached(page, { maxId: state.maxId ?? 0 }, idOf);
	if (spec.cursor === 'time') return timeReached(page, { at: state.at, boundary: state.boundary ?? '' }, TIME);
	// Newest first: below a customer unchanged since the last poll, nothing changed since either.
	const known = Snapshot.parse(state.hashes);
	return page.some((i) => known.has(String(idOf(i))) && !known.changed(i, HASHES));
}

/** State from an activation's read: nothing is emitted for what already exists. */
export function baselineState(spec: EventSpec, items: IDataObject[]): TriggerState {
	if (spec.cursor === 'id') return idBaseline(items, idOf);
	if (spec.cursor === 'hash') return { ...idBaseline(items, idOf), hashes: Snapshot.of(items, HASHES).toString() };
	return {
		...timeBaseline(items, TIME),
		// Invoice Paid: invoices already paid at activation are not "newly paid" when edited later.
		...(spec === SPECS.invoicePaid ? { emitted: Snapshot.of(items.filter((i) => spec.keep!(i, NO_PARAMS)), IDS).toString() } : {}),
		...(spec === SPECS.serviceStatusChanged ? { statuses: Snapshot.of(items, STATUSES).toString() } : {}),
	};
}

const NO_PARAMS: EventParams = { statuses: [], actions: [], includeNewCustomers: false };

export interface Change {
	item: IDataObject;
	extra: IDataObject;
}

/** Changes since `state` in the items read (newest first), oldest first, and the next state. */
export function changesSince(
	event: ClientXcmsEvent,
	items: IDataObject[],
	state: TriggerState,
	params: EventParams,
): { changes: Change[]; state: TriggerState } {
	const spec = SPECS[event];
	const keep = (i: IDataObject) => !spec.keep || spec.keep(i, params);

	if (spec.cursor === 'id') {
		const { fresh, next } = idChanges(items, { maxId: state.maxId ?? 0 }, idOf);
		return { changes: fresh.filter(keep).map((item) => ({ item, extra: {} })), state: next };
	}

	if (spec.cursor === 'hash') {
		const known = Snapshot.parse(state.hashes);
		const maxId = state.maxId ?? 0;
		// Newest first, a customer unchanged since the last poll marks where the changes end: the
		// customers below it were updated before it and were simply never fingerprinted. They are
		// remembered, not emitted; one whose known fingerprint differs is still a change.
		let reachedUnchanged = false;
		const changed = new Set<IDataObject>();
		for (const item of items) {
			const seen = known.has(String(idOf(item)));
			if (seen && !known.changed(item, HASHES)) reachedUnchanged = true;
			else if (seen || !reachedUnchanged) changed.add(item);
		}
		const changes: Change[] = [];
		for (const item of [...items].reverse()) {
			known.put(String(idOf(item)), known.entryOf(item, HASHES));
			if (!changed.has(item)) continue;
			const created = idOf(item) > maxId;
			if (!created || params.includeNewCustomers) changes.push({ item, extra: { _change: created ? 'created' : 'updated' } });
		}
		return { changes, state: { maxId: Math.max(maxId, idBaseline(items, idOf).maxId), hashes: known.toString() } };
	}

	const { fresh, next } = timeChanges(items, { at: state.at, boundary: state.boundary ?? '' }, TIME);
	const emitted = Snapshot.parse(state.emitted ?? Snapshot.of([], IDS).toString());
	const statuses = Snapshot.parse(state.statuses ?? Snapshot.of([], STATUSES).toString());
	const memoOf = (key: string) => statuses.get(key)?.memo;
	const changes: Change[] = [];
	for (const item of fresh) {
		if (!keep(item)) continue;
		const key = String(idOf(item));
		if (event === 'invoicePaid') {
			if (emitted.has(key)) continue;
			emitted.put(key, { value: '', memo: '' });
		}
		if (event === 'serviceStatusChanged') {
			const memo = memoOf(key);
			const previous = memo === undefined ? undefined : statusFromMemo(memo);
			const status = String(item.status ?? '');
			statuses.put(key, { value: '', memo: statusMemo(status) });
			// A service never seen (beyond the activation's pages) has no known previous status:
			// it is learned now; its next status change fires.
			if (previous === undefined || previous === status) continue;
			if (params.statuses.length && !params.statuses.includes(status)) continue;
			changes.push({ item, extra: { _previousStatus: previous } });
			continue;
		}
		changes.push({ item, extra: {} });
	}
	return {
		changes,
		state: {
			...next,
			...(event === 'invoicePaid' ? { emitted: emitted.toString() } : {}),
			...(event === 'serviceStatusChanged' ? { statuses: statuses.toString() } : {}),
		},
	};
}

/** GET /services/{id}; a service deleted since the log entry is reported as null. */
async function serviceOrNull(ctx: IPollFunctions, id: string): Promise<IDataObject | null> {
	try {
		const body = (await request(ctx, clientXcmsProfile, { method: 'GET', path: `/services/${id}` })) as IDataObject;
		return ((body?.data as IDataObject[] | undefined) ?? [])[0] ?? null;
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return null;
		// Already a NodeApiError built by the transport.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
}

interface Fetched {
	items: IDataObject[];
	services: Record<string, IDataObject | null>;
}

function define(event: ClientXcmsEvent, ctx: IPollFunctions) {
	const spec = SPECS[event];
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const logAction = event === 'newLog' ? String(ctx.getNodeParameter('logAction', '')).trim() : '';
	const params: EventParams = {
		statuses: event === 'serviceStatusChanged' ? toList(ctx.getNodeParameter('statuses', [])) : [],
		actions: event === 'serviceEvent' ? toList(ctx.getNodeParameter('actions', [])) : logAction ? [logAction] : [],
		includeNewCustomers: options.includeNewCustomers === true,
	};
	const includeService = event === 'serviceEvent' && options.includeService === true;
	const output = (item: IDataObject, extra: IDataObject, services: Record<string, IDataObject | null>): IDataObject => {
		const record = spec.def ? redact(spec.def, item, options.includeSensitive === true) : item;
		const service = includeService ? services[String(item.model_id)] : undefined;
		return { ...record, ...extra, ...(includeService ? { service: service ?? null } : {}) };
	};
	// What an emission carries besides the record (null: unknown in a sample).
	const sampleExtra: IDataObject =
		event === 'serviceStatusChanged' ? { _previousStatus: null } : event === 'customerUpdated' ? { _change: 'updated' } : {};

	// GET <list>?sort=<newest first>&per_page=50: an idle poll reads one page (one request).
	const fetch = async (previous: TriggerState | undefined): Promise<Fetched> => {
		const fullBaseline = !previous && spec.fullBaseline === true && ctx.getMode() !== 'manual';
		const maxPages = previous ? (spec.cursor === 'hash' ? MAX_HASH_PAGES : MAX_PAGES) : fullBaseline ? MAX_PAGES : 1;
		const items = await collect(
			ctx,
			clientXcmsProfile,
			{ method: 'GET', path: spec.path, query: { ...(spec.query?.(params) ?? {}), sort: spec.sort } },
			{
				paginator: paginatorFor(spec.envelope, {
					perPage: PAGE_SIZE,
					maxPages,
					stopAfter: previous ? (page) => reachedCursor(spec, previous, page) : undefined,
				}),
			},
		);
		if (previous && items.length >= maxPages * PAGE_SIZE) {
			ctx.logger.warn(`ClientXCMS Trigger read the maximum of ${maxPages} pages; older changes may have been skipped`);
		}
		const services: Record<string, IDataObject | null> = {};
		if (includeService && (previous || ctx.getMode() === 'manual')) {
			const wanted = previous
				? changesSince(event, items, previous, params).changes
				: items.slice(0, SAMPLE_SIZE).map((item) => ({ item }));
			for (const { item } of wanted) {
				const id = String(item.model_id ?? '');
				if (!/^\d+$/.test(id) || services[id]) continue;
				services[id] = await serviceOrNull(ctx, id);
			}
		}
		return { items, services };
	};

	return definePoll<Fetched, TriggerState>({
		watch: { event, params, v: STATE_VERSION },
		fetch,
		baseline: ({ items }) => baselineState(spec, items),
		diff: ({ items, services }, previous) => {
			const { changes, state } = changesSince(event, items, previous, params);
			return { items: changes.map(({ item, extra }) => output(item, extra, services)), state };
		},
		sample: ({ items, services }) =>
			items
				.filter((i) => !spec.keep || spec.keep(i, params))
				.slice(0, SAMPLE_SIZE)
				.map((i) => output(i, sampleExtra, services)),
		// Several records can share one updated_at second: the key is the record at that instant.
		// Fingerprints need none: a customer changed back to an earlier state (A → B → A → B) must fire each time.
		dedupeKey:
			spec.cursor === 'hash'
				? undefined
				: (item) => (spec.cursor === 'id' ? String(item.id) : `${String(item.id)}@${timeOf(item)}`),
	});
}

const CUSTOMER: IDataObject = { id: 42, firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com', created_at: '2024-01-15T10:30:00.000000Z' };
const SERVICE: IDataObject = { id: 7, customer_id: 42, name: 'VPS S', type: 'proxmox', status: 'active', expires_at: '2024-02-15T10:30:00.000000Z', updated_at: '2024-01-15T10:30:00.000000Z' };
const INVOICE: IDataObject = { id: 12, customer_id: 42, status: 'paid', total: 19.99, currency: 'EUR', updated_at: '2024-01-15T10:30:00.000000Z' };
const TICKET: IDataObject = { id: 3, customer_id: 42, subject: 'Cannot log in', status: 'open', priority: 'medium', updated_at: '2024-01-15T10:30:00.000000Z' };
const LOG: IDataObject = { id: 99, action: 'service_delivered', model: 'App\\Models\\Provisioning\\Service', model_id: 7, created_at: '2024-01-15T10:30:00.000000Z' };

function row(event: ClientXcmsEvent, emits: string, example: IDataObject): EventTable[string] {
	const spec = SPECS[event];
	return {
		fetches: `GET ${spec.path}?sort=${spec.sort}&per_page=${PAGE_SIZE}, newest first, until the cursor`,
		strategy: spec.cursor === 'hash' ? 'snapshot' : spec.cursor,
		emits,
		example,
		define: (ctx) => define(event, ctx),
	};
}

/** ClientXCMS Trigger events. */
export const clientXcmsEvents: EventTable<ClientXcmsEvent> = {
	newCustomer: row('newCustomer', 'an id above the highest seen: the customer', CUSTOMER),
	customerUpdated: row('customerUpdated', 'a customer whose fingerprint changed: customer + _change', { ...CUSTOMER, _change: 'updated' }),
	newService: row('newService', 'an id above the highest seen: the service', SERVICE),
	serviceStatusChanged: row('serviceStatusChanged', 'a known service whose status changed: service + _previousStatus', { ...SERVICE, status: 'suspended', _previousStatus: 'active' }),
	serviceEvent: row('serviceEvent', 'a new log entry with a chosen service action: the entry (+ service)', LOG),
	newInvoice: row('newInvoice', 'an id above the highest seen: the invoice', { ...INVOICE, status: 'pending' }),
	invoicePaid: row('invoicePaid', 'an invoice updated to paid, once per invoice', INVOICE),
	invoiceUpdated: row('invoiceUpdated', 'an invoice whose updated_at moved past the cursor', INVOICE),
	newTicket: row('newTicket', 'an id above the highest seen: the ticket', TICKET),
	ticketUpdated: row('ticketUpdated', 'a ticket whose updated_at moved past the cursor', { ...TICKET, status: 'answered' }),
	newLog: row('newLog', 'an id above the highest seen (optionally one action): the entry', LOG),
};
