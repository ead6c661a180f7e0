import nock from 'nock';
import type { IDataObject, IExecuteFunctions, INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { clock, type OperationModule, type OperationRegistry } from '../../nodes/shared';
import { segmentProblem } from '../../nodes/shared/values/paths';
import { clientXcmsRegistry } from '../../nodes/ClientXcms/actions/registry';
import { resetPacing } from '../../nodes/ClientXcms/transport/pacing';
import { onlineErpRegistry } from '../../nodes/OnlineErp/actions/registry';
import { shopApplicationRegistry } from '../../nodes/ShopApplication/actions/registry';
import { telestoRegistry } from '../../nodes/Telesto/actions/registry';
import { resetBudgets } from '../../nodes/Telesto/transport/budget';
import { clearProductListCache } from '../../nodes/Telesto/transport/product-list';
import { Harness } from '../harness/harness';
import { nodeTypes } from '../harness/node-types';
import { loadPackageTypes } from '../harness/package-types';
import { startClientXcmsSandbox } from '../sandbox/clientXcms';
import { startOnlineErpSandbox } from '../sandbox/onlineErp';
import type { SandboxRequest } from '../sandbox/server';
import { startShopApplicationSandbox } from '../sandbox/shopApplication';
import { startTelestoSandbox } from '../sandbox/telesto';
import type { StartedSimulator } from '../sandbox/types';

/**
 * Every operation of every action node, read from the node descriptions (a new operation or
 * field is covered without a new test), run with hostile values for each of its parameters
 * through the engine against the simulators. Seeded: HOSTILE_SEED and HOSTILE_K change what is
 * tried; the same seed tries the same values.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20260103);
const K = Number(process.env.HOSTILE_K ?? 2);

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const LONG = 'x'.repeat(10_000);
/** The input item: expressions below read values of the wrong type from it. */
const INPUT: IDataObject = { obj: { a: 1 }, list: [1, 'x'], num: 12.5, comma: '12,50', dots: '..', proto: '__proto__.x' };

const TEXT = ['', '   ', '..', '.', '%2e%2e', '%252E%252e', 'a/../b', '__proto__.x', '__proto__', LONG, 42, { a: 1 }, ['a', 'b'], '{not json', '={{ $json.obj }}', '={{ $json.list }}', '={{ $json.dots }}', '={{ $json.proto }}'];
const NUMBER = ['', 'abc', '12,50', '1e999', -1, 0, { a: 1 }, ['1'], '..', '={{ $json.comma }}', '={{ $json.obj }}', '={{ $json.list }}'];
const BOOLEAN = ['yes', 'x', '', 1, { a: 1 }, ['true'], '={{ $json.obj }}'];
const OPTIONS = ['..', '__proto__', 'constructor', 'no-such-value', '', 42, { a: 1 }, ['a'], '={{ $json.obj }}'];
const MULTI = ['a,b', '..,%2e%2e', '', 42, { a: 1 }, [{ a: 1 }], [null], '__proto__', '={{ $json.comma }}', '={{ $json.obj }}'];
const JSON_VALUES = ['{not json', '', 'null', '"text"', '42', '[]', '[1, 2]', '{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {"x": 1}}}', { a: 1 }, ['a'], 42, '={{ $json.list }}'];
const COLLECTION = ['text', 42, ['a'], '{not json', { __proto__x: 1 }, '={{ $json.obj }}'];
const FIXED = ['text', 42, { field: 'text' }, { field: [null] }, { field: [{ name: '__proto__.x', value: 1 }] }, { condition: 'x' }, { parameter: [{ name: '__proto__', value: 'x' }] }];

function poolFor(type: string): unknown[] {
	switch (type) {
		case 'number':
			return NUMBER;
		case 'boolean':
			return BOOLEAN;
		case 'options':
			return OPTIONS;
		case 'multiOptions':
			return MULTI;
		case 'json':
			return JSON_VALUES;
		case 'collection':
			return COLLECTION;
		case 'fixedCollection':
			return FIXED;
		case 'resourceLocator':
			return [...TEXT.map((value) => ({ __rl: true, mode: 'id', value })), '..', { __rl: true, mode: 'id' }];
		default:
			return TEXT;
	}
}

interface Parameter {
	/** Where the value goes: a top-level parameter, or an option of a collection. */
	path: [string] | [string, string];
	type: string;
}

interface Operation {
	node: string;
	credential: string;
	resource: string;
	operation: string;
	parameters: Parameter[];
	baseline: INodeParameters;
}

function shownFor(prop: INodeProperties, resource: string, operation: string): boolean {
	const show = prop.displayOptions?.show;
	if (!show) return true;
	const r = show.resource as string[] | undefined;
	const o = show.operation as string[] | undefined;
	return (!r || r.includes(resource)) && (!o || o.includes(operation));
}

/** A value the field's own description would accept, so that runs reach the hostile one. */
function plausible(prop: INodeProperties): unknown {
	if (prop.type === 'resourceLocator') return { __rl: true, mode: 'id', value: '1' };
	if (prop.required && prop.type === 'string' && !prop.default) return '1';
	return undefined;
}

function operationsOf(type: INodeType): Operation[] {
	const props = type.description.properties;
	const credential = type.description.credentials?.[0]?.name ?? '';
	const resources = (props.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
	const out: Operation[] = [];
	for (const { value: resource } of resources) {
		const selector = props.find((p) => p.name === 'operation' && shownFor(p, resource, ''));
		for (const { value: operation } of (selector?.options ?? []) as Array<{ value: string }>) {
			const baseline: INodeParameters = { resource, operation };
			const parameters: Parameter[] = [];
			for (const prop of props) {
				if (['resource', 'operation'].includes(prop.name) || prop.type === 'notice' || !shownFor(prop, resource, operation)) continue;
				const value = plausible(prop);
				if (value !== undefined) baseline[prop.name] = value as never;
				parameters.push({ path: [prop.name], type: prop.type });
				if (prop.type === 'collection') {
					for (const option of (prop.options ?? []) as INodeProperties[]) {
						if (option.type !== 'notice') parameters.push({ path: [prop.name, option.name], type: option.type });
					}
				}
			}
			out.push({ node: type.description.name, credential, resource, operation, parameters, baseline });
		}
	}
	return out;
}

function withValue(op: Operation, parameter: Parameter, value: unknown): INodeParameters {
	const parameters = { ...op.baseline };
	if (parameter.path.length === 1) parameters[parameter.path[0]] = value as never;
	else parameters[parameter.path[0]] = { [parameter.path[1]]: value } as never;
	return parameters;
}

function nullPaths(value: unknown, at = '', out: string[] = []): string[] {
	if (value === null) out.push(at);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) nullPaths(v, `${at}.${Array.isArray(value) ? '[]' : k}`, out);
	}
	return out;
}

function unsafePath(req: SandboxRequest): boolean {
	return req.rawPath
		.split('/')
		.slice(1)
		.some((segment) => segment !== '' && segmentProblem(segment, { allowSlash: true }) !== undefined);
}

const prototypeShape = () =>
	[Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')).join('|');

describe('hostile input', () => {
	const sims: Record<string, StartedSimulator> = {};
	const h = new Harness();
	const crashes: string[] = [];
	let typeChecked = 0;
	let current = '';
	const realNow = clock.now;
	const realSleep = clock.sleep;

	/** Errors the operations throw that are not NodeOperationError/NodeApiError, seen before the item loop wraps them. */
	function watch(registry: OperationRegistry): void {
		for (const ops of Object.values(registry)) {
			for (const [name, op] of Object.entries(ops)) {
				const original = op;
				ops[name] = {
					...original,
					async execute(this: IExecuteFunctions, i: number) {
						try {
							return await original.execute.call(this, i);
						} catch (error) {
							const kind = (error as Error)?.constructor?.name;
							const message = (error as Error)?.message;
							// n8n's own check of a typed field (validateType): it names the field and the item.
							if (kind === 'ExpressionError' && /^Invalid input for .+ \[item \d+\]$/.test(message)) typeChecked++;
							else if (kind !== 'NodeOperationError' && kind !== 'NodeApiError') crashes.push(`${current}: ${kind}: ${message}`);
							throw error;
						}
					},
				} as OperationModule;
			}
		}
	}

	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		let now = Date.parse('2026-01-05T10:00:00Z');
		clock.now = () => now;
		clock.sleep = async (ms: number) => {
			now += ms;
		};
		const [telesto, shop, cx, erp] = await Promise.all([
			startTelestoSandbox({ limit: 1_000_000 }),
			startShopApplicationSandbox(),
			startClientXcmsSandbox({ limit: 1_000_000 }),
			startOnlineErpSandbox(),
		]);
		Object.assign(sims, { telesto, shopApplication: shop, clientXcms: cx, onlineErp: erp });
		for (const sim of Object.values(sims)) h.setCredentials(sim.credentialType, sim.credentials);
		for (const registry of [telestoRegistry, shopApplicationRegistry, clientXcmsRegistry, onlineErpRegistry]) {
			watch(registry as unknown as OperationRegistry);
		}
	});
	afterAll(async () => {
		clock.now = realNow;
		clock.sleep = realSleep;
		await Promise.all(Object.values(sims).map(async (s) => await s.close()));
		nock.disableNetConnect();
	});

	it('every operation × parameter × hostile value ends in success or a node error, sends nothing unsafe, pollutes nothing', async () => {
		const random = mulberry32(SEED);
		const actionNodes = loadPackageTypes().nodes.filter((n) => !n.description.polling);
		const operations = actionNodes.flatMap((n) => operationsOf(nodeTypes.getByNameAndVersion(`n8n-nodes-business-connectors.${n.description.name}`)));
		const unsafe: string[] = [];
		const shape = prototypeShape();
		let runs = 0;
		let refusedByN8n = 0;
		let parameters = 0;
		for (const op of operations) {
			const sim = sims[op.node];
			(sim as { reset?: () => void }).reset?.();
			clearProductListCache();
			resetBudgets();
			resetPacing();
			const node = (parameters: INodeParameters) => ({ type: op.node, credentials: [op.credential], parameters });
			current = `${op.node} ${op.resource}.${op.operation} baseline`;
			let from = sim.log.length;
			await h.execute({ node: node(op.baseline), input: [INPUT] }).catch(() => undefined);
			const expectedNulls = new Set(sim.log.slice(from).flatMap((r) => nullPaths(r.body).map((p) => `${r.method} ${p}`)));
			for (const parameter of op.parameters) {
				parameters++;
				const pool = poolFor(parameter.type);
				const picked = new Set<number>();
				while (picked.size < Math.min(K, pool.length)) picked.add(Math.floor(random() * pool.length));
				for (const index of picked) {
					const value = pool[index];
					current = `${op.node} ${op.resource}.${op.operation} ${parameter.path.join('.')}=${JSON.stringify(value)?.slice(0, 40)}`;
					from = sim.log.length;
					clearProductListCache();
					resetBudgets();
					runs++;
					let error: Error | undefined;
					try {
						({ error } = await h.execute({ node: node(withValue(op, parameter, value)), input: [INPUT] }));
					} catch (refusal) {
						// n8n itself refuses to start a workflow whose node misses a required value.
						if ((refusal as Error).name !== 'WorkflowHasIssuesError') throw refusal;
						refusedByN8n++;
						continue;
					}
					if (error && error.name !== 'NodeOperationError' && error.name !== 'NodeApiError') crashes.push(`${current}: ${error.name}: ${error.message}`);
					for (const req of sim.log.slice(from)) {
						if (unsafePath(req)) unsafe.push(`${current}: ${req.method} ${req.rawPath}`);
						// A null where the hostile parameter lands came from it; others are the record's own (re-sent by updates).
						const own = parameter.path[parameter.path.length - 1];
						const nulls = nullPaths(req.body).filter(
							(p) => !expectedNulls.has(`${req.method} ${p}`) && (p === '' || p.endsWith(`.${own}`) || p.includes(`.${own}.`)),
						);
						if (nulls.length) unsafe.push(`${current}: ${req.method} ${req.rawPath} body null at ${nulls.join(', ')}`);
					}
					if (prototypeShape() !== shape) {
						unsafe.push(`${current}: a prototype was changed`);
						break;
					}
				}
			}
		}
		process.stdout.write(
			`hostile input: ${operations.length} operations × ${parameters} parameters (all operations) × ${K} values = ${runs} runs, ${crashes.length} crashes, ${unsafe.length} unsafe requests (seed ${SEED}; ${refusedByN8n} refused by n8n before the node ran, ${typeChecked} refused by n8n's type check of a field)\n`,
		);
		expect({ crashes, unsafe }).toEqual({ crashes: [], unsafe: [] });
	}, 600_000);
});
