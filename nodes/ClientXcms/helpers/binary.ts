import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requestRaw, type HttpMethod } from '../../shared';
import { clientXcmsProfile } from '../transport';

export const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	description: 'The name of the output binary field to put the file in',
};

/** `attachment; filename="INV-1.pdf"` / `filename*=UTF-8''…` → the name. */
export function fileNameFrom(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
	const plain = /filename\s*=\s*("?)([^";]+)\1/i.exec(disposition);
	return plain?.[2].trim();
}

/** Downloads a file (requested as a buffer, never parsed) into one item's binary field. */
export async function downloadItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	spec: {
		method: HttpMethod;
		path: string;
		body?: IDataObject;
		fallbackName: string;
		fallbackMime: string;
		json: IDataObject;
		followRedirects?: boolean;
	},
): Promise<INodeExecutionData[]> {
	const property = ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const response = await requestRaw(ctx, clientXcmsProfile, {
		method: spec.method,
		path: spec.path,
		body: spec.body,
		binary: true,
		itemIndex,
		followRedirects: spec.followRedirects,
	});
	const buffer = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
	const fileName = fileNameFrom(response.headers['content-disposition']) ?? spec.fallbackName;
	const mimeType = (response.headers['content-type'] ?? spec.fallbackMime).split(';')[0].trim();
	const binary = await ctx.helpers.prepareBinaryData(buffer, fileName, mimeType);
	return [{ json: { ...spec.json, fileName, mimeType }, binary: { [property]: binary } }];
}
