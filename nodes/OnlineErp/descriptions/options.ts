import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from '../transport';

/** Options shared by the action node and the trigger. */
export const dateStyleOption: INodeProperties = {
	displayName: 'Date Format in Filter',
	name: 'dateStyle',
	type: 'options',
	default: 'bare',
	options: [
		{ name: 'OData V4 (2024-01-31)', value: 'bare' },
		{ name: "Quoted ('2024-01-31')", value: 'quoted' },
		{ name: "OData V3 (Datetime'2024-01-31T00:00:00')", value: 'datetime' },
	],
	description: 'How date conditions are written; the vendor does not document a date format, so use the one your ERP accepts',
};

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 10, maxValue: 600 },
	default: 120,
	description: 'How long to wait for the robot at the customer site. Calls go through the ERP and can take minutes.',
};

export function timeoutMs(options: { timeout?: number }): number {
	const seconds = options.timeout;
	if (seconds === undefined || !Number.isFinite(seconds)) return DEFAULT_TIMEOUT_MS;
	return Math.min(600, Math.max(10, seconds)) * 1000;
}
