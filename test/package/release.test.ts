import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

function node(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
	const result = spawnSync(process.execPath, [script, ...args], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, GITHUB_REPOSITORY: '', ...env },
	});
	return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

let scratch: string;
beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), 'bc-release-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('workflow lint (npm run lint)', () => {
	const lint = join(root, 'scripts', 'lint-workflows.js');

	it('passes the repository workflows', () => {
		const { status, out } = node(lint, []);
		expect(out).toContain('actionlint: 2 workflow file(s), 0 problem(s)');
		expect(status).toBe(0);
	}, 60_000);

	it('fails broken workflows, naming each problem with its line', () => {
		const broken = join(scratch, 'broken.yml');
		writeFileSync(
			broken,
			[
				'on:',
				'  push:',
				'permissions:',
				'  id-token: writ',
				'jobs:',
				'  publish:',
				'    runs-on: ubuntu-latest',
				'    needs: [build]',
				'    steps:',
				'      - run: echo "${{ steps.version.outputs.value }}"',
				'        shell: bashh',
				'',
			].join('\n'),
		);
		const unparsable = join(scratch, 'unparsable.yml');
		writeFileSync(unparsable, 'on: push\njobs:\n  a:\n    steps:\n      - run: [oops\n');
		const { status, out } = node(lint, [unparsable, broken]);
		expect(status).toBe(1);
		expect(out).toMatch(/unparsable\.yml: actionlint could not parse it \(.+\): check the YAML syntax/);
		expect(out).toMatch(/broken\.yml:4:\d+: "writ" is invalid for permission of scope "id-token"/);
		expect(out).toMatch(/broken\.yml:6:\d+: job "publish" needs job "build" which does not exist/);
		expect(out).toMatch(/broken\.yml:10:\d+: property "version" is not defined/);
		expect(out).toMatch(/broken\.yml:11:\d+: shell name "bashh" is invalid/);
		expect(out).toContain('actionlint: 2 workflow file(s), 5 problem(s)');
	}, 60_000);
});

describe('release check (scripts/release-check.js)', () => {
	/** A copy of the script in a project of its own, so package.json and CHANGELOG can vary. */
	function project(pkg: object, changelog: string): string {
		const dir = mkdtempSync(join(scratch, 'project-'));
		mkdirSync(join(dir, 'scripts'));
		copyFileSync(join(root, 'scripts', 'release-check.js'), join(dir, 'scripts', 'release-check.js'));
		writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
		writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
		return join(dir, 'scripts', 'release-check.js');
	}
	const repository = { type: 'git', url: 'git+https://github.com/Acme/n8n-nodes-business-connectors.git' };
	const changelog = '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2027-01-04\n### Added\n- x\n';

	it('lets a tag naming the version through', () => {
		const script = project({ version: '1.2.0', repository }, changelog);
		const { status, out } = node(script, ['v1.2.0'], { GITHUB_REPOSITORY: 'acme/n8n-nodes-business-connectors' });
		expect(out).toBe('Releasing 1.2.0 from tag v1.2.0\n');
		expect(status).toBe(0);
	});

	it('refuses a tag that differs from package.json', () => {
		const script = project({ version: '1.2.0', repository }, changelog);
		const { status, out } = node(script, ['v1.2.1']);
		expect(out).toBe(
			'::error::Tag "v1.2.1" does not match package.json version 1.2.0: tag v1.2.0, or change the version first.\n',
		);
		expect(status).toBe(1);
	});

	it('refuses a version without its CHANGELOG section', () => {
		const script = project({ version: '1.3.0', repository }, changelog);
		const { status, out } = node(script, ['v1.3.0']);
		expect(out).toContain('::error::CHANGELOG.md has no "## [1.3.0] - YYYY-MM-DD" section');
		expect(status).toBe(1);
	});

	it('refuses a package.json whose repository is not the publishing one', () => {
		const missing = project({ version: '1.2.0' }, changelog);
		const other = project({ version: '1.2.0', repository }, changelog);
		const env = { GITHUB_REPOSITORY: 'someone/fork' };
		expect(node(missing, ['v1.2.0'], env)).toEqual({
			status: 1,
			out: '::error::package.json repository.url is missing; npm provenance needs { "type": "git", "url": "git+https://github.com/someone/fork.git" }.\n',
		});
		expect(node(other, ['v1.2.0'], env).out).toContain(
			'repository.url is "https://github.com/acme/n8n-nodes-business-connectors"',
		);
	});
});

describe('the workflows run what the README and .ci/run say', () => {
	it('CI runs the README test command on Node 20, caching the n8n installs', () => {
		const ci = read('.github/workflows/ci.yml');
		expect(read('.ci/run')).toContain('\nnpm ci && npm run test:all\n');
		expect(read('README.md')).toContain('`npm ci && npm run test:all`');
		expect(ci).toContain('run: npm ci && npm run test:all');
		expect(ci).toMatch(/node-version: 20\n/);
		expect(ci).toContain('path: ~/.cache/n8n-nodes-business-connectors');
	});

	it('release publishes with provenance through OIDC only, after the check and the unit suite', () => {
		const release = read('.github/workflows/release.yml');
		expect(release).toMatch(/permissions:\n {2}contents: read\n {2}id-token: write\n/);
		expect(release).not.toMatch(/secrets\.|NODE_AUTH_TOKEN\s*:|_authToken/);
		const order = [
			'node scripts/release-check.js',
			'npm install -g npm@^11.5.1',
			'npm run lint && npm run typecheck && npm run build && npx jest',
			'npm publish --provenance --access public',
		].map((step) => release.indexOf(step));
		expect(order.every((at) => at > 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});
});
