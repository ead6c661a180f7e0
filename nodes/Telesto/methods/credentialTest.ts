import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { bodyMessage, hostOf, isHtml, networkProblem, probe, retryAfterMs, testFailed, testPassed } from '../../shared';
import { blockedMessage, recordBlock, tryReserve } from '../transport/budget';
import { telestoBaseUrl, TELESTO_DEFAULT_BASE_URL } from '../transport';

// A credential test runs outside any workflow, so there is no workflow time zone to show times in.
const TEST_TIMEZONE = 'UTC';
const TIMEOUT_MS = 60_000;

/**
 * The Test button: one `GET /products`, counted in this n8n's hourly Telesto budget like any
 * node request, and not sent at all while Telesto blocks the IP address.
 */
export async function telestoApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = telestoBaseUrl(data);
	const key = String(data.apiKey ?? '').trim();
	if (!key) return testFailed('Enter the API key Telesto support gave you');
	const reserved = await tryReserve({
		baseUrl,
		perHour: Number(data.requestsPerHour ?? 100) || 100,
		processes: Number(data.processesSharingKey ?? 1) || 1,
		timezone: TEST_TIMEZONE,
	});
	if (!('ticket' in reserved)) return testFailed(`${reserved.message}. ${reserved.description}`);

	const answer = await probe(this, {
		url: `${baseUrl}/products`,
		headers: { Authorization: key, Accept: 'application/json' },
		timeoutMs: TIMEOUT_MS,
	});
	if (answer.kind === 'network') {
		return testFailed(`${networkProblem(answer, hostOf(baseUrl), TIMEOUT_MS)}. Check the Base URL: leave ${TELESTO_DEFAULT_BASE_URL} unless Telesto gave you another address.`);
	}
	const said = bodyMessage(answer.body);
	const quoted = said ? ` Telesto said: "${said}".` : '';
	switch (answer.status) {
		case 401:
			return testFailed(`Telesto rejected the API key.${quoted} Paste the key exactly as Telesto support sent it, without "Bearer"; if it still fails, ask Telesto support whether the key is active.`);
		case 403:
			return testFailed(`Telesto accepted the key, but this account has no API access: the Telesto API needs a Pro subscription.${quoted} Upgrade the Telesto account to Pro, or ask Telesto support to enable the API for it, then test again.`);
		case 404:
			return testFailed(`${baseUrl}/products does not exist.${quoted} Check the Base URL: leave ${TELESTO_DEFAULT_BASE_URL} unless Telesto gave you another address.`);
		case 429: {
			const block = await recordBlock(baseUrl, retryAfterMs(answer.headers));
			const blocked = blockedMessage(block, TEST_TIMEZONE);
			return testFailed(`${blocked.message}. ${blocked.description} The key itself may be right.`);
		}
	}
	if (answer.status >= 500) return testFailed(`Telesto had a server error (HTTP ${answer.status}), so the key could not be checked. Try again later.`);
	if (answer.status >= 300) return testFailed(`Telesto answered HTTP ${answer.status}.${quoted} Check the Base URL.`);
	if (!Array.isArray(answer.body) && (isHtml(answer.body) || typeof answer.body !== 'object')) {
		return testFailed(`${baseUrl} answered with a web page, not Telesto's API. Check the Base URL: leave ${TELESTO_DEFAULT_BASE_URL} unless Telesto gave you another address.`);
	}
	return testPassed();
}
