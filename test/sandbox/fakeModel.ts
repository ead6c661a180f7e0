import { startSandbox, type SandboxRequest, type SandboxResponse } from './server';

/** What the fake model does for one model name: call the agent's tool once, then answer. */
export interface ModelScript {
	/** Arguments of the tool call, as the model would choose them. */
	arguments: Record<string, unknown>;
	/** The final answer; the tool's result is appended to it. */
	answer: string;
}

export interface ChatMessage {
	role: string;
	content?: unknown;
	tool_call_id?: string;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
}

export interface ChatTool {
	type: string;
	function: { name: string; description?: string; parameters?: unknown };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
}

export interface FakeModel {
	/** The OpenAI-compatible base URL, ending in `/v1` (the `openAiApi` credential's Base URL). */
	url: string;
	/** Every chat completion request received, in order. */
	requests: ChatRequest[];
	close(): Promise<void>;
}

export const FAKE_MODEL_API_KEY = 'sk-sandbox-fake-model';

function text(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : String((part as { text?: unknown }).text ?? ''))).join('');
	return content === undefined || content === null ? '' : JSON.stringify(content);
}

function completion(model: string, message: Record<string, unknown>, finish: string): Record<string, unknown> {
	return {
		id: `chatcmpl-sandbox-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	};
}

/** The same answer as server-sent events, for a client that asked for `stream: true`. */
function streamed(body: Record<string, unknown>): string {
	const choice = (body.choices as Array<{ message: Record<string, unknown>; finish_reason: string }>)[0];
	const { role, content, tool_calls: calls } = choice.message as { role: string; content: string | null; tool_calls?: Array<Record<string, unknown>> };
	const base = { id: body.id, object: 'chat.completion.chunk', created: body.created, model: body.model };
	const delta: Record<string, unknown> = { role, content: content ?? null };
	if (calls) delta.tool_calls = calls.map((c, index) => ({ index, ...c }));
	const chunks = [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: choice.finish_reason }], usage: body.usage },
	];
	return `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
}

/**
 * A local OpenAI-compatible chat model for AI Agent tests: for a scripted model name it answers
 * the first turn with one call of the agent's (first) tool, with the scripted arguments, and the
 * turn after the tool's result with a final answer quoting it. `GET /v1/models` lists the models.
 */
export async function startFakeModel(options: { scripts: Record<string, ModelScript>; port?: number }): Promise<FakeModel> {
	const requests: ChatRequest[] = [];
	const handler = (req: SandboxRequest): SandboxResponse => {
		if (req.method === 'GET' && req.path === '/v1/models') {
			return {
				status: 200,
				body: { object: 'list', data: Object.keys(options.scripts).map((id) => ({ id, object: 'model', created: 0, owned_by: 'sandbox' })) },
			};
		}
		if (req.method !== 'POST' || req.path !== '/v1/chat/completions') {
			return { status: 404, body: { error: { message: `The fake model has no ${req.method} ${req.path}`, type: 'invalid_request_error' } } };
		}
		if (req.headers.authorization !== `Bearer ${FAKE_MODEL_API_KEY}`) {
			return { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } } };
		}
		const body = req.body as ChatRequest;
		requests.push(body);
		const script = options.scripts[body.model];
		if (!script) return { status: 404, body: { error: { message: `The model ${body.model} does not exist`, type: 'invalid_request_error', code: 'model_not_found' } } };
		const lastUser = body.messages.map((m) => m.role).lastIndexOf('user');
		const results = body.messages.slice(lastUser + 1).filter((m) => m.role === 'tool');
		let answer: Record<string, unknown>;
		if (results.length || !body.tools?.length) {
			const quoted = results.map((m) => text(m.content)).join('\n');
			answer = completion(body.model, { role: 'assistant', content: `${script.answer}\n${quoted}`.trim() }, 'stop');
		} else {
			const call = { id: `call_${requests.length}`, type: 'function', function: { name: body.tools[0].function.name, arguments: JSON.stringify(script.arguments) } };
			answer = completion(body.model, { role: 'assistant', content: null, tool_calls: [call] }, 'tool_calls');
		}
		if (body.stream) return { status: 200, body: streamed(answer), headers: { 'content-type': 'text/event-stream' } };
		return { status: 200, body: answer };
	};
	const running = await startSandbox(handler, options.port);
	return { url: `${running.url}/v1`, requests, close: running.close };
}
