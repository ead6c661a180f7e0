import type { Envelope } from './transport/pagination';

/**
 * How a list filter is offered and checked. ClientXCMS filters are all substring matches, so
 * `id`, `enum` and `exact` filters are re-checked exactly on the returned items; `text` keeps
 * "contains"; `bool` sends 1 for true and checks false locally; `day` sends YYYY-MM-DD.
 */
export interface FilterDef {
	field: string;
	displayName: string;
	kind: 'id' | 'enum' | 'exact' | 'text' | 'bool' | 'day';
	options?: string[];
	/** loadOptions method listing the records an `id` filter refers to. */
	pick?: string;
}

export interface ResourceDef {
	resource: string;
	/** "Customer" */
	label: string;
	/** "customers" */
	plural: string;
	path: string;
	envelope: Envelope;
	/** How GET /<path>/{id} answers: a plain object, a one-item page, or (groups) not usable. */
	getShape: 'object' | 'page' | 'scan';
	filters: FilterDef[];
	sorts: string[];
	includes: string[];
	/** Sent when the user picks no sort: ClientXCMS has no default order. */
	defaultSort: string;
	/** Fields removed from outputs unless Include Sensitive Fields is on. */
	sensitive?: string[];
	/** listSearch method for the resource locator, when the record is picked from a list. */
	searchMethod?: string;
	/**
	 * The record's page in the admin area after the admin prefix (`customers` for
	 * `/admin/customers/12`), so a pasted admin URL picks the record.
	 */
	adminPath?: string;
}

const id = (displayName = 'ID'): FilterDef => ({ field: 'id', displayName, kind: 'id' });
const createdOn: FilterDef = { field: 'created_at', displayName: 'Created On (Day)', kind: 'day' };
const STATUS_VISIBILITY = ['active', 'hidden', 'unreferenced'];
const TIMESTAMPS = ['created_at', 'updated_at'];

export const SERVICE_STATUSES = ['pending', 'active', 'suspended', 'expired', 'cancelled', 'hidden'];
export const INVOICE_STATUSES = ['draft', 'pending', 'paid', 'cancelled', 'refunded', 'failed'];
export const TICKET_STATUSES = ['open', 'answered', 'closed'];
export const TICKET_PRIORITIES = ['low', 'medium', 'high'];
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'CHF'];
export const PRICING_RELATED_TYPES = ['product', 'service', 'coupon', 'configoption_service', 'config_option', 'option'];
export const BILLING_CYCLES = ['onetime', 'monthly', 'quarterly', 'semiannually', 'annually', 'biennially', 'triennially'];

export const customer: ResourceDef = {
	resource: 'customer',
	label: 'Customer',
	plural: 'customers',
	path: '/customers',
	envelope: 'A',
	getShape: 'object',
	filters: [
		id(),
		{ field: 'email', displayName: 'Email Contains', kind: 'text' },
		{ field: 'firstname', displayName: 'First Name Contains', kind: 'text' },
		{ field: 'lastname', displayName: 'Last Name Contains', kind: 'text' },
		{ field: 'phone', displayName: 'Phone Contains', kind: 'text' },
		createdOn,
	],
	sorts: ['id', 'email', 'firstname', 'lastname', 'phone', ...TIMESTAMPS],
	includes: ['invoices', 'metadata', 'services'],
	defaultSort: '-id',
	sensitive: ['totp_secret', 'confirmation_token'],
	searchMethod: 'searchCustomers',
	adminPath: 'customers',
};

export const product: ResourceDef = {
	resource: 'product',
	label: 'Product',
	plural: 'products',
	path: '/products',
	envelope: 'B',
	getShape: 'page',
	filters: [
		id(),
		{ field: 'name', displayName: 'Name Contains', kind: 'text' },
		{ field: 'description', displayName: 'Description Contains', kind: 'text' },
		{ field: 'status', displayName: 'Status', kind: 'enum', options: STATUS_VISIBILITY },
		{ field: 'group_id', displayName: 'Group ID', kind: 'id', pick: 'getGroups' },
		{ field: 'type', displayName: 'Type', kind: 'exact' },
		{ field: 'pinned', displayName: 'Pinned', kind: 'bool' },
	],
	sorts: ['id', 'name', 'status', 'description', 'sort_order', 'group_id', 'stock', 'type', 'pinned'],
	includes: ['metadata', 'pricing', 'group'],
	defaultSort: '-id',
	searchMethod: 'searchProducts',
	adminPath: 'products',
};

export const group: ResourceDef = {
	resource: 'group',
	label: 'Product Group',
	plural: 'product groups',
	path: '/groups',
	envelope: 'B',
	getShape: 'scan',
	filters: [
		{ field: 'name', displayName: 'Name Contains', kind: 'text' },
		{ field: 'slug', displayName: 'Slug Contains', kind: 'text' },
		{ field: 'status', displayName: 'Status', kind: 'enum', options: STATUS_VISIBILITY },
		createdOn,
	],
	sorts: ['name', 'slug', 'status', 'description', 'sort_order', ...TIMESTAMPS],
	includes: ['products', 'groups', 'metadata'],
	// Groups cannot be sorted by id; creation time is the closest stable order.
	defaultSort: '-created_at',
	searchMethod: 'searchGroups',
	adminPath: 'groups',
};

export const pricing: ResourceDef = {
	resource: 'pricing',
	label: 'Pricing',
	plural: 'pricings',
	path: '/pricings',
	envelope: 'B',
	getShape: 'object',
	filters: [
		id(),
		{ field: 'related_id', displayName: 'Related ID', kind: 'id' },
		{ field: 'related_type', displayName: 'Related Type', kind: 'enum', options: PRICING_RELATED_TYPES },
		{ field: 'currency', displayName: 'Currency', kind: 'enum', options: CURRENCIES },
	],
	sorts: ['id', 'related_id', 'related_type', 'currency', ...BILLING_CYCLES],
	includes: [],
	defaultSort: '-id',
	searchMethod: 'searchPricings',
};

export const service: ResourceDef = {
	resource: 'service',
	label: 'Service',
	plural: 'services',
	path: '/services',
	envelope: 'A',
	getShape: 'page',
	filters: [
		id(),
		{ field: 'customer_id', displayName: 'Customer ID', kind: 'id', pick: 'getCustomers' },
		{ field: 'status', displayName: 'Status', kind: 'enum', options: SERVICE_STATUSES },
		createdOn,
	],
	sorts: ['id', 'customer_id', 'status', ...TIMESTAMPS],
	includes: ['customer', 'metadata', 'pricing', 'configoptions'],
	defaultSort: '-id',
	searchMethod: 'searchServices',
	adminPath: 'services',
};

export const invoice: ResourceDef = {
	resource: 'invoice',
	label: 'Invoice',
	plural: 'invoices',
	path: '/invoices',
	envelope: 'A',
	getShape: 'page',
	// `amount` is advertised but is no column: filtering or sorting on it is a 500.
	filters: [
		id(),
		{ field: 'customer_id', displayName: 'Customer ID', kind: 'id', pick: 'getCustomers' },
		{ field: 'status', displayName: 'Status', kind: 'enum', options: INVOICE_STATUSES },
		createdOn,
	],
	sorts: ['id', 'customer_id', 'status', ...TIMESTAMPS],
	includes: ['customer', 'items'],
	defaultSort: '-id',
	searchMethod: 'searchInvoices',
	adminPath: 'invoices',
};

export const department: ResourceDef = {
	resource: 'department',
	label: 'Support Department',
	plural: 'support departments',
	path: '/departments',
	envelope: 'B',
	getShape: 'page',
	filters: [id(), { field: 'name', displayName: 'Name Contains', kind: 'text' }, createdOn],
	sorts: ['id', 'name', ...TIMESTAMPS],
	includes: ['tickets'],
	defaultSort: '-id',
	searchMethod: 'searchDepartments',
	adminPath: 'helpdesk/departments',
};

export const ticket: ResourceDef = {
	resource: 'ticket',
	label: 'Support Ticket',
	plural: 'support tickets',
	path: '/tickets',
	envelope: 'B',
	getShape: 'page',
	filters: [
		id(),
		{ field: 'subject', displayName: 'Subject Contains', kind: 'text' },
		{ field: 'status', displayName: 'Status', kind: 'enum', options: TICKET_STATUSES },
		{ field: 'priority', displayName: 'Priority', kind: 'enum', options: TICKET_PRIORITIES },
		{ field: 'department_id', displayName: 'Department ID', kind: 'id', pick: 'getDepartments' },
		{ field: 'customer_id', displayName: 'Customer ID', kind: 'id', pick: 'getCustomers' },
		{ field: 'assigned_to', displayName: 'Assigned To (Admin ID)', kind: 'id' },
		createdOn,
	],
	sorts: ['id', 'subject', 'status', 'priority', 'department_id', 'customer_id', 'assigned_to', ...TIMESTAMPS, 'closed_at'],
	includes: ['customer', 'department', 'messages', 'attachments', 'assignedTo', 'comments'],
	defaultSort: '-id',
	searchMethod: 'searchTickets',
	adminPath: 'helpdesk/tickets',
};

export const coupon: ResourceDef = {
	resource: 'coupon',
	label: 'Coupon',
	plural: 'coupons',
	path: '/coupons',
	envelope: 'B',
	getShape: 'page',
	filters: [
		id(),
		{ field: 'code', displayName: 'Code Contains', kind: 'text' },
		{ field: 'type', displayName: 'Type', kind: 'enum', options: ['percent', 'fixed'] },
		{ field: 'is_global', displayName: 'Is Global', kind: 'bool' },
		{ field: 'customer_id', displayName: 'Customer ID', kind: 'id', pick: 'getCustomers' },
		createdOn,
	],
	sorts: ['id', 'code', 'type', 'start_at', 'end_at', 'max_uses', 'usages', 'is_global', ...TIMESTAMPS],
	includes: ['products', 'pricing', 'usages', 'customer'],
	defaultSort: '-id',
	searchMethod: 'searchCoupons',
	adminPath: 'coupons',
};

export const server: ResourceDef = {
	resource: 'server',
	label: 'Server',
	plural: 'servers',
	path: '/servers',
	envelope: 'B',
	getShape: 'page',
	filters: [
		id(),
		{ field: 'name', displayName: 'Name Contains', kind: 'text' },
		{ field: 'address', displayName: 'Address Contains', kind: 'text' },
		{ field: 'hostname', displayName: 'Hostname Contains', kind: 'text' },
		{ field: 'type', displayName: 'Type', kind: 'exact' },
		{ field: 'status', displayName: 'Status', kind: 'enum', options: STATUS_VISIBILITY },
		createdOn,
	],
	sorts: ['id', 'name', 'address', 'hostname', 'type', 'status', ...TIMESTAMPS, 'port', 'maxaccounts'],
	includes: ['services', 'metadata'],
	defaultSort: '-id',
	sensitive: ['username', 'password'],
	searchMethod: 'searchServers',
	adminPath: 'servers',
};

export const actionLog: ResourceDef = {
	resource: 'actionLog',
	label: 'Action Log',
	plural: 'action log entries',
	path: '/logs',
	envelope: 'B',
	getShape: 'page',
	filters: [
		id(),
		{ field: 'action', displayName: 'Action', kind: 'exact' },
		{ field: 'model', displayName: 'Model Contains', kind: 'text' },
		{ field: 'model_id', displayName: 'Model ID', kind: 'id' },
		{ field: 'staff_id', displayName: 'Staff ID', kind: 'id' },
		{ field: 'customer_id', displayName: 'Customer ID', kind: 'id', pick: 'getCustomers' },
		createdOn,
	],
	sorts: ['id', 'action', 'model', 'model_id', 'staff_id', 'customer_id', 'created_at'],
	includes: ['customer', 'staff', 'entries'],
	defaultSort: '-id',
};

export const subdomainHost: ResourceDef = {
	resource: 'subdomainHost',
	label: 'Subdomain Host',
	plural: 'subdomain hosts',
	path: '/subdomains',
	envelope: 'B',
	getShape: 'page',
	filters: [id(), { field: 'domain', displayName: 'Domain Contains', kind: 'text' }, createdOn],
	sorts: ['id', 'domain', 'products', 'groups', ...TIMESTAMPS],
	includes: [],
	defaultSort: '-id',
	searchMethod: 'searchSubdomainHosts',
	adminPath: 'subdomains_hosts',
};

export const cancellationReason: ResourceDef = {
	resource: 'cancellationReason',
	label: 'Cancellation Reason',
	plural: 'cancellation reasons',
	path: '/cancellation_reasons',
	envelope: 'B',
	getShape: 'object',
	filters: [
		{ field: 'status', displayName: 'Status', kind: 'enum', options: STATUS_VISIBILITY },
		{ field: 'reason', displayName: 'Reason Contains', kind: 'text' },
	],
	sorts: ['id', 'reason', 'status', 'created_at'],
	includes: [],
	defaultSort: '-id',
	searchMethod: 'searchCancellationReasons',
	adminPath: 'cancellation_reasons',
};
