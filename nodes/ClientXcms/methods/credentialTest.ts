import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { bodyMessage, hostOf, isHtml, networkProblem, probe, testFailed, testPassed } from '../../shared';
import { clientXcmsBaseUrl } from '../transport';

const TIMEOUT_MS = 30_000;
const KEYS_PAGE = 'Settings → Security → API Keys';

/**
 * The Test button: `GET /license`, allowed for every key that works. Checked first without a
 * request: the Instance URL's scheme, so that plain HTTP is refused with the fix instead of an
 * unreachable host.
 */
export async function clientXcmsApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const instanceUrl = String(data.instanceUrl ?? '').trim();
	if (/^http:\/\//i.test(instanceUrl) && data.allowHttp !== true) {
		return testFailed(
			`The Instance URL starts with http://, and "Allow Plain HTTP" is off, so nothing was sent: the API key would travel unencrypted. Use the https:// address of your ClientXCMS, or turn on "Allow Plain HTTP" for a private test instance.`,
		);
	}
	if (!/^https?:\/\/[^/\s]+/i.test(instanceUrl)) {
		return testFailed(`The Instance URL "${instanceUrl}" is not a web address. Enter the address of your ClientXCMS client area, e.g. https://billing.example.com.`);
	}
	const baseUrl = clientXcmsBaseUrl(data);
	const key = String(data.apiKey ?? '').trim().replace(/^Bearer\s+/i, '');
	const answer = await probe(this, {
		url: `${baseUrl}/license`,
		headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
		timeoutMs: TIMEOUT_MS,
	});
	if (answer.kind === 'network') {
		return testFailed(`${networkProblem(answer, hostOf(baseUrl), TIMEOUT_MS)}. Check the Instance URL: the address of your ClientXCMS client area, e.g. https://billing.example.com.`);
	}
	const said = bodyMessage(answer.body);
	switch (answer.status) {
		case 401:
			return testFailed(
				`ClientXCMS did not accept this API key: it has expired (keys expire 30 days after creation unless made otherwise), was deleted, or was not pasted whole. Create a new key in ClientXCMS (${KEYS_PAGE}) and paste all of it, including the number and "|" at its start.`,
			);
		case 403:
			return testFailed(
				'ClientXCMS accepted the key, but it lacks the `license` permission used by this test. Use an Administrator key, or add the `license` permission to the key.',
			);
		case 404:
			return testFailed(`${baseUrl}/license does not exist. Check the Instance URL (the address of your client area, without /admin); the API needs ClientXCMS 2.15 or later.`);
		case 429: {
			const wait = Number(answer.headers['retry-after']);
			return testFailed(`ClientXCMS is rate limiting this admin account (60 requests per minute). Test again ${wait > 0 ? `in ${wait} seconds` : 'in a minute'}.`);
		}
		case 503:
			return testFailed(`ClientXCMS is in maintenance mode${said ? ` ("${said}")` : ''}, so the key could not be checked. Test again once maintenance is over.`);
	}
	if (answer.status >= 500) return testFailed(`ClientXCMS had an internal error (HTTP ${answer.status}), so the key could not be checked. See the instance's logs (storage/logs/laravel.log).`);
	if (answer.status >= 300) return testFailed(`ClientXCMS answered HTTP ${answer.status}${said ? ` ("${said}")` : ''}. Check the Instance URL.`);
	const body = answer.body as IDataObject | undefined;
	if (isHtml(answer.body) || !body || typeof body !== 'object' || typeof body.status !== 'string') {
		return testFailed(`${hostOf(baseUrl)} answered with a web page, not the ClientXCMS API. Check the Instance URL: the address of your ClientXCMS client area, e.g. https://billing.example.com.`);
	}
	// `{"status":"error","message":"License not found"}` still proves the key works.
	return testPassed();
}
