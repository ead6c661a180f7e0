import axios from 'axios';
import { CredentialTestContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialTestFunction,
	type IHttpRequestOptions,
	type INode,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials-helper';
import { nodeTypes } from './node-types';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	httpStatus?: number;
}

/**
 * The function n8n's credential tester picks when the credential type has no `test` request: the
 * `methods.credentialTest[testedBy]` of the first node listing the credential with `testedBy`.
 */
export function testedByFunction(typeName: string): ICredentialTestFunction | undefined {
	for (const node of nodeTypes.all()) {
		const entry = (node.description.credentials ?? []).find((c) => c.name === typeName && c.testedBy);
		if (entry && typeof entry.testedBy === 'string') return node.methods?.credentialTest?.[entry.testedBy];
	}
	return undefined;
}

/**
 * What the credential form's Test button does: a credential type's `test` request (below), or
 * else the node's test function, called as n8n calls it (its real CredentialTestContext, the
 * saved data with defaults).
 */
export async function testCredential(
	helper: TestCredentialsHelper,
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	if (helper.type(typeName).test) return await testRequestCredential(helper, typeName, data);
	const fn = testedByFunction(typeName);
	if (!fn) throw new Error(`${typeName} has neither a test request nor a node with testedBy`);
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);
	const result = await fn.call(context, { id: 'credential-test', name: typeName, type: typeName, data: helper.withDefaults(typeName, data) });
	return { status: result.status, message: result.message };
}

/**
 * What the credential form's Test button does for a `test.request` credential: resolve the
 * request's expressions over `$credentials`, run preAuthentication and authenticate, send it, and
 * read the answer with the credential's rules (any other failing status is an error too).
 */
async function testRequestCredential(
	helper: TestCredentialsHelper,
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const type = helper.type(typeName);
	if (!type.test) throw new Error(`${typeName} has no test request`);
	const credentials = helper.withDefaults(typeName, data);
	const node: INode = {
		id: 'credential-test',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const resolve = (value: unknown) =>
		typeof value === 'string' && value.startsWith('=')
			? (workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }) as string)
			: value;

	const { request } = type.test;
	if (typeof type.preAuthentication === 'function') {
		Object.assign(credentials, await type.preAuthentication.call({ helpers: { httpRequest: httpRequestViaAxios } } as never, credentials));
	}
	const base = String(resolve(request.baseURL) ?? '');
	let options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		url: `${base}${String(resolve(request.url) ?? '')}`,
		headers: (request.headers as IHttpRequestOptions['headers']) ?? {},
		qs: request.qs,
	};
	options = await helper.authenticate(credentials, typeName, options, workflow, node);
	let status: number;
	try {
		const response = await axios.request({
			method: options.method,
			url: options.url,
			headers: options.headers as Record<string, string>,
			params: options.qs,
			auth: options.auth as { username: string; password: string } | undefined,
			validateStatus: () => true,
		});
		status = response.status;
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of type.test.rules ?? []) {
		if (rule.type === 'responseCode' && Number(rule.properties.value) === status) {
			return { status: 'Error', message: String(rule.properties.message), httpStatus: status };
		}
	}
	if (status >= 400) return { status: 'Error', message: `HTTP ${status}`, httpStatus: status };
	return { status: 'OK', message: 'Connection tested successfully', httpStatus: status };
}

async function httpRequestViaAxios(options: IHttpRequestOptions): Promise<unknown> {
	const response = await axios.request({
		method: options.method ?? 'GET',
		url: options.baseURL ? `${options.baseURL}${options.url}` : options.url,
		headers: options.headers as Record<string, string>,
		params: options.qs,
		data: options.body,
		auth: options.auth as { username: string; password: string } | undefined,
	});
	return response.data;
}
