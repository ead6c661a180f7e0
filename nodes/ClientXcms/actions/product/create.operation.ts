import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { enumOptions } from '../../helpers/fields';
import { createProperties, readCreateBody, send } from '../../helpers/write';
import { BILLING_CYCLES, CURRENCIES, product } from '../../resources';
import { productFields } from './fields';

const pricingCollection = {
	displayName: 'Pricing',
	name: 'pricing',
	type: 'collection' as const,
	placeholder: 'Add Price',
	default: {},
	description: 'ClientXCMS creates products without a price; when set, the price is added right after the product is created',
	options: [
		{ displayName: 'Currency', name: 'currency', type: 'options' as const, options: enumOptions(CURRENCIES), default: 'EUR' },
		...BILLING_CYCLES.flatMap((cycle) => [
			{ displayName: `Price ${cycle[0].toUpperCase()}${cycle.slice(1)}`, name: cycle, type: 'number' as const, default: 0 },
			{ displayName: `Setup Fee ${cycle[0].toUpperCase()}${cycle.slice(1)}`, name: `setup_${cycle}`, type: 'number' as const, default: 0 },
		]),
	],
};

export const description = [...createProperties(product, productFields), pricingCollection];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /products, then POST /pricings when a price is given
	const body = await readCreateBody(this, i, productFields);
	const created = (await send(this, { method: 'POST', path: '/products', body, itemIndex: i })) as IDataObject;
	const pricing = this.getNodeParameter('pricing', i, {}) as IDataObject;
	const prices = Object.keys(pricing).filter((k) => k !== 'currency');
	if (!prices.length) return jsonItems(created);
	try {
		const row = await send(this, {
			method: 'POST',
			path: '/pricings',
			body: { related_type: 'product', related_id: created.id as number, currency: (pricing.currency as string) ?? 'EUR', ...Object.fromEntries(prices.map((k) => [k, pricing[k]])) },
			itemIndex: i,
		});
		return jsonItems({ ...created, pricing: [row as IDataObject] });
	} catch (error) {
		const cause = error instanceof NodeApiError ? `${error.message}${error.description ? `: ${error.description}` : ''}` : String(error);
		throw new NodeOperationError(this.getNode(), `Product ${String(created.id)} was created but its pricing was not`, {
			itemIndex: i,
			description: `${cause}\nProduct: ${JSON.stringify(created)}`,
		});
	}
}
