import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { clientXcmsRegistry } from '../../nodes/ClientXcms/actions/registry';
import { abilityFor, CLIENTXCMS_ROUTES, ROUTE_OPERATIONS } from '../../nodes/ClientXcms/routes';

const SPEC = join(__dirname, '..', '..', '..', 'shared', 'api', 'clientxcms.md');
const FIXTURE = join(__dirname, 'fixtures', 'appendix-a.md');

/** Appendix A of the API reference (the steering repo's copy when it is beside this one). */
function appendixText(file: string): string {
	const text = readFileSync(file, 'utf8');
	return text.slice(text.indexOf('## Appendix A'));
}

/** `| # | METHOD | /path | ability | … |` rows of Appendix A. */
function specRoutes(): Array<{ method: string; path: string; ability: string }> {
	const appendix = appendixText(existsSync(SPEC) ? SPEC : FIXTURE);
	return [...appendix.matchAll(/^\| (\d+) \| `(\w+)` \| `([^`]+)` \| `([^`]+)` \|/gm)].map((m) => ({
		method: m[2],
		path: m[3],
		ability: m[4],
	}));
}

describe('ClientXCMS route coverage', () => {
	const routes = specRoutes();

	it('reads the 82 routes of the spec', () => {
		expect(routes).toHaveLength(82);
	});

	(existsSync(SPEC) ? it : it.skip)('keeps its copy of Appendix A identical to the spec', () => {
		expect(appendixText(FIXTURE)).toBe(appendixText(SPEC));
	});

	it.each(specRoutes().map((r) => [`${r.method} ${r.path}`, r.ability]))('%s has an operation (ability %s)', (key, ability) => {
		const operations = ROUTE_OPERATIONS[key];
		expect(operations?.length).toBeGreaterThan(0);
		for (const op of operations) {
			const [resource, operation] = op.split('.');
			expect((clientXcmsRegistry as Record<string, Record<string, unknown>>)[resource]?.[operation]).toBeDefined();
		}
		expect(CLIENTXCMS_ROUTES.find((r) => `${r.method} ${r.path}` === key)?.ability).toBe(ability);
	});

	it('maps no route the spec does not have, and every operation to a route', () => {
		expect(Object.keys(ROUTE_OPERATIONS).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
		const mapped = new Set(Object.values(ROUTE_OPERATIONS).flat());
		for (const [resource, ops] of Object.entries(clientXcmsRegistry)) {
			for (const op of Object.keys(ops)) expect(mapped.has(`${resource}.${op}`) ? `${resource}.${op}` : 'unmapped').toBe(`${resource}.${op}`);
		}
	});

	it('resolves abilities the way Laravel matches routes (first registered wins)', () => {
		expect(abilityFor('POST', '/services/5/expire')).toBe('services:expire');
		expect(abilityFor('GET', '/invoices/3/pdf')).toBe('invoices:show');
		expect(abilityFor('GET', '/cancellation_reasons_analytics')).toBe('cancellation_reasons:analytics');
		// POST /servers/test is captured by POST /servers/{server}, as on a real instance.
		expect(abilityFor('POST', '/servers/test')).toBe('servers:update');
	});
});

describe('ClientXCMS node description', () => {
	const node = new ClientXcms();
	const props = node.description.properties;
	const operations = props.filter((p) => p.name === 'operation');

	it('is usable as a tool and has an operation selector per resource, each with action and description', () => {
		expect(node.description.usableAsTool).toBe(true);
		const resources = props.find((p) => p.name === 'resource')?.options as Array<{ value: string }>;
		expect(resources.map((r) => r.value).sort()).toEqual(Object.keys(clientXcmsRegistry).sort());
		for (const selector of operations) {
			for (const option of selector.options as Array<{ action?: string; description?: string; value: string }>) {
				expect(option.action).toBeTruthy();
				expect(option.description).toBeTruthy();
			}
		}
	});

	it('gives every Get Many Return All and Limit (default 50)', () => {
		for (const resource of Object.keys(clientXcmsRegistry)) {
			if (!('getAll' in (clientXcmsRegistry as Record<string, object>)[resource])) continue;
			const shown = (name: string) =>
				props.find((p) => p.name === name && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes('getAll'));
			expect(shown('returnAll')).toBeDefined();
			expect(shown('limit')?.default).toBe(50);
		}
	});

	it('uses resource locators for customers, services, products and invoices', () => {
		for (const name of ['customerId', 'serviceId', 'productId', 'invoiceId']) {
			expect(props.find((p) => p.name === name)?.type).toBe('resourceLocator');
		}
	});
});
