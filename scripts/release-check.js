#!/usr/bin/env node
// Run by .github/workflows/release.yml before anything is published: refuses a release whose tag
// does not name package.json's version, whose version has no CHANGELOG section, or whose
// package.json `repository` is not the repository publishing it (npm rejects a provenance
// statement from another repository, after the build and tests have already run).
// Usage: node scripts/release-check.js <tag>   (GITHUB_REPOSITORY is read when set)
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function repositoryUrl(pkg) {
	const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	if (!raw) return undefined;
	const url = raw.startsWith('github:') ? `https://github.com/${raw.slice('github:'.length)}` : raw;
	return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^git:\/\//, 'https://').toLowerCase();
}

function problems(tag) {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const found = [];
	if (tag !== `v${pkg.version}`) {
		found.push(`Tag "${tag}" does not match package.json version ${pkg.version}: tag v${pkg.version}, or change the version first.`);
	}
	const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
	const escaped = pkg.version.replace(/[.+]/g, '\\$&');
	if (!new RegExp(`^## \\[${escaped}\\]`, 'm').test(changelog)) {
		found.push(`CHANGELOG.md has no "## [${pkg.version}] - YYYY-MM-DD" section: move the Unreleased entries under it.`);
	}
	const repository = process.env.GITHUB_REPOSITORY;
	if (repository) {
		const expected = `https://github.com/${repository}`.toLowerCase();
		const actual = repositoryUrl(pkg);
		if (actual !== expected) {
			found.push(
				`package.json repository.url is ${actual ? `"${actual}"` : 'missing'}; npm provenance needs ` +
					`{ "type": "git", "url": "git+https://github.com/${repository}.git" }.`,
			);
		}
	}
	return { version: pkg.version, found };
}

const tag = process.argv[2] || process.env.GITHUB_REF_NAME || '';
const { version, found } = problems(tag);
for (const message of found) process.stdout.write(`::error::${message}\n`);
if (found.length === 0) process.stdout.write(`Releasing ${version} from tag ${tag}\n`);
process.exit(found.length === 0 ? 0 : 1);
