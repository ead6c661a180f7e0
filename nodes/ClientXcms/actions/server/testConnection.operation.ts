import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { bodyProperties, readBody, type BodyField } from '../../helpers/fields';
import { timezoneOf } from '../../helpers/values';
import { asItems, notice, send } from '../../helpers/write';
import { server } from '../../resources';

const fields: BodyField[] = [
	{ name: 'type', label: 'Type', type: 'string', required: true, placeholder: 'e.g. pterodactyl' },
	{ name: 'address', label: 'Address', type: 'string', required: true },
	{ name: 'hostname', label: 'Hostname', type: 'string', required: true },
	{ name: 'port', label: 'Port', type: 'number', required: true, default: 443 },
	{ name: 'username', label: 'Username', type: 'string', required: true },
	{ name: 'password', label: 'Password', type: 'password', required: true },
	{ name: 'server_id', label: 'Existing Server ID', type: 'number', pick: 'getServers' },
];

export const description = [
	notice(
		'Broken in ClientXCMS 2.16 and earlier: the route is shadowed by Update Server (POST /servers/{server}), so the instance answers 404 (or 403 without servers:update). Kept for instances where this is fixed.',
	),
	...bodyProperties(fields, 'create'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// POST /servers/test
	const body = readBody(this, fields, { itemIndex: i, mode: 'create', timezone: await timezoneOf(this, i) });
	try {
		return asItems(server, await send(this, { method: 'POST', path: '/servers/test', body, itemIndex: i }));
	} catch (error) {
		if (error instanceof NodeApiError && ['403', '404'].includes(String(error.httpCode))) {
			throw new NodeOperationError(this.getNode(), 'This ClientXCMS version cannot test server connections through the API', {
				itemIndex: i,
				description: `POST /servers/test is captured by POST /servers/{server} (ClientXCMS 2.16 and earlier), which answered: ${error.message}`,
			});
		}
		// Already a NodeApiError built by the transport.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
}
