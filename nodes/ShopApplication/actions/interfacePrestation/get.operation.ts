import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jsonItems } from '../../../shared';
import { getInterfacePrestation } from '../../transport/api';
import { interfaceLocator, prestationCodeField, readCode, readInterfaceKey } from '../fields';

export const description: INodeProperties[] = [interfaceLocator, prestationCodeField];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /interfaces/{key}/prestations/{code}: one item per occurrence
	const key = await readInterfaceKey(this, i);
	const code = readCode(this, 'prestationCode', 'Prestation Code', i).toUpperCase();
	return jsonItems((await getInterfacePrestation(this, key, code, i)) as IDataObject[]);
}
