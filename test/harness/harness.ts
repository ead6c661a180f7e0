import { ExecutionLifecycleHooks, LoadOptionsContext, PollContext, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IConnections,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IRun,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { ITEMS_NODE, MANUAL_TRIGGER, nodeTypes } from './node-types';
import { PACKAGE_NAME } from './package-types';

export interface NodeUnderTest {
	/** The node's `description.name`, e.g. `telesto`. */
	type: string;
	parameters: INodeParameters;
	/** Credential type names the node uses; each must have been `set` on the harness. */
	credentials?: string[];
	name?: string;
	continueOnFail?: boolean;
	/** n8n's "On Error" setting; `continueOnFail: true` is `continueRegularOutput`. */
	onError?: INode['onError'];
	/** A full node type name (`n8n-nodes-base.set`) for a node outside this package. */
	fullType?: string;
	/** 1 unless given, as workflows saved before a node had versions. */
	typeVersion?: number;
}

export interface ExecuteOptions {
	node: NodeUnderTest;
	/** Input items; one empty item when omitted. */
	input?: IDataObject[];
	executionId?: string;
	timezone?: string;
}

export interface ExecuteResult {
	/** The node's first output, paired items included. */
	items: INodeExecutionData[];
	/** Every output of the node (the error output last with "Continue (using error output)"). */
	outputs: INodeExecutionData[][];
	/** The error that stopped the node, when it failed. */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

export interface RunWorkflowOptions {
	/** A workflow as n8n exports it; only its nodes and connections are used. */
	workflow: { nodes: INode[]; connections: IConnections };
	executionId?: string;
	timezone?: string;
}

export interface PollOptions {
	node: NodeUnderTest;
	/** The node's static data, kept by the caller between polls like n8n keeps it. */
	staticData: IDataObject;
	mode?: WorkflowExecuteMode;
	timezone?: string;
}

let executionCounter = 0;

function toNode(node: NodeUnderTest, position: [number, number]): INode {
	const credentials: INode['credentials'] = {};
	for (const type of node.credentials ?? []) credentials[type] = { id: `${type}-id`, name: type };
	return {
		id: `${node.name ?? node.type}-id`,
		name: node.name ?? 'Node Under Test',
		type: node.fullType ?? `${PACKAGE_NAME}.${node.type}`,
		typeVersion: node.typeVersion ?? 1,
		position,
		parameters: node.parameters,
		credentials,
		...(node.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(node.onError ? { onError: node.onError } : {}),
	};
}

function additionalData(
	helper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	executionId: string,
	timezone: string,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: helper,
		hooks,
		executionId,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('code runners are not available in tests');
		},
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not available in tests');
		},
		getRunExecutionData: async () => undefined,
		timezone,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs our nodes the way n8n does: a workflow (Manual Trigger → Items → node) executed by
 * n8n-core's WorkflowExecute, and triggers polled through a real PollContext.
 */
export class Harness {
	readonly credentials = new TestCredentialsHelper();

	setCredentials(type: string, data: ICredentialDataDecryptedObject): this {
		this.credentials.set(type, data);
		return this;
	}

	async execute({ node, input, executionId, timezone = 'UTC' }: ExecuteOptions): Promise<ExecuteResult> {
		const trigger: INode = {
			id: 'trigger-id',
			name: 'Manual Trigger',
			type: MANUAL_TRIGGER,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const source: INode = {
			id: 'items-id',
			name: 'Items',
			type: ITEMS_NODE,
			typeVersion: 1,
			position: [200, 0],
			parameters: { items: JSON.stringify(input ?? [{}]) },
		};
		const target = toNode(node, [400, 0]);
		const run = await this.runWorkflow({
			workflow: {
				nodes: [trigger, source, target],
				connections: {
					[trigger.name]: { main: [[{ node: source.name, type: 'main', index: 0 }]] },
					[source.name]: { main: [[{ node: target.name, type: 'main', index: 0 }]] },
				},
			},
			executionId,
			timezone,
		});

		const taskData = run.data.resultData.runData[target.name]?.[0];
		const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
		const items = outputs[0] ?? [];
		const error = (taskData?.error ?? run.data.resultData.error) as ExecuteResult['error'];
		return { items, outputs, error, run };
	}

	/**
	 * Runs a whole workflow as n8n saved it (nodes with their typeVersion and the parameters the
	 * editor kept, connections), from its Manual Trigger; n8n fills in parameter defaults on load.
	 */
	async runWorkflow({ workflow: saved, executionId, timezone = 'UTC' }: RunWorkflowOptions): Promise<IRun> {
		const trigger = saved.nodes.find((n) => n.type === MANUAL_TRIGGER);
		if (!trigger) throw new Error('the workflow has no Manual Trigger to start from');
		const workflow = new Workflow({
			id: 'test-workflow',
			name: 'Test',
			nodes: saved.nodes,
			connections: saved.connections,
			nodeTypes,
			active: false,
			settings: { timezone },
		});

		const hooks = new ExecutionLifecycleHooks('manual', executionId ?? `exec-${++executionCounter}`, {
			id: 'test-workflow',
			name: 'Test',
			nodes: workflow.nodes ? Object.values(workflow.nodes) : [],
			connections: workflow.connectionsBySourceNode,
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as never);
		let finished: (run: IRun) => void = () => {};
		const done = new Promise<IRun>((resolve) => (finished = resolve));
		hooks.addHandler('workflowExecuteAfter', (run) => finished(run));

		const runExecutionData = {
			version: 1,
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				metadata: {},
				nodeExecutionStack: [{ node: workflow.nodes[trigger.name], data: { main: [[{ json: {} }]] }, source: null }],
				waitingExecution: {},
				waitingExecutionSource: null,
			},
		} as unknown as IRunExecutionData;
		const data = additionalData(this.credentials, hooks, hooks.executionId, timezone);
		const engine = new WorkflowExecute(data, 'manual', runExecutionData);
		await engine.processRunExecutionData(workflow);
		return await done;
	}

	/** Calls a node's `listSearch` or `loadOptions` method as the editor does. */
	async loadOptions<T>(options: {
		node: NodeUnderTest;
		kind: 'listSearch' | 'loadOptions';
		method: string;
		filter?: string;
		paginationToken?: string;
	}): Promise<T> {
		const target = toNode(options.node, [0, 0]);
		const workflow = new Workflow({
			id: 'test-workflow',
			name: 'Test',
			nodes: [target],
			connections: {},
			nodeTypes,
			active: false,
			settings: { timezone: 'UTC' },
		});
		const hooks = new ExecutionLifecycleHooks('manual', `options-${++executionCounter}`, {} as never);
		const data = additionalData(this.credentials, hooks, hooks.executionId, 'UTC');
		// As n8n's server does: the editor sends the node's current parameters with the request.
		data.currentNodeParameters = target.parameters;
		const ctx = new LoadOptionsContext(workflow, target, data, '');
		const type = nodeTypes.getByNameAndVersion(target.type);
		const fn = (type.methods?.[options.kind] as Record<string, (...args: unknown[]) => Promise<T>> | undefined)?.[
			options.method
		];
		if (!fn) throw new Error(`${options.node.type} has no ${options.kind}.${options.method}`);
		return options.kind === 'listSearch'
			? await fn.call(ctx, options.filter, options.paginationToken)
			: await fn.call(ctx);
	}

	/** One poll of a trigger node; returns what it emitted (null when nothing). */
	async poll({ node, staticData, mode = 'trigger', timezone = 'UTC' }: PollOptions) {
		const target = toNode(node, [0, 0]);
		const workflow = new Workflow({
			id: 'test-workflow',
			name: 'Test',
			nodes: [target],
			connections: {},
			nodeTypes,
			active: mode !== 'manual',
			settings: { timezone },
			staticData: { [`node:${target.name}`]: staticData },
		});
		const hooks = new ExecutionLifecycleHooks(mode, `poll-${++executionCounter}`, {} as never);
		const data = additionalData(this.credentials, hooks, hooks.executionId, timezone);
		const ctx = new PollContext(workflow, target, data, mode, mode === 'manual' ? 'manual' : 'activate');
		const type = nodeTypes.getByNameAndVersion(target.type);
		if (!type.poll) throw new Error(`${node.type} has no poll()`);
		return await type.poll.call(ctx);
	}
}
