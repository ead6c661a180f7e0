#!/usr/bin/env node
// Runs the unit suite with jest's JSON report and ends with the plain line "N passed, N failed",
// so a run that executed no test can never look green.
const { spawnSync } = require('node:child_process');
const { readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const report = join(root, '.jest-results.json');
rmSync(report, { force: true });

const jest = spawnSync(
	process.execPath,
	[require.resolve('jest/bin/jest'), '--json', `--outputFile=${report}`, ...process.argv.slice(2)],
	{ cwd: root, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
try {
	const result = JSON.parse(readFileSync(report, 'utf8'));
	passed = result.numPassedTests;
	failed = result.numFailedTests + (result.numRuntimeErrorTestSuites || 0);
} catch {
	failed = 1;
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(jest.status === 0 && passed > 0 && failed === 0 ? 0 : 1);
