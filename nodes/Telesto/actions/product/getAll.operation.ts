import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems, readCollection, readDateText, readLimit, readNumber, readText, returnAllOrLimit, wallClock } from '../../../shared';
import { cleanUp, numericStock } from '../../schemas/clean-up';
import type { Product } from '../../schemas/product';
import { executionScope, productList } from '../../transport/product-list';
import { matchEanUpc } from './match';
import { productOptions, readProductOptions } from './options';

export const description: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. widget',
				description: 'Keep products whose name contains this text (case-insensitive)',
			},
			{
				displayName: 'EAN/UPC',
				name: 'eanUpc',
				type: 'string',
				default: '',
				placeholder: 'e.g. 0123456789012',
				description: 'Keep products with this barcode (leading zeros are ignored between UPC and EAN)',
			},
			{
				displayName: 'Stock At or Below',
				name: 'stockAtOrBelow',
				type: 'number',
				default: 0,
				description: 'Keep products whose stock on hand is at most this number (products without a numeric stock are left out)',
			},
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Keep products created after this moment, read in the workflow time zone',
			},
		],
	},
	productOptions,
];

interface Filters {
	nameContains?: string;
	eanUpc?: string;
	stockAtOrBelow?: number;
	createdAfter?: string;
}

function applyFilters(products: Product[], filters: Filters, timezone: string): Product[] {
	let out = products;
	if (filters.nameContains) {
		const needle = filters.nameContains.toLowerCase();
		out = out.filter((p) => String(p.name ?? '').toLowerCase().includes(needle));
	}
	if (filters.eanUpc) out = matchEanUpc(out, filters.eanUpc);
	if (filters.stockAtOrBelow !== undefined) {
		const max = filters.stockAtOrBelow;
		out = out.filter((p) => {
			const stock = numericStock(p.stock_onhand);
			return stock !== undefined && stock <= max;
		});
	}
	if (filters.createdAfter) {
		const after = wallClock(filters.createdAfter, timezone);
		out = out.filter((p) => typeof p.created === 'string' && p.created > after);
	}
	return out;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /products (shared by the execution)
	const limit = readLimit(this, i);
	const raw = (readCollection(this, 'filters', i) ?? {}) as Record<keyof Filters, unknown>;
	const place = (field: string) => ({ node: this.getNode(), field, itemIndex: i });
	const filters: Filters = {
		nameContains: readText(raw.nameContains, place('Name Contains')),
		eanUpc: readText(raw.eanUpc, place('EAN/UPC')),
		stockAtOrBelow: readNumber(raw.stockAtOrBelow, place('Stock At or Below')),
		createdAfter: readDateText(raw.createdAfter, place('Created After')),
	};
	const options = readProductOptions(this, i);
	const products = await productList(this, {
		scope: executionScope(this),
		itemIndex: i,
		forceFresh: options.forceFresh,
	});
	const kept = applyFilters(products, filters, this.getTimezone());
	const limited = limit === undefined ? kept : kept.slice(0, limit);
	return jsonItems(limited.map((p) => cleanUp(p as IDataObject, options.cleanUp)));
}
