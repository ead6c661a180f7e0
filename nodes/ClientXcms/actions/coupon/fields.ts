import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { collect } from '../../../shared';
import type { BodyField } from '../../helpers/fields';
import type { Resend } from '../../helpers/write';
import { clientXcmsProfile } from '../../transport';
import { envelopeBPaginator } from '../../transport/pagination';

export const couponFields: BodyField[] = [
	{ name: 'code', label: 'Code', type: 'string', required: true, placeholder: 'e.g. WELCOME10' },
	{ name: 'type', label: 'Type', type: 'options', options: ['percent', 'fixed'], required: true },
	{ name: 'applied_month', label: 'Applied Months', type: 'number', required: true, default: -1, description: '-1 = every billing period, 0 = first payment only, N = first N months' },
	{ name: 'free_setup', label: 'Free Setup', type: 'boolean', required: true, description: 'Whether the coupon also waives the setup fees' },
	{ name: 'first_order_only', label: 'First Order Only', type: 'boolean', required: true, description: "Whether the coupon is valid only on a customer's first order" },
	{ name: 'is_global', label: 'Is Global', type: 'boolean', required: true, description: 'Whether the coupon is marked as global in ClientXCMS' },
	{ name: 'max_uses', label: 'Max Uses', type: 'number', required: true, description: '0 = unlimited' },
	{ name: 'max_uses_per_customer', label: 'Max Uses per Customer', type: 'number', required: true, description: '0 = unlimited' },
	{ name: 'usages', label: 'Usages', type: 'number', required: true, description: 'Current usage counter' },
	{ name: 'minimum_order_amount', label: 'Minimum Order Amount', type: 'number', required: true },
	{ name: 'start_at', label: 'Start At', type: 'dateTime' },
	{ name: 'end_at', label: 'End At', type: 'dateTime' },
	{ name: 'customer_id', label: 'Customer ID', type: 'number', description: 'Restricts the coupon to this customer', pick: 'getCustomers' },
	{ name: 'products', label: 'Product IDs', type: 'idList', description: 'Products the coupon applies to', pick: 'getProducts' },
	{ name: 'groups', label: 'Group IDs', type: 'idList', description: 'All products of these groups are added', pick: 'getGroups' },
	{ name: 'required_products', label: 'Required Product IDs', type: 'idList', description: 'Products that must be in the basket' },
	{ name: 'pricing', label: 'Discount per Cycle (JSON)', type: 'json', description: 'e.g. {"monthly": {"price": 10, "setup": 0}}' },
];

/** Update is a full replace that also clears omitted product lists. */
export const couponResend: Resend = {
	fields: ['code', 'type', 'applied_month', 'free_setup', 'first_order_only', 'is_global', 'max_uses', 'max_uses_per_customer', 'usages', 'minimum_order_amount', 'start_at', 'end_at', 'customer_id'],
	booleans: ['free_setup', 'first_order_only', 'is_global'],
	dateTimes: ['start_at', 'end_at'],
	numbers: ['minimum_order_amount'],
	derive: (current) => ({
		products: Array.isArray(current.products) ? (current.products as IDataObject[]).map((p) => Number(p.id)) : [],
		required_products: Array.isArray(current.products_required) ? (current.products_required as number[]) : [],
	}),
};

/** An unknown group id makes ClientXCMS crash (500): check them first. */
export async function checkGroupIds(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<void> {
	const wanted = Array.isArray(body.groups) ? (body.groups as number[]) : [];
	if (!wanted.length) return;
	const groups = await collect(
		ctx,
		clientXcmsProfile,
		{ method: 'GET', path: '/groups', query: { sort: '-created_at' }, itemIndex },
		{ paginator: envelopeBPaginator({ perPage: 100 }) },
	);
	const known = new Set(groups.map((g) => Number(g.id)));
	const missing = wanted.filter((id) => !known.has(id));
	if (missing.length) {
		throw new NodeOperationError(ctx.getNode(), `Unknown product group ID(s): ${missing.join(', ')} (item ${itemIndex})`, {
			itemIndex,
			description: 'ClientXCMS fails with a server error on unknown group IDs, so nothing was sent.',
		});
	}
}
