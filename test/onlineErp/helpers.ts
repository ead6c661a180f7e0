import nock from 'nock';

import { clock } from '../../nodes/shared';
import { Harness, type NodeUnderTest } from '../harness/harness';

export const HOST = 'https://acme.onlineerp.test';
export const BASE_URL = `${HOST}/api`;
export const LICENCE = 'LIC-4242';
export const SECRET = "s3cr'et key";
export const BASIC = `Basic ${Buffer.from(`${LICENCE}:${SECRET}`).toString('base64')}`;

export const CUSTOMERS = [
	{ NoClient: '1001', NomClient: "L'Érablière d'Or", InfoAgeDesComptes: { MontantDu_Cycle1_Courant: 120.5 } },
	{ NoClient: '1002', NomClient: 'Bois Francs Inc.', InfoAgeDesComptes: { MontantDu_Cycle1_Courant: 0 } },
	{ NoClient: '1003', NomClient: 'Quincaillerie (Nord) & Fils', InfoAgeDesComptes: { MontantDu_Cycle1_Courant: -15 } },
];

export function onlineErpHarness(extra: Record<string, string | number> = {}): Harness {
	return new Harness().setCredentials('onlineErpApi', {
		baseUrl: BASE_URL,
		licenceCode: LICENCE,
		secretKey: SECRET,
		companyId: '2',
		...extra,
	});
}

/** A scope that only answers requests carrying the Basic header and the company header. */
export function erp(options: { company?: string; header?: string } = {}) {
	const header = (options.header ?? 'COMPANY_ID').toLowerCase();
	return nock(HOST, {
		reqheaders: {
			authorization: BASIC,
			[header]: options.company ?? '2',
			accept: /application\/json/,
		},
	});
}

/** Matches the exact path and query string as sent (no decoding, no reordering). */
export function exactly(expected: string) {
	return (uri: string) => uri === expected;
}

export function erpNode(parameters: NodeUnderTest['parameters'], extra: Partial<NodeUnderTest> = {}): NodeUnderTest {
	return { type: 'onlineErp', parameters: { resource: 'entity', ...parameters }, credentials: ['onlineErpApi'], ...extra };
}

export function triggerNode(parameters: NodeUnderTest['parameters']): NodeUnderTest {
	return { type: 'onlineErpTrigger', parameters, credentials: ['onlineErpApi'] };
}

/** Replaces the core's sleep with a spy, so retries are checked without waiting. */
export function spySleep() {
	return jest.spyOn(clock, 'sleep').mockResolvedValue(undefined);
}

export { droppingServer, refusedUrl } from '../harness/servers';
