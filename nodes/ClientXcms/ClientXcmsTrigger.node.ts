import {
	NodeApiError,
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { collect, request, runPoll } from '../shared';
import { redact } from './helpers/records';
import { clientXcmsApiTest } from './methods/credentialTest';
import { clientXcmsProfile } from './transport';
import { paginatorFor } from './transport/pagination';
import {
	baselineState,
	changesSince,
	EVENTS,
	reachedCursor,
	timeOf,
	type ClientXcmsEvent,
	type EventParams,
	type TriggerState,
} from './trigger/events';
import { triggerProperties } from './trigger/fields';

const PAGE_SIZE = 50;
const SAMPLE_SIZE = 5;
const MAX_PAGES = 50;
/** Customer changes are found by fingerprint, page by page: bounded tighter. */
const MAX_HASH_PAGES = 10;

interface Fetched {
	items: IDataObject[];
	services: Record<string, IDataObject | null>;
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

export class ClientXcmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClientXCMS Trigger',
		name: 'clientXcmsTrigger',
		icon: 'file:../../icons/clientxcms.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when customers, services, invoices or tickets change in ClientXCMS',
		defaults: { name: 'ClientXCMS Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clientXcmsApi', required: true, testedBy: 'clientXcmsApiTest' }],
		properties: triggerProperties,
	};

	methods = { credentialTest: { clientXcmsApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as ClientXcmsEvent;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const logAction = event === 'newLog' ? String(this.getNodeParameter('logAction', '')).trim() : '';
		const params: EventParams = {
			statuses: event === 'serviceStatusChanged' ? (this.getNodeParameter('statuses', []) as string[]) : [],
			actions: event === 'serviceEvent' ? (this.getNodeParameter('actions', []) as string[]) : logAction ? [logAction] : [],
			includeNewCustomers: options.includeNewCustomers === true,
		};
		const includeService = event === 'serviceEvent' && options.includeService === true;
		const spec = EVENTS[event];
		const output = (item: IDataObject, extra: IDataObject, services: Record<string, IDataObject | null>): IDataObject => {
			const record = spec.def ? redact(spec.def, item, options.includeSensitive === true) : item;
			const service = includeService ? services[String(item.model_id)] : undefined;
			return { ...record, ...extra, ...(includeService ? { service: service ?? null } : {}) };
		};

		// GET <list>?sort=<newest first>&per_page=50: an idle poll reads one page (one request).
		const fetch = async (previous: TriggerState | undefined): Promise<Fetched> => {
			// Service Status Changed and Invoice Paid compare with what each record was at
			// activation: their baseline reads every page (up to MAX_PAGES), or the first edit of
			// an older service / already paid invoice would look like a change.
			const fullBaseline = !previous && spec.fullBaseline === true && this.getMode() !== 'manual';
			const maxPages = previous ? (spec.cursor === 'hash' ? MAX_HASH_PAGES : MAX_PAGES) : fullBaseline ? MAX_PAGES : 1;
			const items = await collect(
				this,
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
				this.logger.warn(`ClientXCMS Trigger read the maximum of ${maxPages} pages; older changes may have been skipped`);
			}
			const services: Record<string, IDataObject | null> = {};
			// Only for what will be emitted: a baseline needs no services.
			if (includeService && (previous || this.getMode() === 'manual')) {
				const wanted = previous ? changesSince(event, items, previous, params).changes : items.slice(0, SAMPLE_SIZE).map((item) => ({ item }));
				for (const { item } of wanted) {
					const id = String(item.model_id ?? '');
					if (!/^\d+$/.test(id) || services[id]) continue;
					services[id] = await serviceOrNull(this, id);
				}
			}
			return { items, services };
		};

		return await runPoll<Fetched, TriggerState>(this, {
			watch: { event, params },
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
					.map((i) => output(i, {}, services)),
			// Several records can share one updated_at second: the key is the record at that instant.
			// Fingerprints need none: the hash map already drops repeats, and a customer changed
			// back to an earlier state (A → B → A → B) must fire each time.
			dedupeKey:
				spec.cursor === 'hash'
					? undefined
					: (item) => (spec.cursor === 'id' ? String(item.id) : `${String(item.id)}@${timeOf(item)}`),
		});
	}
}
