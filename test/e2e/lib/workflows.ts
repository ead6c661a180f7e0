import { createHash } from 'node:crypto';

import type { WorkflowJson } from '../../../scripts/n8n/instance';
import type { Example, Step } from '../types';

export const PACKAGE_PREFIX = 'n8n-nodes-business-connectors';

/** n8n ids are short strings; derive stable ones so re-imports overwrite instead of piling up. */
export function stableId(seed: string, length = 16): string {
	return createHash('sha256').update(seed).digest('base64url').replace(/[-_]/g, 'x').slice(0, length);
}

export interface CredentialRef {
	type: string;
	id: string;
	name: string;
}

export function nodeType(node: string): string {
	return node.includes('.') ? node : `${PACKAGE_PREFIX}.${node}`;
}

/** Our node types carry the sandbox credential unless the step says otherwise. */
function credentialsFor(step: Step, credential: CredentialRef): Record<string, unknown> | undefined {
	if (step.credentials === false) return undefined;
	if (step.credentials) return step.credentials;
	if (step.node.includes('.')) return undefined;
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

export function toNode(step: Step, name: string, position: [number, number], credential: CredentialRef, extra: Record<string, unknown> = {}) {
	const credentials = credentialsFor(step, credential);
	return {
		id: stableId(`${name}:${position.join(',')}`, 12),
		name,
		type: nodeType(step.node),
		typeVersion: step.typeVersion ?? 1,
		position,
		parameters: step.parameters,
		...(credentials ? { credentials } : {}),
		...extra,
	};
}

export const MANUAL_TRIGGER = {
	name: 'When clicking ‘Execute workflow’',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
};

export interface Chain {
	/** Unique prefix for the node names of this chain. */
	label: string;
	steps: Step[];
}

export interface BuiltChain {
	/** n8n node name of each step, in order. */
	nodeNames: string[];
}

/**
 * One workflow: a Manual Trigger feeding several independent chains, laid out top to bottom so
 * that n8n's v1 execution order runs them one after the other. Steps continue on error, so a
 * failing case shows up as an error item and the other cases still run.
 */
export function chainsWorkflow(options: {
	id: string;
	name: string;
	chains: Chain[];
	credential: CredentialRef;
	continueOnError: boolean;
}): { workflow: WorkflowJson; chains: BuiltChain[] } {
	const trigger = { id: stableId(`${options.id}:trigger`, 12), ...MANUAL_TRIGGER, position: [0, 0] };
	const nodes: Array<Record<string, unknown>> = [trigger];
	const connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {
		[trigger.name]: { main: [[]] },
	};
	const built: BuiltChain[] = [];
	options.chains.forEach((chain, c) => {
		const names: string[] = [];
		chain.steps.forEach((step, s) => {
			const name = step.name ? [chain.label, step.name].filter(Boolean).join(' ') : `${chain.label}${chain.steps.length > 1 ? ` #${s + 1}` : ''}`;
			names.push(name);
			nodes.push(
				toNode(
					step,
					name,
					[260 * (s + 1), 200 * c],
					options.credential,
					step.onError ? { onError: step.onError } : options.continueOnError ? { onError: 'continueRegularOutput' } : {},
				),
			);
			const from = s === 0 ? trigger.name : names[s - 1];
			connections[from] ??= { main: [[]] };
			connections[from].main[0].push({ node: name, type: 'main', index: 0 });
		});
		built.push({ nodeNames: names });
	});
	return {
		workflow: {
			id: options.id,
			name: options.name,
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
			pinData: {},
		},
		chains: built,
	};
}

const STEP_NOTE = { width: 240, height: 230, gap: 20 };

/** A sticky note (`n8n-nodes-base.stickyNote`); `color` is n8n's palette index (1 yellow … 7 grey). */
export function stickyNote(options: { name: string; content: string; position: [number, number]; width: number; height: number; color?: number }) {
	return {
		id: stableId(`sticky:${options.name}:${options.position.join(',')}`, 12),
		name: options.name,
		type: 'n8n-nodes-base.stickyNote',
		typeVersion: 1,
		position: options.position,
		parameters: { content: options.content, width: options.width, height: options.height, ...(options.color ? { color: options.color } : {}) },
	};
}

/**
 * The example's notes: the overview to the left of the trigger, and one note above each node
 * that has one (nodes sit at y = 0, 260 apart).
 */
function exampleNotes(example: Example, nodes: Array<{ name: string; position: unknown; note?: string }>) {
	const notes = [
		stickyNote({ name: 'About This Workflow', content: example.note, position: [-520, -120], width: 460, height: 380 }),
	];
	for (const node of nodes) {
		if (!node.note) continue;
		const [x] = node.position as [number, number];
		notes.push(
			stickyNote({
				name: `Note: ${node.name}`,
				content: node.note,
				position: [x - 70, -(STEP_NOTE.height + STEP_NOTE.gap)],
				width: STEP_NOTE.width,
				height: STEP_NOTE.height,
				color: 7,
			}),
		);
	}
	return notes;
}

/**
 * An example as the user sees it in `npm run dev`: a trigger (Manual unless given), a chain, and
 * sticky notes saying what each step does and what to change first.
 */
export function exampleWorkflow(example: Example, credential: CredentialRef): WorkflowJson {
	const id = stableId(`example:${example.name}`);
	if (!example.trigger) {
		const steps = example.steps.map((s, i) => ({ ...s, name: s.name ?? `Step ${i + 1}` }));
		const workflow = chainsWorkflow({ id, name: example.name, chains: [{ label: '', steps }], credential, continueOnError: false }).workflow;
		const named = workflow.nodes.map((n) => ({ name: String(n.name), position: n.position, note: steps.find((s) => s.name === n.name)?.note }));
		return { ...workflow, nodes: [...workflow.nodes, ...exampleNotes(example, named)] };
	}
	const nodes = [toNode(example.trigger, example.trigger.name ?? 'Trigger', [0, 0], credential)];
	const connections: Record<string, unknown> = {};
	let previous = nodes[0].name;
	example.steps.forEach((step, i) => {
		const node = toNode(step, step.name ?? `Step ${i + 1}`, [260 * (i + 1), 0], credential);
		nodes.push(node);
		connections[previous] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
		previous = node.name;
	});
	const notes = [example.trigger, ...example.steps].map((s, i) => ({ name: String(nodes[i].name), position: nodes[i].position, note: s.note }));
	return { id, name: example.name, nodes: [...nodes, ...exampleNotes(example, notes)], connections, settings: { executionOrder: 'v1' }, pinData: {} };
}
