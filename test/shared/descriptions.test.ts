import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { loadPackageTypes } from '../harness/package-types';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	keywords: string[];
	n8n: { nodes: string[]; credentials: string[] };
	dependencies: Record<string, string>;
};
const { nodes, credentials } = loadPackageTypes();
const actionNodes = nodes.filter((n) => !n.description.polling);
const triggers = nodes.filter((n) => n.description.polling);

function operationsOf(node: INodeType): Array<{ resource: string; option: { value: string; action?: string; description?: string } }> {
	return node.description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as Array<{ value: string; action?: string; description?: string }>).map((option) => ({
				resource: String(p.displayOptions?.show?.resource?.[0]),
				option,
			})),
		);
}

function shownFor(p: INodeProperties, resource: string, operation: string): boolean {
	const show = p.displayOptions?.show;
	return !!show && (show.resource as string[] | undefined)?.includes(resource) === true && (show.operation as string[] | undefined)?.includes(operation) === true;
}

describe('package', () => {
	it('is a community node package whose n8n block points at existing sources', () => {
		expect(pkg.keywords).toContain('n8n-community-node-package');
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(existsSync(join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
		}
		// zod validates, ioredis shares limits in queue mode (README, "Queue mode"); nothing else ships.
		expect(Object.keys(pkg.dependencies)).toEqual(['ioredis', 'zod']);
	});
});

describe.each(actionNodes.map((n) => [n.description.name, n] as const))('action node %s', (_name, node) => {
	const d = node.description;

	it('is usable as a tool, shows the operation in its subtitle, and has a codex file', () => {
		expect(d.usableAsTool).toBe(true);
		expect(d.subtitle).toContain('$parameter["operation"]');
		const file = pkg.n8n.nodes.find((f) => f.endsWith(`/${d.displayName.replace(/\s/g, '')}.node.js`) || f.toLowerCase().includes(`/${d.name.toLowerCase()}.node.js`));
		expect(file).toBeDefined();
		expect(existsSync(join(root, file!.replace(/^dist\//, '').replace(/\.js$/, '.json')))).toBe(true);
	});

	it('gives every operation an action and a description', () => {
		const ops = operationsOf(node);
		expect(ops.length).toBeGreaterThan(0);
		for (const { option } of ops) {
			expect(option.action).toBeTruthy();
			expect(option.description).toBeTruthy();
		}
	});

	it('gives every Get Many operation Return All and a Limit defaulting to 50', () => {
		for (const { resource, option } of operationsOf(node).filter((o) => o.option.value === 'getAll')) {
			const props = d.properties.filter((p) => shownFor(p, resource, 'getAll'));
			expect(props.find((p) => p.name === 'returnAll')).toBeDefined();
			expect(props.find((p) => p.name === 'limit')?.default).toBe(50);
			expect(option).toBeDefined();
		}
	});

	it('declares credentials that the package ships', () => {
		for (const c of d.credentials ?? []) expect(credentials.map((x) => x.name)).toContain(c.name);
	});
});

describe.each(triggers.map((n) => [n.description.name, n] as const))('trigger %s', (_name, node) => {
	it('is a polling trigger without inputs and with an Event choice', () => {
		const d = node.description;
		expect(d.polling).toBe(true);
		expect(d.group).toContain('trigger');
		expect(d.inputs).toEqual([]);
		expect(typeof node.poll).toBe('function');
		expect(d.properties.find((p) => p.name === 'event')?.type).toMatch(/options/);
	});
});

describe.each(credentials.map((c) => [c.name, c] as const))('credential %s', (_name, credential) => {
	it('has a Test (its request, or a test function of every node using it), a documentation URL and hides its secrets', () => {
		const users = nodes.filter((n) => (n.description.credentials ?? []).some((c) => c.name === credential.name));
		expect(users.length).toBeGreaterThan(0);
		if (!credential.test) {
			for (const node of users) {
				const testedBy = node.description.credentials!.find((c) => c.name === credential.name)!.testedBy;
				expect(typeof testedBy).toBe('string');
				expect(typeof node.methods?.credentialTest?.[testedBy as string]).toBe('function');
			}
		}
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		for (const p of credential.properties) {
			if (/secret|apikey|password/i.test(p.name)) expect(p.typeOptions?.password).toBe(true);
		}
	});
});
