#!/usr/bin/env node
// Runs the unit suite with jest's JSON report and, with --e2e, the end-to-end suites in real n8n
// (both n8n lines, then queue mode); ends with the plain line "N passed, N failed" over all of
// them, so a run that executed no test can never look green.
const { spawnSync } = require('node:child_process');
const { readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const withE2e = process.argv.includes('--e2e');
const jestArgs = process.argv.slice(2).filter((a) => a !== '--e2e');

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

const jestReport = join(root, '.jest-results.json');
rmSync(jestReport, { force: true });
const jest = spawnSync(
	process.execPath,
	[require.resolve('jest/bin/jest'), '--json', `--outputFile=${jestReport}`, ...jestArgs],
	{ cwd: root, stdio: 'inherit' },
);
const unit = readJson(jestReport);
const totals = {
	passed: unit ? unit.numPassedTests : 0,
	failed: unit ? unit.numFailedTests + (unit.numRuntimeErrorTestSuites || 0) : 1,
};
let ok = jest.status === 0 && totals.passed > 0 && totals.failed === 0;
const lines = [`unit and engine tests (jest): ${totals.passed} passed, ${totals.failed} failed`];

if (withE2e) {
	const e2eReport = join(root, 'test-output', 'e2e', 'results.json');
	rmSync(e2eReport, { force: true });
	const e2e = spawnSync('npm', ['run', 'test:e2e', '--', '--skip-build'], { cwd: root, stdio: 'inherit' });
	const result = readJson(e2eReport) || { passed: 0, failed: 1, skipped: 0 };
	totals.passed += result.passed;
	totals.failed += result.failed;
	ok = ok && e2e.status === 0 && result.passed > 0 && result.failed === 0;
	lines.push(`end-to-end tests in real n8n: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);

	// n8n in queue mode (Postgres, Redis, main + 2 workers): shared limits and tokens, counted.
	const queueReport = join(root, 'test-output', 'e2e-queue', 'results.json');
	rmSync(queueReport, { force: true });
	const queue = spawnSync('npm', ['run', 'test:e2e:queue', '--', '--skip-build'], { cwd: root, stdio: 'inherit' });
	const queued = readJson(queueReport) || { passed: 0, failed: 1, skipped: 0, figures: [] };
	totals.passed += queued.passed;
	totals.failed += queued.failed;
	ok = ok && queue.status === 0 && queued.passed > 0 && queued.failed === 0;
	lines.push(`end-to-end tests in n8n queue mode: ${queued.passed} passed, ${queued.failed} failed (${queued.seconds ?? '?'} s)`);
	for (const figure of queued.figures || []) lines.push(`  ${figure}`);
}

for (const line of lines) process.stdout.write(`${line}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(ok ? 0 : 1);
