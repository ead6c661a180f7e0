import type { HttpMethod } from '../shared';

/**
 * The 82 routes of ClientXCMS's `/api/application` (routes/api-application.php, registration
 * order, as in Appendix A of the API reference), the one ability each route checks, and the node
 * operations (`resource.operation`) that call it. 403 hints and the route-coverage test read it.
 */
export interface ClientXcmsRoute {
	method: HttpMethod;
	/** Path under /api/application, with Laravel's `{parameter}` placeholders. */
	path: string;
	ability: string;
	operations: string[];
	/** Why the route is not called as is. */
	note?: string;
}

function route(
	method: HttpMethod,
	path: string,
	ability: string,
	operations: string[],
	note?: string,
): ClientXcmsRoute {
	return { method, path, ability, operations, ...(note ? { note } : {}) };
}

export const CLIENTXCMS_ROUTES: ClientXcmsRoute[] = [
	route('GET', '/health', 'health', ['instance.getHealth']),
	route('GET', '/license', 'license', ['instance.getLicense']),
	route('GET', '/customers', 'customers:index', ['customer.getAll']),
	route('POST', '/customers', 'customers:store', ['customer.create']),
	route('GET', '/customers/{customer}', 'customers:show', ['customer.get']),
	route('POST', '/customers/{customer}', 'customers:update', ['customer.update']),
	route('DELETE', '/customers/{customer}', 'customers:delete', ['customer.delete']),
	route('POST', '/customers/{customer}/resend_confirmation', 'customers:update', ['customer.resendConfirmation']),
	route('POST', '/customers/{customer}/send_password', 'customers:update', ['customer.sendPasswordReset']),
	route('POST', '/customers/{customer}/confirm', 'customers:update', ['customer.confirmEmail']),
	route('POST', '/customers/{customer}/action/{action}', 'customers:update', ['customer.suspend', 'customer.ban', 'customer.reactivate', 'customer.disable2fa']),
	route('GET', '/products', 'products:index', ['product.getAll']),
	route('POST', '/products', 'products:store', ['product.create']),
	route('GET', '/products/{product}', 'products:show', ['product.get']),
	route('POST', '/products/{product}', 'products:update', ['product.update']),
	route('DELETE', '/products/{product}', 'products:delete', ['product.delete']),
	route('GET', '/products/{product}/config', 'products:show', ['product.getConfig']),
	route('PUT', '/products/{product}/config', 'products:update', ['product.updateConfig']),
	route('GET', '/groups', 'groups:index', ['group.getAll']),
	route('POST', '/groups', 'groups:store', ['group.create']),
	route('GET', '/groups/{product}', 'groups:show', ['group.get'], 'Broken in ClientXCMS 2.16 (ignores the id): Group → Get scans GET /groups instead'),
	route('POST', '/groups/{group}', 'groups:update', ['group.update']),
	route('DELETE', '/groups/{group}', 'groups:delete', ['group.delete']),
	route('GET', '/pricings', 'pricings:index', ['pricing.getAll']),
	route('POST', '/pricings', 'pricings:store', ['pricing.create']),
	route('GET', '/pricings/{pricing}', 'pricings:show', ['pricing.get']),
	route('POST', '/pricings/{pricing}', 'pricings:update', ['pricing.update']),
	route('DELETE', '/pricings/{pricing}', 'pricings:delete', ['pricing.delete']),
	route('GET', '/services', 'services:index', ['service.getAll']),
	route('GET', '/services/{service}', 'services:show', ['service.get']),
	route('DELETE', '/services/{service}', 'services:delete', ['service.delete']),
	route('POST', '/services/{service}/expire', 'services:expire', ['service.expire']),
	route('POST', '/services/{service}/unsuspend', 'services:unsuspend', ['service.unsuspend']),
	route('POST', '/services/{service}/suspend', 'services:suspend', ['service.suspend']),
	route('GET', '/invoices', 'invoices:index', ['invoice.getAll']),
	route('POST', '/invoices', 'invoices:store', ['invoice.create']),
	route('GET', '/invoices/{invoice}', 'invoices:show', ['invoice.get']),
	route('POST', '/invoices/{invoice}', 'invoices:update', ['invoice.update']),
	route('DELETE', '/invoices/{invoice}', 'invoices:delete', ['invoice.delete']),
	route('GET', '/invoices/{invoice}/notify', 'invoices:update', ['invoice.sendNotification']),
	route('GET', '/invoices/{invoice}/pdf', 'invoices:show', ['invoice.getPdf']),
	route('GET', '/invoices/{invoice}/download', 'invoices:show', ['invoice.getPdf']),
	route('POST', '/invoices/{invoice}/export', 'invoices:index', ['invoice.export']),
	route('POST', '/invoices/{invoice}/validate', 'invoices:update', ['invoice.validate']),
	route('POST', '/invoices/{invoice}/edit', 'invoices:update', ['invoice.setDraft']),
	route('GET', '/departments', 'departments:index', ['department.getAll']),
	route('POST', '/departments', 'departments:store', ['department.create']),
	route('GET', '/departments/{department}', 'departments:show', ['department.get']),
	route('POST', '/departments/{department}', 'departments:update', ['department.update']),
	route('DELETE', '/departments/{department}', 'departments:delete', ['department.delete']),
	route('GET', '/tickets', 'tickets:index', ['ticket.getAll']),
	route('POST', '/tickets', 'tickets:store', ['ticket.create']),
	route('GET', '/tickets/{ticket}', 'tickets:show', ['ticket.get']),
	route('POST', '/tickets/{ticket}', 'tickets:update', ['ticket.update']),
	route('DELETE', '/tickets/{ticket}', 'tickets:delete', ['ticket.delete']),
	route('POST', '/tickets/{ticket}/reply', 'tickets:reply', ['ticket.reply']),
	route('POST', '/tickets/{ticket}/close', 'tickets:close', ['ticket.close']),
	route('POST', '/tickets/{ticket}/reopen', 'tickets:reopen', ['ticket.reopen']),
	route('GET', '/coupons', 'coupons:index', ['coupon.getAll']),
	route('POST', '/coupons', 'coupons:store', ['coupon.create']),
	route('GET', '/coupons/{coupon}', 'coupons:show', ['coupon.get']),
	route('POST', '/coupons/{coupon}', 'coupons:update', ['coupon.update']),
	route('DELETE', '/coupons/{coupon}', 'coupons:delete', ['coupon.delete']),
	route('GET', '/servers', 'servers:index', ['server.getAll']),
	route('POST', '/servers', 'servers:store', ['server.create']),
	route('GET', '/servers/{server}', 'servers:show', ['server.get']),
	route('POST', '/servers/{server}', 'servers:update', ['server.update']),
	route('DELETE', '/servers/{server}', 'servers:delete', ['server.delete']),
	route('POST', '/servers/test', 'servers:test', ['server.testConnection'], 'Unreachable in ClientXCMS 2.16: POST /servers/{server} captures it; flagged in the UI'),
	route('GET', '/logs', 'logs:index', ['actionLog.getAll']),
	route('GET', '/logs/{log}', 'logs:show', ['actionLog.get']),
	route('GET', '/subdomains', 'subdomains:index', ['subdomainHost.getAll']),
	route('POST', '/subdomains', 'subdomains:store', ['subdomainHost.create']),
	route('GET', '/subdomains/{subdomain}', 'subdomains:show', ['subdomainHost.get']),
	route('POST', '/subdomains/{subdomain}', 'subdomains:update', ['subdomainHost.update']),
	route('DELETE', '/subdomains/{subdomain}', 'subdomains:delete', ['subdomainHost.delete']),
	route('GET', '/cancellation_reasons', 'cancellation_reasons:index', ['cancellationReason.getAll']),
	route('POST', '/cancellation_reasons', 'cancellation_reasons:store', ['cancellationReason.create']),
	route('GET', '/cancellation_reasons/{cancellation_reason}', 'cancellation_reasons:show', ['cancellationReason.get']),
	route('POST', '/cancellation_reasons/{cancellation_reason}', 'cancellation_reasons:update', ['cancellationReason.update']),
	route('DELETE', '/cancellation_reasons/{cancellation_reason}', 'cancellation_reasons:delete', ['cancellationReason.delete']),
	route('GET', '/cancellation_reasons_analytics', 'cancellation_reasons:analytics', ['cancellationReason.getAnalytics']),
];

const compiled = CLIENTXCMS_ROUTES.map((r) => ({
	route: r,
	pattern: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/**
 * The route Laravel would match for a request: the first registered route whose method and
 * pattern fit (so `POST /servers/test` resolves to `POST /servers/{server}`, as on a real
 * instance).
 */
export function matchRoute(method: string, path: string): ClientXcmsRoute | undefined {
	const clean = path.split('?')[0].replace(/\/+$/, '');
	return compiled.find((c) => c.route.method === method && c.pattern.test(clean))?.route;
}

/** The ability a request needs, for the 403 hint. */
export function abilityFor(method: string, path: string): string | undefined {
	return matchRoute(method, path)?.ability;
}

/** `"GET /customers"` → operations that call it: the machine-readable coverage map. */
export const ROUTE_OPERATIONS: Record<string, string[]> = Object.fromEntries(
	CLIENTXCMS_ROUTES.map((r) => [`${r.method} ${r.path}`, r.operations]),
);
