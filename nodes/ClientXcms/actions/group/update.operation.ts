import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProperties, updateRecord } from '../../helpers/write';
import { toBool } from '../../helpers/values';
import { group } from '../../resources';
import { finaliseGroup, groupFields } from './fields';

/** The background flag lives in the group's metadata (key/value rows). */
function backgroundFlag(current: IDataObject): IDataObject {
	const rows = Array.isArray(current.metadata) ? (current.metadata as IDataObject[]) : [];
	const row = rows.find((m) => m.key === 'use_image_as_background');
	return row && toBool(row.value) ? { use_image_as_background: true } : {};
}

export const description = updateProperties(group, groupFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /groups?include=metadata (list scan), then POST /groups/{id}; omitted slug, pinned,
	// parent_id and background flag would be reset, so their current values are re-sent
	return await updateRecord(this, i, group, {
		fields: groupFields,
		include: ['metadata'],
		resend: { fields: ['slug', 'pinned', 'parent_id'], booleans: ['pinned'], derive: backgroundFlag },
		finalize: (body) => finaliseGroup(body) as IDataObject,
	});
}
