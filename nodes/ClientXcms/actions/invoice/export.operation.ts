import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { jsonItems, request } from '../../../shared';
import { binaryPropertyField, downloadItem } from '../../helpers/binary';
import { bodyProperties, readBody, type BodyField } from '../../helpers/fields';
import { timezoneOf } from '../../helpers/values';
import { clientXcmsProfile } from '../../transport';

const fields: BodyField[] = [
	{ name: 'date_from', label: 'Created From', type: 'date' },
	{ name: 'date_to', label: 'Created To', type: 'date' },
	{
		name: 'status',
		label: 'Statuses',
		type: 'multiOptions',
		options: ['all', 'draft', 'pending', 'paid', 'cancelled', 'refunded', 'failed'],
	},
	{ name: 'customer_id', label: 'Customer ID', type: 'number', pick: 'getCustomers' },
];

const EXTENSIONS: Record<string, string> = { csv: 'csv', xlsx: 'xlsx', pdf: 'zip' };
const NOTHING = { exported: false, message: 'No invoice matches the export filters' };

export const description = [
	{
		displayName: 'Format',
		name: 'format',
		type: 'options' as const,
		options: [
			{ name: 'CSV', value: 'csv' },
			{ name: 'Excel (XLSX)', value: 'xlsx' },
			{ name: 'PDF Files (ZIP)', value: 'pdf' },
		],
		default: 'csv',
	},
	...bodyProperties(fields, 'create'),
	binaryPropertyField,
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /invoices?per_page=1&sort=-id (any existing invoice), then POST /invoices/{id}/export
	const format = this.getNodeParameter('format', i) as string;
	const filters = readBody(this, fields, { itemIndex: i, mode: 'create', timezone: await timezoneOf(this, i) });
	const latest = (await request(this, clientXcmsProfile, {
		method: 'GET',
		path: '/invoices',
		query: { per_page: 1, sort: '-id' },
		itemIndex: i,
	})) as IDataObject;
	const anyId = ((latest?.data as IDataObject[] | undefined) ?? [])[0]?.id;
	if (anyId === undefined) return jsonItems(NOTHING);
	try {
		return await downloadItem(this, i, {
			method: 'POST',
			path: `/invoices/${String(anyId)}/export`,
			body: { format, ...filters },
			fallbackName: `invoices.${EXTENSIONS[format] ?? format}`,
			fallbackMime: format === 'csv' ? 'text/csv' : 'application/octet-stream',
			json: { exported: true, format },
			followRedirects: false,
		});
	} catch (error) {
		// Nothing to export: ClientXCMS redirects back to the admin page instead of answering.
		if (error instanceof NodeApiError && /^3\d\d$/.test(String(error.httpCode))) return jsonItems(NOTHING);
		// Already a NodeApiError built by the transport.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
}
