import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { binaryPropertyField, downloadItem } from '../../helpers/binary';
import { idProperty, readRecordId } from '../../helpers/records';
import { invoice } from '../../resources';

export const description = [
	idProperty(invoice),
	{
		displayName: 'Variant',
		name: 'variant',
		type: 'options' as const,
		options: [
			{
				name: 'Inline',
				value: 'pdf',
				description: 'The PDF ClientXCMS shows in a browser tab. In n8n it is a PDF file to download, like the other choice.',
			},
			{ name: 'Download (Attachment)', value: 'download', description: 'The PDF as a download, named after the invoice' },
		],
		default: 'download',
		hint: 'n8n offers PDFs for Download only: its viewer does not open PDFs, whichever node made them',
	},
	binaryPropertyField,
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /invoices/{id}/pdf or GET /invoices/{id}/download
	const id = readRecordId(this, invoice, i);
	const variant = this.getNodeParameter('variant', i) as 'pdf' | 'download';
	return await downloadItem(this, i, {
		method: 'GET',
		path: `/invoices/${id}/${variant}`,
		fallbackName: `invoice-${id}.pdf`,
		fallbackMime: 'application/pdf',
		json: { id },
	});
}
