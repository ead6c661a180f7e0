import { stateSizes } from './state-size';

const ONE_MB = 1_000_000;

describe('trigger state size', () => {
	it('stays under 1 MB of static data per trigger at 100 000 records', async () => {
		// Telesto's largest forms through the engine (all five are in `npm run bench`).
		const sizes = await stateSizes(100_000, ['productUpdated', 'stockChanged', 'productRemoved']);
		expect(sizes.length).toBe(10);
		for (const s of sizes) expect({ ...s, under1MB: s.bytes < ONE_MB }).toEqual({ ...s, under1MB: true });
	}, 120_000);
});
