import { sleep } from 'n8n-workflow';

/**
 * The one place the core reads time and waits. Tests replace these functions to check delays
 * and to move time forward without real waiting.
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => {
		await sleep(ms);
	},
};
