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

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/download', 'application/force-download']);

/**
 * File name and MIME type of a download: from the headers, except that a PDF served as a generic
 * type (or without one) is typed `application/pdf` by its `%PDF-` signature, and a PDF's name
 * always ends in `.pdf`, so that n8n shows it as a PDF with its extension.
 */
export function fileOf(
	buffer: Buffer,
	options: { disposition?: string; contentType?: string; fallbackName: string; fallbackMime: string },
): { fileName: string; mimeType: string } {
	const declared = (options.contentType ?? '').split(';')[0].trim().toLowerCase();
	const isPdf = buffer.subarray(0, 5).toString('latin1') === '%PDF-';
	const mimeType = GENERIC_TYPES.has(declared) ? (isPdf ? 'application/pdf' : options.fallbackMime) : declared;
	let fileName = fileNameFrom(options.disposition) ?? options.fallbackName;
	if (mimeType === 'application/pdf' && !/\.pdf$/i.test(fileName)) fileName = `${fileName}.pdf`;
	return { fileName, mimeType };
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
	const { fileName, mimeType } = fileOf(buffer, {
		disposition: response.headers['content-disposition'],
		contentType: response.headers['content-type'],
		fallbackName: spec.fallbackName,
		fallbackMime: spec.fallbackMime,
	});
	// n8n derives fileExtension and fileType ('pdf') from these, as the editor shows them.
	const binary = await ctx.helpers.prepareBinaryData(buffer, fileName, mimeType);
	return [{ json: { ...spec.json, fileName, mimeType }, binary: { [property]: binary } }];
}
