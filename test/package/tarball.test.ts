import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix } from 'node:path';

/** What users install from the registry: `npm pack`'s own file list, read after `npm run build`. */

const root = join(__dirname, '..', '..');
const MAX_PACKED_BYTES = 150 * 1000;

interface PackFile {
	path: string;
	size: number;
}
interface PackResult {
	size: number;
	unpackedSize: number;
	entryCount: number;
	files: PackFile[];
}

interface PackageJson {
	main?: string;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n: { credentials: string[]; nodes: string[] };
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

function run(command: string, args: string[]): string {
	const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
	return result.stdout;
}

/** Shipped code: compiled nodes and credentials, codex files and icons, nothing else. */
const ALLOWED: RegExp[] = [
	/^package\.json$/,
	/^README\.md$/,
	/^LICENSE$/,
	/^dist\/credentials\/[A-Za-z]+\.credentials\.js$/,
	/^dist\/nodes\/[A-Za-z0-9_./-]+\.js$/,
	/^dist\/nodes\/[A-Za-z]+\/[A-Za-z]+\.node\.json$/,
	/^dist\/icons\/[a-z0-9-]+(\.dark)?\.(svg|png)$/,
];
const DEV_ONLY = /(^|\/)(test|tests|__tests__|__mocks__|sandbox|scripts|e2e|demo|bench|harness|fixtures)(\/|$)/;

describe('the npm package tarball', () => {
	let pack: PackResult;
	let paths: Set<string>;

	beforeAll(() => {
		// npm run test:all and the release workflow build first; a bare `npx jest` may not have.
		if (!existsSync(join(root, 'dist'))) run('npm', ['run', 'build']);
		// --ignore-scripts: a prepack script must not rebuild behind the test's back.
		[pack] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'])) as PackResult[];
		paths = new Set(pack.files.map((f) => f.path));
		console.log(
			`npm pack: ${pack.entryCount} files, ${(pack.size / 1000).toFixed(1)} kB packed, ` +
				`${(pack.unpackedSize / 1000).toFixed(1)} kB unpacked`,
		);
	}, 180_000);

	it('holds only compiled code, codex files, icons and the package documents', () => {
		const unexpected = [...paths].filter((p) => !ALLOWED.some((re) => re.test(p)) || DEV_ONLY.test(p));
		expect(unexpected).toEqual([]);
		expect([...paths].filter((p) => p.endsWith('.map') || p.endsWith('.d.ts') || p.endsWith('.ts'))).toEqual([]);
		for (const doc of ['package.json', 'README.md', 'LICENSE']) expect(paths).toContain(doc);
	});

	it('contains every node and credential of the n8n block, each node with its codex file', () => {
		const declared = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
		expect(declared.length).toBeGreaterThan(0);
		expect(declared.filter((p) => !paths.has(p))).toEqual([]);
		expect(pkg.n8n.nodes.map((p) => p.replace(/\.js$/, '.json')).filter((p) => !paths.has(p))).toEqual([]);
	});

	it('names no missing main file', () => {
		if (pkg.main !== undefined) expect(paths).toContain(posix.normalize(pkg.main));
	});

	it('ships every icon file the nodes and credentials point at, light and dark', () => {
		const declared = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
		const missing: string[] = [];
		let seen = 0;
		for (const file of declared) {
			const code = readFileSync(join(root, file), 'utf8');
			for (const [, icon] of code.matchAll(/['"]file:([^'"]+)['"]/g)) {
				seen++;
				const target = posix.normalize(posix.join(posix.dirname(file), icon));
				if (!paths.has(target)) missing.push(`${file} -> ${target}`);
			}
		}
		expect(missing).toEqual([]);
		expect(seen).toBe(declared.length * 2);
	});

	it('requires only its own files, its dependencies, n8n-workflow and Node built-ins', () => {
		const allowedPackages = new Set([
			...Object.keys(pkg.dependencies ?? {}),
			...Object.keys(pkg.peerDependencies ?? {}),
			...builtinModules,
		]);
		const problems: string[] = [];
		for (const file of [...paths].filter((p) => p.endsWith('.js'))) {
			const code = readFileSync(join(root, file), 'utf8');
			for (const [, spec] of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
				if (spec.startsWith('.')) {
					const base = posix.normalize(posix.join(dirname(file), spec));
					if (![base, `${base}.js`, `${base}.json`, `${base}/index.js`].some((p) => paths.has(p))) {
						problems.push(`${file}: ${spec} is not in the tarball`);
					}
					continue;
				}
				const name = spec.replace(/^node:/, '').split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
				if (!allowedPackages.has(name)) problems.push(`${file}: ${spec} is not a dependency`);
			}
		}
		expect(problems).toEqual([]);
	});

	it(`stays under ${MAX_PACKED_BYTES / 1000} kB packed`, () => {
		expect(pack.size).toBeLessThan(MAX_PACKED_BYTES);
	});
});
