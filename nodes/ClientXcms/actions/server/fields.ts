import type { BodyField } from '../../helpers/fields';

/** `ip` is never sent: the validator checks it against a column that does not exist (500). */
export const serverFields: BodyField[] = [
	{ name: 'name', label: 'Name', type: 'string', required: true },
	{ name: 'hostname', label: 'Hostname', type: 'string', required: true, placeholder: 'e.g. panel.example.com' },
	{ name: 'address', label: 'Address', type: 'string', required: true, placeholder: 'e.g. 203.0.113.10' },
	{ name: 'type', label: 'Type', type: 'string', required: true, placeholder: 'e.g. pterodactyl', description: 'Server type key of an installed module, or none' },
	{ name: 'username', label: 'Username', type: 'string', required: true },
	{ name: 'password', label: 'Password', type: 'password', required: true },
	{ name: 'port', label: 'Port', type: 'number', default: 443 },
	{ name: 'status', label: 'Status', type: 'options', options: ['active', 'hidden', 'unreferenced'] },
	{ name: 'maxaccounts', label: 'Max Accounts', type: 'number' },
];
