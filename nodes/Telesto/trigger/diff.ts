import type { IDataObject } from 'n8n-workflow';

import { recordHash } from '../../shared';
import { numericStock } from '../schemas/clean-up';
import type { Product } from '../schemas/product';

export type TelestoEvent = 'newProduct' | 'productUpdated' | 'stockChanged' | 'lowStock' | 'productRemoved';

/** Per product id: [raw stock_onhand, 12-hex hash of the whole record, name cut to 100]. */
export type Snapshot = Record<string, [string, string, string]>;

export interface TelestoState {
	products: Snapshot;
}

export interface Change {
	/** The product as sent (raw values); cleaned up by the caller for output. */
	product: IDataObject;
	extra: IDataObject;
}

function rawStock(p: Product): string {
	return p.stock_onhand === undefined ? '' : String(p.stock_onhand);
}

export function snapshotOf(products: Product[]): Snapshot {
	const snapshot: Snapshot = {};
	for (const p of products) {
		snapshot[p.id] = [rawStock(p), recordHash(p), String(p.name ?? '').slice(0, 100)];
	}
	return snapshot;
}

/** What the chosen event sees between the stored snapshot and the new full list. */
export function changesFor(
	event: TelestoEvent,
	products: Product[],
	previous: Snapshot,
	threshold: number,
): Change[] {
	const changes: Change[] = [];
	if (event === 'productRemoved') {
		const present = new Set(products.map((p) => p.id));
		for (const [id, [, , name]] of Object.entries(previous)) {
			if (!present.has(id)) changes.push({ product: { id, name }, extra: { removed: true } });
		}
		return changes;
	}
	for (const p of products) {
		const before = previous[p.id];
		const product = p as IDataObject;
		switch (event) {
			case 'newProduct':
				if (!before) changes.push({ product, extra: {} });
				break;
			case 'productUpdated':
				if (before && before[1] !== recordHash(p)) changes.push({ product, extra: {} });
				break;
			case 'stockChanged':
				if (before && before[0] !== rawStock(p)) {
					changes.push({ product, extra: { previous_stock_onhand: before[0] } });
				}
				break;
			case 'lowStock': {
				const now = numericStock(p.stock_onhand);
				if (now === undefined || now > threshold) break;
				const was = before ? numericStock(before[0]) : undefined;
				if (was === undefined || was > threshold) {
					changes.push({
						product,
						extra: { previous_stock_onhand: before ? before[0] : null, threshold },
					});
				}
				break;
			}
		}
	}
	return changes;
}
