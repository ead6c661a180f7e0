import type { BodyField } from '../../helpers/fields';

export const productFields: BodyField[] = [
	{ name: 'name', label: 'Name', type: 'string', required: true },
	{ name: 'description', label: 'Description', type: 'text', required: true },
	{ name: 'status', label: 'Status', type: 'options', options: ['active', 'hidden', 'unreferenced'], required: true },
	{ name: 'group_id', label: 'Group ID', type: 'number', required: true, pick: 'getGroups' },
	{ name: 'stock', label: 'Stock', type: 'number', required: true, default: -1, description: '-1 = unlimited' },
	{ name: 'type', label: 'Type', type: 'string', required: true, default: 'none', description: 'Product type key of an installed module (e.g. pterodactyl), or none' },
	{ name: 'pinned', label: 'Pinned', type: 'boolean', description: 'Whether the product is pinned in the store' },
];
