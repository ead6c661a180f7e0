import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { recordAction } from '../../helpers/write';
import { service } from '../../resources';

/**
 * Suspend / Expire / Unsuspend answer 200 whether or not anything happened; the outcome is in
 * `result` (`result[0]` for suspend and expire, `result` itself for unsuspend).
 */
/**
 * ClientXCMS 2.16 and earlier pass `suspended` / `expired` where their status change expects
 * `suspend` / `expire`, and answer "Invalid status" without touching the service (no endpoint
 * reports the version, so the message is the sign). What a user can do instead, per action.
 */
const VERSION_BUG = /^invalid status\.?$/i;
const INSTEAD: Record<'suspend' | 'expire', string> = {
	suspend:
		'Instead, suspend it in the ClientXCMS admin area (Services, open the service, Suspend), or use Customer → Suspend with Force turned on, which suspends all of that customer\'s active services. A later ClientXCMS version may fix the API.',
	expire:
		'Instead, expire it in the ClientXCMS admin area (Services, open the service, Expire): on this version the API has no other way. A later ClientXCMS version may fix the API.',
};

export async function changeServiceStatus(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: { suffix: 'suspend' | 'expire' | 'unsuspend'; body?: IDataObject },
): Promise<INodeExecutionData[]> {
	const { id, answer } = await recordAction(ctx, itemIndex, service, { method: 'POST', ...options });
	const body = (answer ?? {}) as IDataObject;
	const result = (Array.isArray(body.result) ? body.result[0] : body.result) as IDataObject | undefined;
	if (!result || result.success !== true) {
		const message = typeof result?.message === 'string' ? result.message : 'no result';
		if (options.suffix !== 'unsuspend' && VERSION_BUG.test(message.trim())) {
			throw new NodeOperationError(
				ctx.getNode(),
				`ClientXCMS 2.16 and earlier cannot ${options.suffix} a service through the API (it answers "${message}")`,
				{ itemIndex, description: `Service ${id} was not changed. ${INSTEAD[options.suffix]}` },
			);
		}
		throw new NodeOperationError(ctx.getNode(), `ClientXCMS did not change the service: ${message}`, {
			itemIndex,
			description: 'The server module refused or failed; see the service and its server in ClientXCMS.',
		});
	}
	return jsonItems({ ...((body.data as IDataObject) ?? {}), _result: { success: true, message: result.message ?? null } });
}
