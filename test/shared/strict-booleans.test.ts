import type { INodeProperties } from 'n8n-workflow';

import { loadPackageTypes } from '../harness/package-types';
import { api, run } from '../clientXcms/helpers';

/** Every boolean field of a description, top level and inside collections, by its path. */
function booleans(properties: INodeProperties[], at = ''): Array<{ path: string; prop: INodeProperties }> {
	return properties.flatMap((p) => {
		if (p.type === 'boolean') return [{ path: `${at}${p.name}`, prop: p }];
		if (p.type === 'collection') return booleans(p.options as INodeProperties[], `${at}${p.name}.`);
		if (p.type === 'fixedCollection') {
			// n8n validates a fixed collection's fields only when read one by one: none may be boolean yet.
			return (p.options ?? []).flatMap((o) => ('values' in o ? booleans(o.values, `${at}${p.name}.${o.name}.`) : []));
		}
		return [];
	});
}

describe('boolean fields given by an expression', () => {
	it('are typed for n8n to check in every node (top level and in collections)', () => {
		const found = loadPackageTypes().nodes.flatMap((node) =>
			booleans(node.description.properties).map((b) => ({ node: node.description.name, ...b })),
		);
		expect(found.length).toBeGreaterThan(30);
		const untyped = found.filter((b) => b.prop.validateType !== 'boolean' || b.path.split('.').length > 2);
		expect(untyped.map((b) => `${b.node} ${b.path}`)).toEqual([]);
	});

	const deleteCustomer = { resource: 'customer', operation: 'delete', customerId: { mode: 'id', value: '7' }, force: '={{ $json.force }}' };

	it('read "true" from a webhook as true and refuse junk, naming the field and the item (Continue On Fail)', async () => {
		const scope = api()
			.delete('/customers/7')
			.query({ force: 'true' })
			.reply(200, { message: 'Customer deleted successfully' })
			.delete('/customers/7')
			.reply(200, { message: 'Customer deleted successfully' });
		const { items, error } = await run(deleteCustomer, {
			input: [{ force: 'true' }, { force: false }, { force: 'maybe' }],
			continueOnFail: true,
		});
		scope.done();
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const deleted = { deleted: true, id: 7, message: 'Customer deleted successfully' };
		expect(items[0].json).toEqual(deleted);
		expect(items[1].json).toEqual(deleted);
		expect(items[2].json).toEqual({
			error: { message: "Invalid input for 'Force' [item 2]", description: "'force' expects a boolean but we got 'maybe'" },
		});
	});

	it('stop the node on junk before anything is sent', async () => {
		const { error } = await run(deleteCustomer, { input: [{ force: 'yes' }] });
		expect(error?.message).toBe("Invalid input for 'Force' [item 0]");
		expect(error?.description).toBe("'force' expects a boolean but we got 'yes'");
	});

	it('inside a collection: "TRUE" is true, an object is refused', async () => {
		const scope = api()
			.post('/services/5/suspend', { notify: true })
			.reply(200, { data: { id: 5, status: 'suspended' }, result: { success: true, message: 'Suspended' } });
		const parameters = { resource: 'service', operation: 'suspend', serviceId: { mode: 'id', value: '5' }, options: { notify: '={{ $json.notify }}' } };
		const { items } = await run(parameters, { input: [{ notify: 'TRUE' }, { notify: { a: 1 } }], continueOnFail: true });
		scope.done();
		expect(items[0].json).toMatchObject({ id: 5, status: 'suspended' });
		expect(items[1].json).toEqual({
			error: {
				message: "Invalid input for field 'Notify Customer' inside 'Options' in [item 1]",
				description: expect.stringMatching(/^'notify' expects a boolean but we got/),
			},
		});
	});
});
