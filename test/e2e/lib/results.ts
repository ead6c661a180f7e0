import { writeFileSync } from 'node:fs';

import { killAll } from '../../../scripts/n8n/proc';

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface Result {
	name: string;
	outcome: Outcome;
	detail?: string;
	ms?: number;
}

/** Collects test outcomes and prints them as they come. */
export class Results {
	readonly all: Result[] = [];

	add(result: Result): void {
		this.all.push(result);
		const mark = result.outcome === 'passed' ? 'PASS' : result.outcome === 'failed' ? 'FAIL' : 'SKIP';
		const time = result.ms !== undefined ? ` (${(result.ms / 1000).toFixed(1)} s)` : '';
		process.stdout.write(`  ${mark} ${result.name}${time}\n`);
		if (result.detail && result.outcome !== 'passed') {
			process.stdout.write(`${result.detail.replace(/^/gm, '       ')}\n`);
		}
	}

	pass(name: string, ms?: number): void {
		this.add({ name, outcome: 'passed', ms });
	}

	fail(name: string, error: unknown, ms?: number): void {
		this.add({ name, outcome: 'failed', detail: error instanceof Error ? error.message : String(error), ms });
	}

	skip(name: string, why: string): void {
		this.add({ name, outcome: 'skipped', detail: why });
	}

	/** Runs `fn` as one test. */
	async check(name: string, fn: () => unknown): Promise<boolean> {
		const t0 = Date.now();
		try {
			await fn();
			this.pass(name, Date.now() - t0);
			return true;
		} catch (error) {
			this.fail(name, error, Date.now() - t0);
			return false;
		}
	}

	count(outcome: Outcome): number {
		return this.all.filter((r) => r.outcome === outcome).length;
	}

	/** The plain closing line CI reads. */
	closingLine(): string {
		const skipped = this.count('skipped');
		return `${this.count('passed')} passed, ${this.count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`;
	}

	/**
	 * Ends a suite: prints the closing line, writes the totals test/run-all.js adds to jest's (with
	 * the suite's own figures), and fails the process when a test failed.
	 */
	finish(file: string, extra: Record<string, unknown> = {}): void {
		process.stdout.write(`${this.closingLine()}\n`);
		const totals = { passed: this.count('passed'), failed: this.count('failed'), skipped: this.count('skipped') };
		writeFileSync(file, JSON.stringify({ ...totals, ...extra }));
		process.exitCode = totals.failed ? 1 : 0;
	}
}

/**
 * Runs a suite's entry point: Ctrl-C or a kill stops every process it started, and a crash still
 * ends with a closing line that counts as a failure.
 */
export function runSuite(main: () => Promise<void>): void {
	const stop = () => {
		killAll();
		process.exit(130);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.stdout.write('0 passed, 1 failed\n');
		process.exit(1);
	});
}
