import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { bodyMessage, hostOf, isHtml, networkProblem, probe, testFailed, testPassed } from '../../shared';
import { scrub, SHOP_APPLICATION_DEFAULT_BASE_URL, shopApplicationBaseUrl } from '../transport/token';

const TIMEOUT_MS = 30_000;
const BASE_URL_FIX = `Check the Base URL: leave ${SHOP_APPLICATION_DEFAULT_BASE_URL} unless Cegid gave you a test platform address.`;

/**
 * The Test button: `GET /token` with the Client ID and Client Secret, then `GET /prestations`
 * with the token. Shop Application answers the same 401 for a wrong Client ID and a wrong Client
 * Secret, so a refusal names both fields.
 */
export async function shopApplicationApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = shopApplicationBaseUrl(data);
	const clientId = String(data.clientId ?? '').trim();
	const secret = String(data.clientSecret ?? '');
	if (!clientId) return testFailed('Enter the Client ID (the reseller login Cegid gave you)');
	if (!secret) return testFailed('Enter the Client Secret (the reseller password Cegid gave you)');
	const clean = (text: string) => scrub(scrub(text, secret), secret.trim());

	const tokenAnswer = await probe(this, {
		url: `${baseUrl}/token`,
		qs: { client_id: clientId, client_secret: secret },
		headers: { Accept: 'application/json' },
		timeoutMs: TIMEOUT_MS,
	});
	if (tokenAnswer.kind === 'network') return testFailed(`${networkProblem(tokenAnswer, hostOf(baseUrl), TIMEOUT_MS)}. ${BASE_URL_FIX}`);
	const tokenBody = (tokenAnswer.body && typeof tokenAnswer.body === 'object' ? tokenAnswer.body : {}) as IDataObject;
	const said = bodyMessage(tokenAnswer.body);
	const quoted = said && !isHtml(tokenAnswer.body) ? ` Shop Application said: "${clean(said)}".` : '';
	if (tokenAnswer.status === 404 || isHtml(tokenAnswer.body)) {
		return testFailed(`${hostOf(baseUrl)} has no Shop Application token service at /token. ${BASE_URL_FIX}`);
	}
	if (tokenAnswer.status >= 500) {
		return testFailed(`Shop Application could not issue a token (HTTP ${tokenAnswer.status}), so the Client ID and Client Secret could not be checked.${quoted} Try again later.`);
	}
	const token = typeof tokenBody.access_token === 'string' ? tokenBody.access_token.trim() : '';
	if (tokenAnswer.status !== 200 || tokenBody.error === true || !token) {
		const spaces = secret !== secret.trim() ? ' Note: the Client Secret you entered starts or ends with a space.' : '';
		return testFailed(
			`Shop Application refused this Client ID and Client Secret; it does not say which of the two is wrong.${quoted} Check both fields: the Client ID is the reseller login and the Client Secret its password, exactly as Cegid gave them to you.${spaces}`,
		);
	}

	const answer = await probe(this, {
		url: `${baseUrl}/prestations`,
		headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
		timeoutMs: TIMEOUT_MS,
	});
	if (answer.kind === 'network') return testFailed(`${networkProblem(answer, hostOf(baseUrl), TIMEOUT_MS)}. ${BASE_URL_FIX}`);
	const listSaid = bodyMessage(answer.body);
	if (answer.status === 401) {
		return testFailed('Shop Application issued a token for this Client ID and Client Secret but then refused it. The reseller account may not have API access: ask Cegid to enable it.');
	}
	const refused = (answer.body as IDataObject | undefined)?.error === true;
	if (answer.status !== 200 || refused || !Array.isArray(answer.body)) {
		return testFailed(`The Client ID and Client Secret are right, but reading the prestation catalogue failed (HTTP ${answer.status}${listSaid ? `: "${clean(listSaid)}"` : ''}). ${BASE_URL_FIX}`);
	}
	return testPassed();
}
