import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { recordAction } from '../../helpers/write';
import { service } from '../../resources';

/**
 * Suspend / Expire / Unsuspend answer 200 whether or not anything happened; the outcome is in
 * `result` (`result[0]` for suspend and expire, `result` itself for unsuspend).
 */
export async function changeServiceStatus(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: { suffix: 'suspend' | 'expire' | 'unsuspend'; body?: IDataObject },
): Promise<INodeExecutionData[]> {
	const { answer } = await recordAction(ctx, itemIndex, service, { method: 'POST', ...options });
	const body = (answer ?? {}) as IDataObject;
	const result = (Array.isArray(body.result) ? body.result[0] : body.result) as IDataObject | undefined;
	if (!result || result.success !== true) {
		const message = typeof result?.message === 'string' ? result.message : 'no result';
		throw new NodeOperationError(ctx.getNode(), `ClientXCMS did not change the service: ${message}`, {
			itemIndex,
			description:
				options.suffix === 'unsuspend'
					? 'The server module refused or failed; see the service and the server in ClientXCMS.'
					: 'ClientXCMS 2.16 and earlier never apply this action through the API (a keyword mismatch answers "Invalid status").',
		});
	}
	return jsonItems({ ...((body.data as IDataObject) ?? {}), _result: { success: true, message: result.message ?? null } });
}
