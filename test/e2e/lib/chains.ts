import type { RunOutput, WorkflowJson } from '../../../scripts/n8n/instance';
import type { StartedSimulator } from '../../sandbox/types';
import type { Json, Step, TriggerCase } from '../types';
import type { Sink } from './sandbox';
import type { ApiEntry } from './suites';
import { chainsWorkflow, nodeType, stableId, toNode, type BuiltChain, type CredentialRef } from './workflows';

export interface LiveApi {
	entry: ApiEntry;
	sim: StartedSimulator;
	credential: CredentialRef;
}

/** Items of the first output of a node's first run, every output, and its error if it failed. */
export function nodeResult(output: RunOutput, nodeName: string): { ran: boolean; items: Json[]; outputs: Json[][]; error?: string } {
	const runs = output.data.resultData.runData[nodeName];
	if (!runs?.length) return { ran: false, items: [], outputs: [] };
	const first = runs[0];
	const outputs = (first.data?.main ?? []).map((out) => (out ?? []).map((i) => i.json));
	const error = first.error ? [first.error.message, first.error.description].filter(Boolean).join(' — ') : undefined;
	return { ran: true, items: outputs[0] ?? [], outputs, error };
}

/** An error item's text: `error` holds the message, hint and status (see errorItem). */
export function itemErrorText(item: Json | undefined): string | undefined {
	const error = item?.error;
	if (typeof error === 'string') return error;
	if (!error || typeof error !== 'object') return undefined;
	const { message, description } = error as Json;
	return [message, description].filter(Boolean).join(' — ');
}

export function checkChain(output: RunOutput | undefined, steps: Step[], chain: BuiltChain, rawTail: string): void {
	if (!output) throw new Error(`n8n printed no run data:\n${rawTail}`);
	steps.forEach((step, s) => {
		const name = chain.nodeNames[s];
		const { ran, items, outputs, error } = nodeResult(output, name);
		if (!ran) {
			const wfError = output.data.resultData.error?.message;
			throw new Error(`step "${name}" did not run${wfError ? ` (workflow error: ${wfError})` : ''}`);
		}
		if (step.expectOutputs) {
			if (error) throw new Error(`step "${name}" failed: ${error}`);
			try {
				step.expectOutputs(outputs);
			} catch (e) {
				throw new Error(`step "${name}": ${(e as Error).message}\noutputs: ${JSON.stringify(outputs).slice(0, 1500)}`);
			}
			return;
		}
		const message = error ?? itemErrorText(items.find((i) => itemErrorText(i) !== undefined));
		if (step.expectError) {
			if (!message) throw new Error(`step "${name}" should have failed with ${step.expectError} but gave ${JSON.stringify(items).slice(0, 500)}`);
			if (!step.expectError.test(message)) throw new Error(`step "${name}" failed with "${message}", expected ${step.expectError}`);
			return;
		}
		if (message) throw new Error(`step "${name}" failed: ${message}`);
		try {
			step.expect?.(items);
		} catch (e) {
			throw new Error(`step "${name}": ${(e as Error).message}\nitems: ${JSON.stringify(items).slice(0, 1500)}`);
		}
	});
}

/** Every resource/operation of every action node must appear in a case or a manual example. */
export function coverageGaps(live: LiveApi): string[] {
	const suite = live.entry.suite!;
	const steps = [...suite.cases.flatMap((c) => c.steps), ...suite.examples.filter((e) => !e.trigger).flatMap((e) => e.steps)];
	const gaps: string[] = [];
	for (const node of live.entry.nodes) {
		if (node.trigger) {
			if (!suite.triggers.some((t) => t.node === node.name)) gaps.push(`${node.name}: no trigger case`);
			continue;
		}
		for (const [resource, operations] of Object.entries(node.operations)) {
			for (const operation of operations) {
				const covered = steps.some((s) => {
					if (nodeType(s.node) !== nodeType(node.name)) return false;
					const r = (s.parameters.resource as string | undefined) ?? node.defaultResource ?? '_';
					const o = (s.parameters.operation as string | undefined) ?? node.defaultOperation[r];
					return r === resource && o === operation;
				});
				if (!covered) gaps.push(`${node.name}: ${resource} ${operation}`);
			}
		}
	}
	return gaps;
}

export function opsWorkflow(live: LiveApi, version: string) {
	const suite = live.entry.suite!;
	const chains = [
		...suite.cases.map((c) => ({ label: c.name, steps: c.steps })),
		...suite.examples.filter((e) => !e.trigger).map((e) => ({ label: `Example: ${e.name}`, steps: e.steps })),
	];
	const built = chainsWorkflow({
		id: stableId(`e2e:${version}:${live.entry.api}:operations`),
		name: `E2E ${live.entry.api} operations`,
		chains,
		credential: live.credential,
		continueOnError: true,
	});
	return { ...built, sources: chains };
}

export function triggerWorkflow(live: LiveApi, trigger: TriggerCase, index: number, sink: Sink): WorkflowJson {
	const triggerNode = toNode(
		{ node: trigger.node, parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...trigger.parameters } },
		trigger.name,
		[0, 0],
		live.credential,
	);
	const send = {
		id: stableId(`sink:${live.entry.api}:${index}`, 12),
		name: 'Send To Sink',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [260, 0],
		parameters: {
			method: 'POST',
			url: `${sink.url}/${live.entry.api}/${index}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json) }}',
			options: {},
		},
	};
	return {
		id: stableId(`e2e:${live.entry.api}:trigger:${index}`),
		name: `E2E ${live.entry.api} trigger: ${trigger.name}`,
		nodes: [triggerNode, send],
		connections: { [triggerNode.name]: { main: [[{ node: send.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

