import '../harness/env';

import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Harness } from '../harness/harness';
import { simulators } from '../sandbox';
import type { StartedSimulator } from '../sandbox/types';

type Demo = (h: Harness, sim: StartedSimulator, print: (title: string, items: unknown[]) => void) => Promise<void>;

function print(title: string, items: unknown[]): void {
	process.stdout.write(`\n== ${title} (${items.length} item${items.length === 1 ? '' : 's'})\n`);
	for (const item of items) process.stdout.write(`   ${JSON.stringify(item)}\n`);
}

/**
 * `npm run demo`: starts every API simulator on a free port and runs each API's example
 * workflows through the n8n engine, printing the items they produce.
 */
async function main(): Promise<void> {
	let failed = 0;
	for (const def of simulators) {
		const file = join(__dirname, `${def.name}.ts`);
		if (!existsSync(file)) continue;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { demo } = require(file) as { demo: Demo };
		const sim = await def.start();
		const h = new Harness().setCredentials(sim.credentialType, sim.credentials);
		process.stdout.write(`\n#### ${def.name} simulator at ${sim.url}\n`);
		try {
			await demo(h, sim, print);
		} catch (error) {
			failed++;
			process.stdout.write(`!! ${def.name} demo failed: ${(error as Error).message}\n`);
		} finally {
			await sim.close();
		}
	}
	process.exit(failed ? 1 : 0);
}

void main();
