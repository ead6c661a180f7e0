import type { INodeProperties } from 'n8n-workflow';

import { shopApplicationRegistry } from '../../nodes/ShopApplication/actions/registry';
import { ShopApplication } from '../../nodes/ShopApplication/ShopApplication.node';
import { ShopApplicationTrigger } from '../../nodes/ShopApplication/ShopApplicationTrigger.node';
import { ShopApplicationApi } from '../../credentials/ShopApplicationApi.credentials';

const node = new ShopApplication().description;
const props = node.properties;

function shownFor(resource: string, operation: string): INodeProperties[] {
	return props.filter(
		(p) =>
			p.displayOptions?.show?.resource?.includes(resource) &&
			(p.displayOptions.show.operation === undefined || p.displayOptions.show.operation.includes(operation)),
	);
}

describe('Shop Application descriptions', () => {
	it('is a tool-usable node with every operation of the registry, each with action and description', () => {
		expect(node.usableAsTool).toBe(true);
		expect(node.subtitle).toContain('$parameter["operation"]');
		const resources = props.find((p) => p.name === 'resource')!.options!.map((o) => (o as { value: string }).value);
		expect(resources.sort()).toEqual(Object.keys(shopApplicationRegistry).sort());
		for (const resource of resources) {
			const selector = props.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))!;
			const values = selector.options!.map((o) => o as { value: string; action?: string; description?: string });
			expect(values.map((o) => o.value).sort()).toEqual(
				Object.keys(shopApplicationRegistry[resource as keyof typeof shopApplicationRegistry]).sort(),
			);
			for (const o of values) {
				expect(o.action).toBeTruthy();
				expect(o.description).toBeTruthy();
			}
		}
	});

	it('gives every Get Many Return All and Limit (default 50)', () => {
		for (const resource of Object.keys(shopApplicationRegistry)) {
			const fields = shownFor(resource, 'getAll');
			expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['returnAll', 'limit']));
			expect(fields.find((f) => f.name === 'limit')?.default).toBe(50);
		}
	});

	it('picks interfaces with a resource locator and codes from the catalogue', () => {
		const locators = props.filter((p) => p.name === 'interface');
		expect(locators.length).toBeGreaterThan(0);
		for (const l of locators) expect(l.type).toBe('resourceLocator');
		for (const p of props.filter((x) => x.name === 'prestations' || x.name === 'prestationCode')) {
			expect(p.typeOptions?.loadOptionsMethod).toBe('getPrestationCodes');
		}
	});

	it('describes a polling trigger that says how many interfaces a poll checks', () => {
		const trigger = new ShopApplicationTrigger().description;
		expect(trigger.polling).toBe(true);
		expect(trigger.group).toEqual(['trigger']);
		expect(trigger.inputs).toEqual([]);
		const checks = trigger.properties.filter((p) => p.name === 'maxChecks');
		expect(checks).toHaveLength(2);
		for (const c of checks) expect(c.description).toMatch(/ceil\(/);
	});

	it('keeps the client secret a password and the token hidden and expirable', () => {
		const cred = new ShopApplicationApi();
		const byName = Object.fromEntries(cred.properties.map((p) => [p.name, p]));
		expect(byName.clientSecret.typeOptions?.password).toBe(true);
		expect(byName.accessToken.type).toBe('hidden');
		expect(byName.accessToken.typeOptions?.expirable).toBe(true);
		expect(cred.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}', Accept: 'application/json' } },
		});
	});
});
