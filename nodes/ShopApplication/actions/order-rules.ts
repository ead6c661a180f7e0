import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { isTerminated } from '../schemas';
import { getInterfacePrestation, listInterfacePrestations } from '../transport/api';
import { catalogueCodes, catalogueDetail, executionScope } from '../transport/catalogue';

/** R3: `IN-…-S` is a setup prestation (IN-BTQST-S, IN-CAISSE-S; not MO-ARTCRITERES-S). */
export const SETUP_CODE = /^IN-.+-S$/;

export type OrderKind = 'create' | 'add';

function list(codes: string[]): string {
	return codes.join(', ');
}

/** R1 and R3: what can be said without asking the API. */
export function localProblems(kind: OrderKind, codes: string[]): string[] {
	if (!codes.length) return ['The order has no prestation codes; at least one is required'];
	const setups = codes.filter((c) => SETUP_CODE.test(c));
	if (kind === 'create') {
		if (setups.length === 0) {
			return ['The order has no setup prestation (IN-…-S); exactly one is required'];
		}
		if (setups.length > 1) {
			return [`The order has ${setups.length} setup prestations (${list(setups)}); exactly one is required`];
		}
		return [];
	}
	return setups.length
		? [
				`${list([...new Set(setups)])} ${setups.length > 1 ? 'are setup prestations' : 'is a setup prestation'}; a setup can only be ordered with a new interface (Interface → Create)`,
			]
		: [];
}

/** Whether an active (not terminated) occurrence of one of `codes` is on the interface. */
async function activeOnInterface(
	ctx: IExecuteFunctions,
	key: string,
	codes: string[],
	onInterface: () => Promise<Set<string>>,
	itemIndex: number,
): Promise<boolean> {
	const listed = await onInterface();
	for (const code of codes.filter((c) => listed.has(c))) {
		const occurrences = await getInterfacePrestation(ctx, key, code, itemIndex);
		if (occurrences.some((o) => !isTerminated(o.resilie))) return true;
	}
	return false;
}

/**
 * Every violation of rules R1–R4 (§5.12) for one order. The catalogue is read (cached for the
 * execution) only when R1 passes; an Add looks at the interface only for codes whose associated
 * prestation is not in the order itself.
 */
export async function orderProblems(
	ctx: IExecuteFunctions,
	options: { kind: OrderKind; codes: string[]; interfaceKey?: string; itemIndex: number },
): Promise<string[]> {
	const { kind, codes, interfaceKey, itemIndex } = options;
	const problems = localProblems(kind, codes);
	if (!codes.length) return problems;

	const where = { scope: executionScope(ctx), itemIndex };
	const catalogue = new Set((await catalogueCodes(ctx, where)).map((c) => c.toUpperCase()));
	const distinct = [...new Set(codes)];
	const unknown = distinct.filter((c) => !catalogue.has(c));
	if (unknown.length) {
		problems.push(
			`${unknown.length > 1 ? 'Unknown prestation codes' : 'Unknown prestation code'} ${list(unknown)} (not in your Shop Application catalogue)`,
		);
	}

	const inOrder = new Set(codes);
	let interfaceCodes: Promise<Set<string>> | undefined;
	const onInterface = async () => {
		interfaceCodes ??= listInterfacePrestations(ctx, interfaceKey ?? '', itemIndex).then(
			(l) => new Set(l.map((c) => c.toUpperCase())),
		);
		return await interfaceCodes;
	};
	for (const code of distinct.filter((c) => catalogue.has(c))) {
		const associated = (await catalogueDetail(ctx, code, where)).prestations_associees.map((c) =>
			String(c).trim().toUpperCase(),
		);
		if (!associated.length || associated.some((c) => inOrder.has(c))) continue;
		if (kind === 'add' && interfaceKey && (await activeOnInterface(ctx, interfaceKey, associated, onInterface, itemIndex))) {
			continue;
		}
		problems.push(
			`${code} needs one of ${list(associated)} in the same order${kind === 'add' ? ' or active on the interface' : ''}`,
		);
	}
	return problems;
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One problem per line: n8n's editor renders an error description as HTML (a newline is only a
 * space there, a list is styled), and text readers still get one item per line.
 */
export function problemList(problems: string[]): string {
	return `<ul>\n${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('\n')}\n</ul>`;
}

/** All problems of one item in one error, so a user fixes them in one go. */
export function throwIfProblems(
	ctx: IExecuteFunctions,
	problems: string[],
	options: { itemIndex: number; what: string; hint: string },
): void {
	if (!problems.length) return;
	const { itemIndex, what, hint } = options;
	throw new NodeOperationError(
		ctx.getNode(),
		problems.length === 1
			? `${what} not sent (item ${itemIndex}): ${problems[0]}`
			: `${what} not sent (item ${itemIndex}): ${problems.length} problems`,
		{
			itemIndex,
			// The message holds a single problem already.
			description: `${problems.length > 1 ? `${problemList(problems)}\n` : ''}Nothing was sent to Shop Application. ${hint}`,
		},
	);
}
