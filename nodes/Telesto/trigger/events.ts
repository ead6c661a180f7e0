import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { compareSnapshot, definePoll, Snapshot, type EventTable, type SnapshotSpec } from '../../shared';
import { cleanUp, numericStock, parseNumericFields } from '../schemas/clean-up';
import type { Product } from '../schemas/product';
import { fetchProducts } from '../transport/product-list';

export type TelestoEvent = 'newProduct' | 'productUpdated' | 'stockChanged' | 'lowStock' | 'productRemoved';

const SAMPLE_SIZE = 5;
/** Part of every watch: state written by an earlier format is replaced by a fresh baseline. */
const STATE_VERSION = 2;

interface State {
	/** `Snapshot` text of every product. */
	products: string;
}

const rawStock = (p: Product): string => (p.stock_onhand === undefined ? '' : String(p.stock_onhand));

const EXAMPLE: IDataObject = {
	id: 'a1b2c3',
	name: 'Widget',
	ean_upc: '0012345678905',
	stock_onhand: 4,
	created: '2024-01-15 10:30:00',
};

interface EventRule {
	/** What the snapshot keeps of each product. */
	spec: SnapshotSpec<Product>;
	/** Items to emit from the comparison of the last snapshot with the new full list. */
	emit(previous: Snapshot, products: Product[], threshold: number): IDataObject[];
}

const RULES: Record<TelestoEvent, EventRule> = {
	newProduct: {
		spec: { key: (p) => p.id },
		emit: (previous, products) => compareSnapshot(previous, products, RULES.newProduct.spec).added as IDataObject[],
	},
	productUpdated: {
		spec: { key: (p) => p.id, value: (p) => p },
		emit: (previous, products) =>
			compareSnapshot(previous, products, RULES.productUpdated.spec).changed.map(({ record }) => record as IDataObject),
	},
	stockChanged: {
		spec: { key: (p) => p.id, memo: rawStock },
		emit: (previous, products) =>
			compareSnapshot(previous, products, RULES.stockChanged.spec).changed.map(({ record, before }) => ({
				...(record as IDataObject),
				previous_stock_onhand: before.memo,
			})),
	},
	lowStock: {
		spec: { key: (p) => p.id, memo: rawStock },
		emit: (previous, products, threshold) => {
			const out: IDataObject[] = [];
			for (const p of products) {
				const now = numericStock(p.stock_onhand);
				if (now === undefined || now > threshold) continue;
				const before = previous.get(p.id);
				const was = before ? numericStock(before.memo) : undefined;
				if (was === undefined || was > threshold) {
					out.push({ ...(p as IDataObject), previous_stock_onhand: before ? before.memo : null, threshold });
				}
			}
			return out;
		},
	},
	productRemoved: {
		// Ids kept as text: a removed product can only be named from the snapshot.
		spec: { key: (p) => p.id, keepKeys: true },
		emit: (previous, products) =>
			compareSnapshot(previous, products, RULES.productRemoved.spec).removed.map((id) => ({ id, removed: true })),
	},
};

function define(event: TelestoEvent, ctx: IPollFunctions) {
	const threshold = event === 'lowStock' ? Number(ctx.getNodeParameter('threshold', 5)) : 0;
	const minMinutes = Number(ctx.getNodeParameter('minMinutes', 10)) || 10;
	const options = ctx.getNodeParameter('options', {}) as { cleanUp?: boolean; numericFields?: string };
	const clean = (record: IDataObject) =>
		cleanUp(record, {
			enabled: options.cleanUp ?? true,
			numericFields: [...parseNumericFields(options.numericFields), 'previous_stock_onhand'],
		});
	const rule = RULES[event];
	// What an emission of this event carries besides the product (null: unknown in a sample).
	const extra: IDataObject =
		event === 'stockChanged'
			? { previous_stock_onhand: null }
			: event === 'lowStock'
				? { previous_stock_onhand: null, threshold }
				: event === 'productRemoved'
					? { removed: true }
					: {};
	return definePoll<Product[], State>({
		watch: { event, threshold, v: STATE_VERSION },
		minIntervalMs: Math.max(1, minMinutes) * 60_000,
		fetch: async () => await fetchProducts(ctx),
		baseline: (products) => ({ products: Snapshot.of(products, rule.spec).toString() }),
		diff: (products, previous) => ({
			items: rule.emit(Snapshot.parse(previous.products), products, threshold).map(clean),
			state: { products: Snapshot.of(products, rule.spec).toString() },
		}),
		sample: (products) =>
			[...products]
				.filter((p) => event !== 'lowStock' || (numericStock(p.stock_onhand) ?? Infinity) <= threshold)
				.sort((a, b) => String(b.created ?? '').localeCompare(String(a.created ?? '')))
				.slice(0, SAMPLE_SIZE)
				.map((p) => clean(event === 'productRemoved' ? { id: p.id, ...extra } : { ...(p as IDataObject), ...extra })),
	});
}

const row = (event: TelestoEvent, emits: string, example: IDataObject): EventTable[string] => ({
	fetches: 'GET /products (the whole list, one request)',
	strategy: 'snapshot',
	emits,
	example,
	define: (ctx) => define(event, ctx),
});

/** Telesto Trigger events: each poll reads the whole product list and compares snapshots. */
export const telestoEvents: EventTable<TelestoEvent> = {
	newProduct: row('newProduct', 'an id not in the snapshot: the product', EXAMPLE),
	productUpdated: row('productUpdated', 'an id whose fingerprint changed: the product', EXAMPLE),
	stockChanged: row('stockChanged', 'stock_onhand differs: the product + previous_stock_onhand', {
		...EXAMPLE,
		previous_stock_onhand: 9,
	}),
	lowStock: row('lowStock', 'stock fell to or below the threshold: the product + previous_stock_onhand, threshold', {
		...EXAMPLE,
		previous_stock_onhand: 9,
		threshold: 5,
	}),
	productRemoved: row('productRemoved', 'an id missing from a complete list: { id, removed: true }', {
		id: EXAMPLE.id,
		removed: true,
	}),
};
