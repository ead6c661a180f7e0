import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

const root = join(__dirname, '..', '..');

interface N8nBlock {
	nodes: string[];
	credentials: string[];
}

/** `BC_NODES_FROM=dist` loads the built package (the demo proves the build), else the sources. */
function sourceOf(distPath: string): string {
	if (process.env.BC_NODES_FROM === 'dist') return join(root, distPath);
	return join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

function loadClassInstances<T>(paths: string[]): T[] {
	return paths.map((p) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(sourceOf(p)) as Record<string, new () => T>;
		const ctor = Object.values(mod).find((v) => typeof v === 'function');
		if (!ctor) throw new Error(`${p} exports no class`);
		return new ctor();
	});
}

/** Every node and credential the package.json n8n block declares, loaded from source. */
export function loadPackageTypes(): { nodes: INodeType[]; credentials: ICredentialType[] } {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: N8nBlock };
	return {
		nodes: loadClassInstances<INodeType>(pkg.n8n.nodes),
		credentials: loadClassInstances<ICredentialType>(pkg.n8n.credentials),
	};
}

export const PACKAGE_NAME = 'n8n-nodes-business-connectors';
