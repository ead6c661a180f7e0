import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { packageJson } from '../../../scripts/n8n/pack';
import { ROOT } from '../../../scripts/n8n/config';
import { simulators } from '../../sandbox';
import type { SimulatorDefinition } from '../../sandbox/types';
import type { ApiSuite } from '../types';
import { stableId, type CredentialRef } from './workflows';

export interface NodeInfo {
	/** Short name (`telesto`), the part after the package name in the node type. */
	name: string;
	displayName: string;
	trigger: boolean;
	/** resource value -> operation values, read from the built node's description. */
	operations: Record<string, string[]>;
	defaultResource?: string;
	/** Default operation per resource. */
	defaultOperation: Record<string, string>;
	credentialTypes: string[];
}

export interface ApiEntry {
	/** Simulator name, e.g. `telesto`; the node folder is the same name with a capital. */
	api: string;
	simulator: SimulatorDefinition;
	suite?: ApiSuite;
	nodes: NodeInfo[];
}

interface Prop {
	name: string;
	type: string;
	default?: unknown;
	options?: Array<{ value?: string }>;
	displayOptions?: { show?: Record<string, unknown[]> };
}

function describeNode(distPath: string): NodeInfo {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(join(ROOT, distPath)) as Record<string, new () => { description: Record<string, unknown> }>;
	const ctor = Object.values(mod).find((v) => typeof v === 'function');
	if (!ctor) throw new Error(`${distPath} exports no class`);
	const d = new ctor().description as {
		name: string;
		displayName: string;
		polling?: boolean;
		group?: string[];
		properties: Prop[];
		credentials?: Array<{ name: string }>;
	};
	const resourceProp = d.properties.find((p) => p.name === 'resource' && p.type === 'options');
	const operations: Record<string, string[]> = {};
	const defaultOperation: Record<string, string> = {};
	for (const p of d.properties.filter((x) => x.name === 'operation' && x.type === 'options')) {
		const resources = (p.displayOptions?.show?.resource as string[] | undefined) ?? ['_'];
		for (const r of resources) {
			operations[r] = [...(operations[r] ?? []), ...(p.options ?? []).map((o) => String(o.value))];
			defaultOperation[r] = String(p.default);
		}
	}
	return {
		name: d.name,
		displayName: d.displayName,
		trigger: Boolean(d.polling) || (d.group ?? []).includes('trigger'),
		operations,
		defaultResource: resourceProp ? String(resourceProp.default) : undefined,
		defaultOperation,
		credentialTypes: (d.credentials ?? []).map((c) => c.name),
	};
}

/** `nodes/ShopApplication/...` belongs to the simulator `shopApplication`. */
function apiOfNodePath(distPath: string): string {
	const folder = distPath.split('/')[2] ?? '';
	return folder.charAt(0).toLowerCase() + folder.slice(1);
}

/** Every simulator in test/sandbox/index.ts, with its nodes (from package.json) and its e2e suite file if any. */
export function discoverApis(only: string[] = []): ApiEntry[] {
	const pkg = packageJson();
	return simulators
		.filter((s) => !only.length || only.includes(s.name))
		.map((simulator) => {
			const file = join(__dirname, '..', 'apis', `${simulator.name}.ts`);
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const suite = existsSync(file) ? (require(file) as { suite: ApiSuite }).suite : undefined;
			const nodes = pkg.n8n.nodes.filter((p) => apiOfNodePath(p) === simulator.name).map(describeNode);
			return { api: simulator.name, simulator, suite, nodes };
		});
}

export function credentialRef(api: string, type: string, name: string): CredentialRef {
	return { type, id: stableId(`credential:${api}`), name };
}
