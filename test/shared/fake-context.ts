import { NodeApiError, type IDataObject, type INode } from 'n8n-workflow';

import type { ApiProfile, RequestContext } from '../../nodes/shared';
import { backoffPolicy } from '../../nodes/shared';

export const node: INode = {
	id: 'n',
	name: 'Node',
	type: 'test.node',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/**
 * A context whose HTTP helper answers from a script, failing like n8n does (a NodeApiError
 * wrapping the client's error) — for core tests that need no workflow.
 */
export function scriptedContext(replies: Reply[]) {
	const sent: IDataObject[] = [];
	const ctx = {
		getNode: () => node,
		getTimezone: () => 'UTC',
		getCredentials: async () => ({ baseUrl: 'https://api.test/' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IDataObject) => {
				sent.push(options);
				const reply = replies.shift();
				if (!reply) throw new Error('no scripted reply left');
				if (reply.status >= 400) {
					const cause = Object.assign(new Error(`Request failed with status code ${reply.status}`), {
						response: { status: reply.status, data: reply.body, headers: reply.headers ?? {} },
					});
					throw new NodeApiError(node, cause as never);
				}
				return { statusCode: reply.status, headers: reply.headers ?? {}, body: reply.body };
			},
		},
	} as unknown as RequestContext;
	return { ctx, sent };
}

export const testProfile: ApiProfile = {
	displayName: 'Test API',
	credentialType: 'testApi',
	baseUrl: (c) => String(c.baseUrl),
	timeoutMs: 1000,
	retry: backoffPolicy({ retries: 2, baseDelayMs: 100, maxDelayMs: 1000, jitter: 0, statuses: [500, 503], on429: 'always' }),
	errorMessage: ({ body }) => (body as IDataObject | undefined)?.message as string | undefined,
	errorHint: ({ status }) => (status === 404 ? 'Check the ID' : undefined),
	unknownOutcomeHint: () => 'Look the thing up before running again.',
	bodyError: (body) => ((body as IDataObject | undefined)?.error === true ? String((body as IDataObject).message) : undefined),
};
