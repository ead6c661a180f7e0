import nock from 'nock';

const unmatched: string[] = [];

interface RequestOptions {
	method?: string;
	path?: string;
	host?: string;
	hostname?: string;
}

// nock reports (request, options) for a mocked host and (options) for any other one.
function onNoMatch(first: RequestOptions, second?: RequestOptions): void {
	const o = second ?? first;
	const host = o.hostname ?? o.host ?? '';
	// The local simulators are reached for real.
	if (host.startsWith('127.0.0.1')) return;
	const test = expect.getState().currentTestName ?? 'outside a test';
	unmatched.push(`${o.method ?? '?'} ${host}${o.path ?? ''} (during "${test}")`);
}

beforeAll(() => {
	// Each test file loads its own nock; the previous file's copy has been restored (below), so
	// this one is the only one patching Node's http module.
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	nock.emitter.on('no match', onNoMatch);
});

// Every scope a test sets up must have been used (a mock nobody called means a request we
// expected was never sent), and no request may have gone unanswered by a mock.
afterEach(() => {
	const pending = nock.pendingMocks();
	const stray = unmatched.splice(0);
	nock.cleanAll();
	if (pending.length > 0) {
		throw new Error(`Expected requests were not sent:\n  ${pending.join('\n  ')}`);
	}
	if (stray.length > 0) {
		throw new Error(`Requests matched no mock:\n  ${stray.join('\n  ')}`);
	}
});

afterAll(() => {
	nock.emitter.removeListener('no match', onNoMatch);
	nock.cleanAll();
	nock.restore();
});
