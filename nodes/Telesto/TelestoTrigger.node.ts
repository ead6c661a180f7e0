import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { runPoll } from '../shared';
import { telestoApiTest } from './methods/credentialTest';
import { cleanUp, parseNumericFields } from './schemas/clean-up';
import type { Product } from './schemas/product';
import { fetchProducts } from './transport/product-list';
import { changesFor, snapshotOf, type TelestoEvent, type TelestoState } from './trigger/diff';
import { triggerProperties } from './trigger/fields';

const SAMPLE_SIZE = 5;

export class TelestoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telesto Trigger',
		name: 'telestoTrigger',
		icon: 'file:../../icons/telesto.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when Telesto products or stock change',
		defaults: { name: 'Telesto Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telestoApi', required: true, testedBy: 'telestoApiTest' }],
		properties: triggerProperties,
	};

	methods = { credentialTest: { telestoApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TelestoEvent;
		const threshold = event === 'lowStock' ? (this.getNodeParameter('threshold') as number) : 0;
		const minMinutes = this.getNodeParameter('minMinutes', 10) as number;
		const options = this.getNodeParameter('options', {}) as { cleanUp?: boolean; numericFields?: string };
		const clean = (record: IDataObject) =>
			cleanUp(record, {
				enabled: options.cleanUp ?? true,
				numericFields: [...parseNumericFields(options.numericFields), 'previous_stock_onhand'],
			});

		return await runPoll<Product[], TelestoState>(this, {
			watch: { event, threshold },
			minIntervalMs: Math.max(1, minMinutes) * 60_000,
			fetch: async () => await fetchProducts(this),
			baseline: (products) => ({ products: snapshotOf(products) }),
			diff: (products, previous) => ({
				items: changesFor(event, products, previous.products, threshold).map(({ product, extra }) =>
					clean({ ...product, ...extra }),
				),
				state: { products: snapshotOf(products) },
			}),
			sample: (products) =>
				[...products]
					.sort((a, b) => String(b.created ?? '').localeCompare(String(a.created ?? '')))
					.slice(0, SAMPLE_SIZE)
					.map((p) => clean(p as IDataObject)),
		});
	}
}
