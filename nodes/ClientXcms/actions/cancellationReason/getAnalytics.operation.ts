import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { jsonItems, request } from '../../../shared';
import { bodyProperties, readBody, type BodyField } from '../../helpers/fields';
import { timezoneOf } from '../../helpers/values';
import { clientXcmsProfile } from '../../transport';

const fields: BodyField[] = [
	{ name: 'start_date', label: 'Start Date', type: 'date', description: 'Default: 6 months ago' },
	{ name: 'end_date', label: 'End Date', type: 'date', description: 'Default: today' },
];

export const description = bodyProperties(fields, 'create');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /cancellation_reasons_analytics?start_date=&end_date=
	const query = readBody(this, fields, { itemIndex: i, mode: 'create', timezone: await timezoneOf(this, i) }) as Record<string, string>;
	return jsonItems(
		(await request(this, clientXcmsProfile, { method: 'GET', path: '/cancellation_reasons_analytics', query, itemIndex: i })) as IDataObject,
	);
}
