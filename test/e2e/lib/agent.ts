import type { WorkflowJson } from '../../../scripts/n8n/instance';
import type { AgentCase } from '../types';
import { MANUAL_TRIGGER, stableId, toNode, type CredentialRef } from './workflows';

export const AGENT_NODE = 'AI Agent';
export const MODEL_NODE = 'Sandbox Chat Model';

/** The fake model's name for one agent case: the model's script is looked up by it. */
export function agentModelName(api: string, index: number): string {
	return `sandbox-${api}-${index}`;
}

/**
 * Manual Trigger → AI Agent, with an OpenAI chat model node on the fake model and the case's node
 * of this package as its only tool (the `…Tool` variant n8n makes of every `usableAsTool` node).
 */
export function agentWorkflow(options: {
	id: string;
	agent: AgentCase;
	model: string;
	credential: CredentialRef;
	modelCredential: CredentialRef;
}): { workflow: WorkflowJson; toolNode: string } {
	const { agent } = options;
	const toolNode = agent.tool.name ?? `${agent.name} Tool`;
	const trigger = { id: stableId(`${options.id}:trigger`, 12), ...MANUAL_TRIGGER, position: [0, 0] };
	const agentNode = {
		id: stableId(`${options.id}:agent`, 12),
		name: AGENT_NODE,
		type: '@n8n/n8n-nodes-langchain.agent',
		typeVersion: 3,
		position: [260, 0],
		parameters: {
			promptType: 'define',
			text: `Use your tool to ${agent.name.toLowerCase()}, then answer in one sentence.`,
			options: {},
		},
	};
	const model = {
		id: stableId(`${options.id}:model`, 12),
		name: MODEL_NODE,
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		// 1.2 talks to /v1/chat/completions (1.3 defaults to the Responses API).
		typeVersion: 1.2,
		position: [180, 220],
		parameters: { model: { __rl: true, mode: 'id', value: options.model }, options: {} },
		credentials: { openAiApi: { id: options.modelCredential.id, name: options.modelCredential.name } },
	};
	const tool = toNode(
		{ ...agent.tool, node: `${agent.tool.node}Tool`, parameters: { descriptionType: 'auto', ...agent.tool.parameters } },
		toolNode,
		[400, 220],
		options.credential,
	);
	return {
		toolNode,
		workflow: {
			id: options.id,
			name: `E2E AI Agent: ${agent.name}`,
			nodes: [trigger, agentNode, model, tool],
			connections: {
				[trigger.name]: { main: [[{ node: AGENT_NODE, type: 'main', index: 0 }]] },
				[MODEL_NODE]: { ai_languageModel: [[{ node: AGENT_NODE, type: 'ai_languageModel', index: 0 }]] },
				[toolNode]: { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
			pinData: {},
		},
	};
}
