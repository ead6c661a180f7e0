import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { clock } from '../../nodes/shared';
import { resetPacing } from '../../nodes/ClientXcms/transport/pacing';
import { Harness, type ExecuteResult, type NodeUnderTest } from '../harness/harness';

export const BASE = 'https://billing.test';
export const PREFIX = '/api/application';
export const API_KEY = '12|CLIENTXCMSabcdefghijabcdefghijabcdefghijabcdefghij0123abcd';

export function cxHarness(credentials: IDataObject = {}): Harness {
	resetPacing();
	return new Harness().setCredentials('clientXcmsApi', { instanceUrl: BASE, apiKey: API_KEY, ...credentials });
}

/** A scope on the instance that checks the Bearer token and the JSON Accept header. */
export function api(): nock.Scope {
	return nock(`${BASE}${PREFIX}`, {
		reqheaders: { authorization: `Bearer ${API_KEY}`, accept: /application\/json/ },
	});
}

export function cxNode(parameters: NodeUnderTest['parameters'], extra: Partial<NodeUnderTest> = {}): NodeUnderTest {
	return { type: 'clientXcms', parameters, credentials: ['clientXcmsApi'], ...extra };
}

/** Runs the action node once with the given parameters. */
export async function run(
	parameters: NodeUnderTest['parameters'],
	options: { input?: IDataObject[]; continueOnFail?: boolean; harness?: Harness } = {},
): Promise<ExecuteResult> {
	const h = options.harness ?? cxHarness();
	return await h.execute({
		node: cxNode(parameters, { continueOnFail: options.continueOnFail }),
		input: options.input,
	});
}

/** Envelope A (customers, services, invoices). */
export function pageA(data: IDataObject[], options: { page?: number; next?: boolean; total?: number } = {}) {
	const page = options.page ?? 1;
	return {
		data,
		links: { first: `${BASE}${PREFIX}/x?page=1`, last: null, prev: null, next: options.next ? `${BASE}${PREFIX}/x?page=${page + 1}` : null },
		meta: { current_page: page, per_page: data.length, total: options.total ?? data.length },
	};
}

/** Envelope B (every other list, and the one-item pages of "get one"). */
export function pageB(data: IDataObject[], options: { page?: number; next?: boolean; total?: number } = {}) {
	const page = options.page ?? 1;
	return {
		current_page: page,
		data,
		first_page_url: `${BASE}${PREFIX}/x?page=1`,
		next_page_url: options.next ? `${BASE}${PREFIX}/x?page=${page + 1}` : null,
		per_page: data.length,
		total: options.total ?? data.length,
	};
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((i) => i.json);
}

/** Items as they come out for a single input item. */
export function paired(json: IDataObject[], item = 0): INodeExecutionData[] {
	return json.map((j) => ({ json: j, pairedItem: { item } }));
}

/** Replaces clock.sleep so retries and pacing never wait for real; returns the spy. */
/** Waits without waiting: `clock.sleep` moves a fake `clock.now` forward instead. */
export function fakeSleep(): jest.SpyInstance {
	let now = Date.now();
	jest.spyOn(clock, 'now').mockImplementation(() => now);
	return jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
		now += ms;
	});
}

export const CUSTOMER = {
	id: 7,
	firstname: 'Ada',
	lastname: 'Lovelace',
	email: 'ada@example.com',
	company_name: null,
	billing_details: null,
	locale: 'en_GB',
	phone: '+33612345678',
	address: '1 Rue de la Paix',
	address2: null,
	city: 'Paris',
	country: 'FR',
	region: 'IDF',
	zipcode: '75002',
	balance: '12.50',
	totp_secret: 'SECRET',
	confirmation_token: 'TOKEN',
	created_at: '2026-08-13T20:15:53.000000Z',
};

export const { totp_secret: _t, confirmation_token: _c, ...CUSTOMER_PUBLIC } = CUSTOMER;

/** What Customer → Create needs, as the API wants it (lower-case e-mail, upper-case country). */
export const CUSTOMER_CREATE = {
	resource: 'customer',
	operation: 'create',
	email: 'ada@example.com',
	firstname: 'Ada',
	lastname: 'Lovelace',
	address: '1 Rue de la Paix',
	city: 'Paris',
	zipcode: '75002',
	region: 'IDF',
	country: 'FR',
	locale: 'en_GB',
};

/** The profile's advice for a write whose outcome is unknown. */
export const UNKNOWN_OUTCOME_HINT =
	'Look the record up in the ClientXCMS admin area, or with Get Many and a filter on what you sent (e-mail, name, code), before running it again, so that nothing is created or changed twice.';
