import type { IDataObject } from 'n8n-workflow';

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

export interface CleanUpOptions {
	enabled: boolean;
	/** Fields besides `stock_onhand` whose plain decimal strings become numbers. */
	numericFields: string[];
}

function blanksToNull(value: unknown): unknown {
	if (value === '') return null;
	if (Array.isArray(value)) return value.map(blanksToNull);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blanksToNull(v)]));
	}
	return value;
}

/**
 * Telesto sends empty values as "" and numbers as text; users compare stock in IF nodes, where
 * "50" and "" mislead. "" becomes null (never 0), plain decimal strings of the numeric fields
 * become numbers; anything else is left as sent.
 */
export function cleanUp(record: IDataObject, options: CleanUpOptions): IDataObject {
	if (!options.enabled) return record;
	const out = blanksToNull(record) as IDataObject;
	for (const field of ['stock_onhand', ...options.numericFields]) {
		const value = out[field];
		if (typeof value === 'string' && PLAIN_DECIMAL.test(value)) out[field] = Number(value);
	}
	return out;
}

export function parseNumericFields(raw: unknown): string[] {
	return String(raw ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** The stock as a number, or undefined when Telesto sent something that is not one. */
export function numericStock(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && PLAIN_DECIMAL.test(value.trim())) return Number(value.trim());
	return undefined;
}
