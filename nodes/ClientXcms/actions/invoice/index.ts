import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as exportOp from './export.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getPdf from './getPdf.operation';
import * as sendNotification from './sendNotification.operation';
import * as setDraft from './setDraft.operation';
import * as update from './update.operation';
import * as validate from './validate.operation';

export const invoiceOperations = { getAll, get, create, update, delete: del, validate, setDraft, sendNotification, getPdf, export: exportOp };

export const invoiceDescription = operationSelector({
	resource: 'invoice',
	default: 'getAll',
	operations: [
		{ value: 'create', name: 'Create', action: 'Create an invoice', description: 'Create an empty draft invoice', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete an invoice', description: 'Delete a draft, pending or cancelled invoice', module: del },
		{ value: 'export', name: 'Export', action: 'Export invoices', description: 'Export invoices as CSV, XLSX or a ZIP of PDFs', module: exportOp },
		{ value: 'get', name: 'Get', action: 'Get an invoice', description: 'Get an invoice by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many invoices', description: 'List invoices', module: getAll },
		{ value: 'getPdf', name: 'Get PDF', action: 'Get the PDF of an invoice', description: 'Download the invoice PDF', module: getPdf },
		{ value: 'sendNotification', name: 'Send Notification', action: 'Send an invoice notification', description: 'E-mail a pending invoice to the customer', module: sendNotification },
		{ value: 'setDraft', name: 'Set Back to Draft', action: 'Set an invoice back to draft', description: 'Turn a pending invoice back into a draft', module: setDraft },
		{ value: 'update', name: 'Update', action: 'Update an invoice', description: 'Change status or fields of an invoice', module: update },
		{ value: 'validate', name: 'Validate Draft', action: 'Validate a draft invoice', description: 'Turn a draft into a pending invoice', module: validate },
	],
});
