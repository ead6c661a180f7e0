import nock from 'nock';

beforeAll(() => {
	nock.disableNetConnect();
});

// Every scope a test sets up must have been used: a mock nobody called means a request we
// expected was never sent.
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	if (pending.length > 0) {
		throw new Error(`Expected requests were not sent:\n  ${pending.join('\n  ')}`);
	}
});

afterAll(() => {
	nock.enableNetConnect();
});
