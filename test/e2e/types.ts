import type { SandboxRequest } from '../sandbox/server';
import type { StartedSimulator } from '../sandbox/types';

/** An item's `json` as n8n returns it. */
export type Json = Record<string, unknown>;

export interface SandboxClient {
	sim: StartedSimulator;
	/** Calls the simulator (control routes `/__sandbox/...` included) and returns the parsed body. */
	call(method: string, path: string, body?: unknown): Promise<unknown>;
}

/** One node of a chain. Each step receives the items of the step before it. */
export interface Step {
	/**
	 * A node of this package by its short name (`telesto`, `telestoTrigger`), or any other node by
	 * its full type (`n8n-nodes-base.set`).
	 */
	node: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	/** Name shown in n8n; defaults to the case name and step number. */
	name?: string;
	/**
	 * Credentials as n8n stores them on a node; by default the API's sandbox credential under the
	 * simulator's `credentialType` for nodes of this package, none for other nodes.
	 */
	credentials?: Record<string, { id: string; name: string }> | false;
	/** Checks the items this step put out; throw (node:assert) to fail. */
	expect?(items: Json[]): void;
	/** The step must fail on its items; the error message must match. */
	expectError?: RegExp;
	/** In an example workflow: a sticky note above the node saying what this step does (Markdown). */
	note?: string;
	/** n8n's "On Error" for this node; by default the suite continues on the regular output. */
	onError?: 'continueErrorOutput' | 'continueRegularOutput';
	/** Checks every output of the node (the error output last with `continueErrorOutput`). */
	expectOutputs?(outputs: Json[][]): void;
}

/** A chain of steps after a Manual Trigger, executed with `n8n execute`. */
export interface E2eCase {
	name: string;
	steps: Step[];
}

export interface CredentialTest {
	name: string;
	/** Merged over the simulator's credential data. */
	data?: Record<string, unknown>;
	ok: boolean;
	/** What n8n's credential test must answer. */
	message?: RegExp;
	/**
	 * How many requests the test must send to the API: those whose headers or query carry
	 * `carrying` (e.g. the test's own key), so that a trigger's poll at the same moment is not counted.
	 */
	requests?: { count: number; carrying: string };
	/** Puts the simulator in the state the test needs (e.g. robot offline); `after` undoes it. */
	before?(sandbox: SandboxClient): Promise<void>;
	after?(sandbox: SandboxClient): Promise<void>;
	/** Also checked in the editor's credential form (Chromium), with a screenshot. */
	editor?: boolean;
}

/** A polling trigger in an activated workflow under `n8n start`. */
export interface TriggerCase {
	name: string;
	/** Short node name of the trigger. */
	node: string;
	/** Trigger parameters; `pollTimes` defaults to every minute. */
	parameters: Record<string, unknown>;
	/** Runs once the trigger has taken its baseline: change the sandbox so that it fires. */
	change(sandbox: SandboxClient): Promise<void>;
	/** Checks the items the trigger emitted after the change. */
	expect(items: Json[]): void;
	/**
	 * Failure injected with the change (`POST /__sandbox/fault`) and cleared once a poll met it:
	 * the change must still come out, once, from the next poll after the backoff.
	 */
	fault?: { status: number; path?: string; body?: unknown };
}

/**
 * Editor test: what to pick in the node's panel, by the labels shown to users. One list is
 * checked per case and left open for the screenshot: an open list covers the fields below it.
 */
export interface EditorCase {
	/** Short node name (`telesto`). */
	node: string;
	/** Text to type in the node search, e.g. the display name. */
	search: string;
	/** The action to click in the node creator, e.g. "Get a product". */
	action: string;
	/** What a user does first so the lists under test appear, in order (pick the interface, add a condition...). */
	setup?: EditorStep[];
	/** Options dropdowns filled from the sandbox (loadOptions): parameter name and a text one option shows (with its description). */
	dropdowns?: Array<{ parameter: string; expectText: string | RegExp }>;
	/** Values the panel must show once the action is picked, by parameter name, e.g. `{ operation: 'Get' }`. */
	expectValues?: Record<string, string>;
	/** Click "Execute step" / "Fetch Test Event" and wait for this text in the output panel. */
	executeExpectText?: string;
	/** Its screenshot is one of the README's (written to docs/screenshots with --docs-screenshots). */
	readme?: boolean;
	/** Resource locators whose "From List" mode loads from the sandbox: parameter name and a text one entry shows. */
	locators?: Array<{ parameter: string; expectText: string | RegExp }>;
}

/**
 * One click path in the node panel, by what the user sees: choose an entry of a resource
 * locator's list, choose an option of a dropdown, or press an "Add ..." control (of a fixed
 * collection, or of a collection with the option to add).
 */
export type EditorStep =
	| { pick: string; text: string | RegExp }
	| { choose: string; option: string }
	| { add: string; option?: string };

/** An example workflow imported by `npm run dev` (and executed by the e2e suite when manual). */
export interface Example {
	name: string;
	/**
	 * The example's sticky note (Markdown): what the workflow does and what to change first to
	 * make it the user's own. Every step (and the trigger) also needs its own `note`.
	 */
	note: string;
	/** A trigger node of this package; omitted = Manual Trigger. */
	trigger?: Step;
	steps: Step[];
}

/**
 * n8n's AI Agent with an OpenAI-compatible chat model (the sandbox's fake model) and one node of
 * this package attached as a tool. The model calls the tool once with `arguments`, then answers.
 */
export interface AgentCase {
	name: string;
	/** The tool: a node of this package (short name, without `Tool`) and its parameters, with `$fromAI(...)` where the model fills in. */
	tool: Step;
	/** The tool call's arguments, as the model sends them. */
	arguments: Record<string, unknown>;
	/** The tool's description as the model must receive it. */
	description: RegExp;
	/** Checks the requests the tool sent to the API (the simulator's log of this run). */
	expectRequests(requests: SandboxRequest[]): void;
	/** Checks the tool's result as the model received it. */
	expectResult(result: string): void;
}

/** Free-form checks needing several executions, e.g. a token refresh persisted between runs. */
export interface Scenario {
	name: string;
	run(ctx: ScenarioContext): Promise<void>;
}

export interface ScenarioContext {
	sandbox: SandboxClient;
	/** Imports and executes a chain after a Manual Trigger; returns each step's items. */
	execute(steps: Step[]): Promise<Json[][]>;
}

/**
 * Everything the end-to-end suite and `npm run dev` need to know about one API. A file
 * `test/e2e/apis/<simulator name>.ts` exporting `suite` adds an API.
 */
export interface ApiSuite {
	/** The simulator's `name` in test/sandbox/index.ts. */
	api: string;
	/** Shown in n8n for the imported sandbox credential. */
	credentialName: string;
	cases: E2eCase[];
	credentialTests: CredentialTest[];
	triggers: TriggerCase[];
	examples: Example[];
	editor: EditorCase[];
	scenarios?: Scenario[];
	agents?: AgentCase[];
}
