import { operationSelector } from '../../../shared';
import * as close from './close.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as reopen from './reopen.operation';
import * as reply from './reply.operation';
import * as update from './update.operation';

export const ticketOperations = { getAll, get, create, update, delete: del, reply, close, reopen };

export const ticketDescription = operationSelector({
	resource: 'ticket',
	default: 'getAll',
	operations: [
		{ value: 'close', name: 'Close', action: 'Close a support ticket', description: 'Close a ticket', module: close },
		{ value: 'create', name: 'Create', action: 'Create a support ticket', description: 'Open a ticket for a customer', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a support ticket', description: 'Close an open ticket, or delete a closed one', module: del },
		{ value: 'get', name: 'Get', action: 'Get a support ticket', description: 'Get a support ticket by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many support tickets', description: 'List support tickets', module: getAll },
		{ value: 'reopen', name: 'Reopen', action: 'Reopen a support ticket', description: 'Reopen a closed ticket', module: reopen },
		{ value: 'reply', name: 'Reply', action: 'Reply to a support ticket', description: 'Post a staff reply', module: reply },
		{ value: 'update', name: 'Update', action: 'Update a support ticket', description: 'Change department, priority, subject or assignee', module: update },
	],
});
