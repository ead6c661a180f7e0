import type { BodyField } from '../../helpers/fields';

export const subdomainHostFields: BodyField[] = [
	{ name: 'domain', label: 'Domain', type: 'string', required: true, placeholder: 'e.g. .example.com' },
	{ name: 'products', label: 'Product IDs', type: 'idList', description: 'Products that may use this host', pick: 'getProducts' },
	{ name: 'groups', label: 'Group IDs', type: 'idList', description: 'Product groups that may use this host', pick: 'getGroups' },
];
