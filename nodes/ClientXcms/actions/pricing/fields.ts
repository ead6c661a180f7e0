import type { BodyField } from '../../helpers/fields';
import { BILLING_CYCLES, CURRENCIES, PRICING_RELATED_TYPES } from '../../resources';

export const pricingFields: BodyField[] = [
	{ name: 'related_id', label: 'Related ID', type: 'number', required: true, description: 'ID of the product, service, coupon or option this price belongs to' },
	{ name: 'related_type', label: 'Related Type', type: 'options', options: PRICING_RELATED_TYPES, required: true },
	{ name: 'currency', label: 'Currency', type: 'options', options: CURRENCIES, required: true, default: 'EUR' },
	...BILLING_CYCLES.flatMap((cycle): BodyField[] => [
		{ name: cycle, label: `Price ${cycle[0].toUpperCase()}${cycle.slice(1)}`, type: 'number' },
		{ name: `setup_${cycle}`, label: `Setup Fee ${cycle[0].toUpperCase()}${cycle.slice(1)}`, type: 'number' },
	]),
];

/** Update requires the same fields as create: the whole current row is re-sent. */
export const pricingResend = { fields: pricingFields.map((f) => f.name) };
