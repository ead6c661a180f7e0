import { operationSelector } from '../../../shared';
import * as ban from './ban.operation';
import * as confirmEmail from './confirmEmail.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as disable2fa from './disable2fa.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as reactivate from './reactivate.operation';
import * as resendConfirmation from './resendConfirmation.operation';
import * as sendPasswordReset from './sendPasswordReset.operation';
import * as suspend from './suspend.operation';
import * as update from './update.operation';

export const customerOperations = { getAll, get, create, update, delete: del, resendConfirmation, sendPasswordReset, confirmEmail, suspend, ban, reactivate, disable2fa };

export const customerDescription = operationSelector({
	resource: 'customer',
	default: 'getAll',
	operations: [
		{ value: 'ban', name: 'Ban', action: 'Ban a customer', description: 'Ban the account', module: ban },
		{ value: 'create', name: 'Create', action: 'Create a customer', description: 'Create a customer account', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a customer', description: 'Delete a customer (Force overrides blocking services and invoices)', module: del },
		{ value: 'disable2fa', name: 'Disable 2FA', action: 'Disable two factor authentication', description: 'Turn off two-factor authentication for the customer', module: disable2fa },
		{ value: 'get', name: 'Get', action: 'Get a customer by ID', description: 'Get a customer by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many customers', description: 'List customers with filters, sort and includes', module: getAll },
		{ value: 'confirmEmail', name: 'Mark Email Verified', action: 'Mark the email as verified', description: 'Mark the customer e-mail address as verified', module: confirmEmail },
		{ value: 'reactivate', name: 'Reactivate', action: 'Reactivate a customer', description: 'Lift a suspension or ban and unsuspend suspended services', module: reactivate },
		{ value: 'resendConfirmation', name: 'Resend Confirmation Email', action: 'Resend the confirmation email', description: 'Send the e-mail confirmation link again', module: resendConfirmation },
		{ value: 'sendPasswordReset', name: 'Send Password Reset', action: 'Send a password reset link', description: 'Send a password-reset link (unverified customers only)', module: sendPasswordReset },
		{ value: 'suspend', name: 'Suspend', action: 'Suspend a customer', description: 'Suspend the account', module: suspend },
		{ value: 'update', name: 'Update', action: 'Update a customer', description: 'Change fields of a customer (the others are kept)', module: update },
	],
});
