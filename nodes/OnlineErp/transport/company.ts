import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const ONLINE_ERP_DEFAULT_COMPANY_HEADER = 'COMPANY_ID';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The company header as the credential sets it: trimmed name and ID, `0` when the ID is empty. */
export function companyHeader(credentials: ICredentialDataDecryptedObject): [string, string] {
	const name = String(credentials.companyHeaderName ?? '').trim() || ONLINE_ERP_DEFAULT_COMPANY_HEADER;
	if (!HEADER_NAME.test(name)) {
		// Thrown from the credential's authenticate, which has no node to build a NodeOperationError on.
		throw new Error(
			`The Company Header Name "${name}" is not a valid HTTP header name (letters, digits and - _ only)`,
		);
	}
	const id = String(credentials.companyId ?? '').trim() || '0';
	return [name, id];
}
