import { simulators } from './index';

/** `npm run sandbox`: every simulator on its default port until Ctrl-C. */
async function main(): Promise<void> {
	const only = process.argv.slice(2);
	const started: Array<{ close(): Promise<void> }> = [];
	for (const def of simulators.filter((s) => !only.length || only.includes(s.name))) {
		const sim = await def.start({ port: def.defaultPort });
		started.push(sim);
		process.stdout.write(`${def.name.padEnd(16)} ${sim.url}  credential ${sim.credentialType}: ${JSON.stringify(sim.credentials)}\n`);
	}
	process.stdout.write('Sandbox running. Ctrl-C stops it.\n');
	const stop = async () => {
		await Promise.all(started.map(async (s) => await s.close()));
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main();
