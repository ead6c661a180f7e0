import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { hostOf, isHtml, networkProblem, probe, testFailed, testPassed } from '../../shared';
import { encodeQueryValue, hubMessage, ONLINE_ERP_DEFAULT_BASE_URL, onlineErpBaseUrl } from '../transport';
import { companyHeader } from '../transport/company';

const TIMEOUT_MS = 60_000;
const DEFAULT_TEST_ENTITY = 'SupplierInvoice';
const BASE_URL_FIX = `Check the Base URL: the address Solution Infomedia gave you, e.g. ${ONLINE_ERP_DEFAULT_BASE_URL}.`;
const START_ROBOT =
	'Start the OnlineERP robot service on the ERP computer at your site, check that this computer is on and connected to the internet, then test again. This does not mean the licence code or secret key is wrong.';

/**
 * The Test button: one record of the test entity (`GET /Entity/<entity>?$top=1`) through the
 * hub and the robot at the customer's site, so that a robot that does not answer is told apart
 * from refused credentials.
 */
export async function onlineErpApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = onlineErpBaseUrl(data);
	let header: [string, string];
	try {
		header = companyHeader(data);
	} catch (error) {
		return testFailed((error as Error).message);
	}
	const entity = String(data.testEntity ?? '').trim() || DEFAULT_TEST_ENTITY;
	// `$top` written into the URL: a query object would send `%24top`.
	const url = `${baseUrl}/Entity/${encodeQueryValue(entity)}?$top=1`;
	const answer = await probe(this, {
		url,
		headers: { Accept: 'application/json', [header[0]]: header[1] },
		auth: { user: String(data.licenceCode ?? ''), pass: String(data.secretKey ?? '') },
		timeoutMs: TIMEOUT_MS,
	});
	if (answer.kind === 'network') {
		if (answer.code === 'ECONNRESET' || /timeout/i.test(`${answer.code ?? ''} ${answer.message}`) || answer.code === 'ETIMEDOUT' || answer.code === 'ECONNABORTED') {
			return testFailed(`The robot at your site did not answer within ${TIMEOUT_MS / 1000} seconds (${answer.code ?? 'timeout'}); the ERP may also be busy. ${START_ROBOT}`);
		}
		return testFailed(`${networkProblem(answer, hostOf(baseUrl), TIMEOUT_MS)}. ${BASE_URL_FIX}`);
	}
	const said = hubMessage(answer.body);
	const quoted = said && !isHtml(answer.body) ? `: "${said}"` : '';
	switch (answer.status) {
		case 401:
			return testFailed(
				`OnlineERP rejected the licence code or secret key (HTTP 401${quoted}); it does not say which. Check both fields, exactly as Solution Infomedia gave them to you.`,
			);
		case 403:
			return testFailed(
				`The licence code and secret key were accepted, but this licence may not read ${entity} (HTTP 403${quoted}). Set "Entity Used by the Test Button" to an entity your ERP allows.`,
			);
		case 404:
			return testFailed(
				`OnlineERP has no entity ${entity} at ${baseUrl} (HTTP 404). Set "Entity Used by the Test Button" to an entity your ERP supports (SupplierInvoice for Acomba, QuickBooks Online, Avantage and Sage 50), or check the Base URL.`,
			);
		case 502:
		case 503:
		case 504:
			return testFailed(`The OnlineERP hub answered, but the robot at your site did not (HTTP ${answer.status}${quoted}). ${START_ROBOT}`);
	}
	if (answer.status >= 500) return testFailed(`The OnlineERP hub or your ERP reported an error (HTTP ${answer.status}${quoted}). Try again; if it persists, contact Solution Infomedia.`);
	if (answer.status >= 300) return testFailed(`OnlineERP answered HTTP ${answer.status}${quoted}. ${BASE_URL_FIX}`);
	if (isHtml(answer.body) || typeof answer.body !== 'object' || answer.body === null) {
		return testFailed(`${hostOf(baseUrl)} answered with a web page, not the OnlineERP API. ${BASE_URL_FIX}`);
	}
	return testPassed();
}
