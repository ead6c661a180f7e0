import { join } from 'node:path';

import { runEditorTests } from '../test/e2e/editor';
import { Results } from '../test/e2e/lib/results';
import { discoverApis } from '../test/e2e/lib/suites';
import { ROOT } from './n8n/config';

/**
 * The editor test against an n8n already running with the sandbox (`npm run dev` in another
 * terminal): `npx ts-node --transpile-only scripts/editor-check.ts [url]`.
 */
async function main(): Promise<void> {
	const url = process.argv[2] ?? 'http://127.0.0.1:5678';
	const results = new Results();
	const apis = discoverApis().map((entry) => ({ entry }));
	await runEditorTests({ url, apis, results, tag: '[dev]', outDir: join(ROOT, 'test-output', 'screenshots', 'dev') });
	process.stdout.write(`${results.closingLine()}\n`);
	process.exitCode = results.count('failed') ? 1 : 0;
}

void main();
