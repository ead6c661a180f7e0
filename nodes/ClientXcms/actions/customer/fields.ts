import type { BodyField } from '../../helpers/fields';

const LOCALES = [
	{ name: 'English (en_GB)', value: 'en_GB' },
	{ name: 'French (fr_FR)', value: 'fr_FR' },
	{ name: 'Spanish (es_ES)', value: 'es_ES' },
	{ name: 'German (de_DE)', value: 'de_DE' },
];

/** The customer body (StoreCustomerRequest / UpdateCustomerRequest). */
export const customerFields: BodyField[] = [
	{ name: 'email', label: 'Email', type: 'string', required: true, placeholder: 'e.g. name@email.com', description: 'Sent in lower case' },
	{ name: 'firstname', label: 'First Name', type: 'string', required: true },
	{ name: 'lastname', label: 'Last Name', type: 'string', required: true },
	{ name: 'address', label: 'Address', type: 'string', required: true },
	{ name: 'city', label: 'City', type: 'string', required: true },
	{ name: 'zipcode', label: 'Postal Code', type: 'string', required: true, description: "Must match the country's postal code format" },
	{ name: 'region', label: 'Region', type: 'string', required: true },
	{ name: 'country', label: 'Country Code', type: 'string', required: true, placeholder: 'e.g. FR', description: 'ISO 3166-1 alpha-2 code, sent in upper case' },
	{
		name: 'locale',
		label: 'Locale',
		type: 'options',
		options: LOCALES,
		default: 'en_GB',
		required: true,
		description: 'Must be enabled and installed on the instance (only en_GB is enabled by default)',
	},
	{ name: 'address2', label: 'Address Line 2', type: 'string' },
	{ name: 'phone', label: 'Phone', type: 'string', placeholder: 'e.g. +33612345678', description: 'International format is safest; must be unique' },
	{ name: 'company_name', label: 'Company Name', type: 'string' },
	{ name: 'billing_details', label: 'Billing Details', type: 'string' },
	{ name: 'balance', label: 'Balance', type: 'number' },
	{ name: 'password', label: 'Password', type: 'password', description: 'At least 8 characters. Without one on create, ClientXCMS sets a random password and e-mails a reset link.' },
];

/** Everything an update must re-send: ClientXCMS replaces the whole customer. */
export const customerResend = {
	fields: ['email', 'firstname', 'lastname', 'address', 'address2', 'city', 'zipcode', 'region', 'country', 'phone', 'company_name', 'billing_details', 'locale', 'balance'],
	numbers: ['balance'],
};

/** E-mail lower case and country upper case, as the validator expects. */
export function normaliseCustomer<T extends Record<string, unknown>>(body: T): T {
	const out: Record<string, unknown> = { ...body };
	if (typeof out.email === 'string') out.email = out.email.toLowerCase();
	if (typeof out.country === 'string') out.country = out.country.toUpperCase();
	return out as T;
}
