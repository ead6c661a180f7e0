import { api, CUSTOMER, CUSTOMER_PUBLIC, fakeSleep, pageB, paired, run } from './helpers';

const DEPARTMENT = { id: 2, name: 'Support', description: 'General', icon: 'bi bi-question-circle', sla_first_response_minutes: null };

describe('ClientXCMS Support Department', () => {
	it('Create: POST /departments', async () => {
		const scope = api()
			.post('/departments', { name: 'Support', description: 'General', icon: 'bi bi-question-circle', sla_resolution_minutes: 60 })
			.reply(201, DEPARTMENT);
		const { items } = await run({
			resource: 'department', operation: 'create', name: 'Support', description: 'General', icon: 'bi bi-question-circle', additionalFields: { sla_resolution_minutes: 60 },
		});
		scope.done();
		expect(items).toEqual(paired([DEPARTMENT]));
	});

	it('Update: re-sends name, description and icon', async () => {
		const scope = api()
			.get('/departments/2')
			.reply(200, pageB([DEPARTMENT]))
			.post('/departments/2', { name: 'Support', description: 'General', icon: 'bi bi-star' })
			.reply(200, { ...DEPARTMENT, icon: 'bi bi-star' });
		const { items } = await run({ resource: 'department', operation: 'update', departmentId: '2', updateFields: { icon: 'bi bi-star' } });
		scope.done();
		expect(items).toEqual(paired([{ ...DEPARTMENT, icon: 'bi bi-star' }]));
	});
});

const TICKET = { id: 9, subject: 'Help', status: 'open', priority: 'medium', department_id: 2, customer_id: 7, assigned_to: null, messages: [{ id: 1, message: 'First message' }] };

describe('ClientXCMS Support Ticket', () => {
	it('Create: customer required, related_* never sent', async () => {
		const scope = api()
			.post('/tickets', { customer_id: 7, department_id: 2, subject: 'Help', priority: 'high', content: 'First message' })
			.reply(201, TICKET);
		const { items } = await run({
			resource: 'ticket', operation: 'create', customerId: { mode: 'id', value: '7' }, department_id: 2, subject: 'Help', priority: 'high', content: 'First message',
		});
		scope.done();
		expect(items).toEqual(paired([TICKET]));
	});

	it('Update: re-sends department, priority, subject and assignee', async () => {
		const scope = api()
			.get('/tickets/9')
			.reply(200, pageB([TICKET]))
			.post('/tickets/9', { department_id: 2, priority: 'low', subject: 'Help', assigned_to: null })
			.reply(200, { ...TICKET, priority: 'low' });
		const { items } = await run({ resource: 'ticket', operation: 'update', ticketId: '9', updateFields: { priority: 'low' } });
		scope.done();
		expect(items).toEqual(paired([{ ...TICKET, priority: 'low' }]));
	});

	it('Delete: an open ticket is only closed, a closed one is deleted (reported either way)', async () => {
		const scope = api()
			.get('/tickets/9')
			.reply(200, pageB([TICKET]))
			.delete('/tickets/9')
			.reply(200, { message: 'Ticket closed' })
			.get('/tickets/9')
			.reply(200, pageB([{ ...TICKET, status: 'closed' }]))
			.delete('/tickets/9')
			.reply(200, { message: 'Ticket deleted successfully' });
		const first = await run({ resource: 'ticket', operation: 'delete', ticketId: '9' });
		const second = await run({ resource: 'ticket', operation: 'delete', ticketId: '9' });
		scope.done();
		expect(first.items).toEqual(paired([{ deleted: false, id: 9, result: 'closed', message: 'Ticket closed' }]));
		expect(second.items).toEqual(paired([{ deleted: true, id: 9, result: 'deleted', message: 'Ticket deleted successfully' }]));
	});

	it('Reply: checks the newest message is the one sent', async () => {
		const answered = { ...TICKET, status: 'answered', messages: [...TICKET.messages, { id: 2, message: 'We are on it' }] };
		const scope = api().post('/tickets/9/reply', { content: 'We are on it' }).reply(200, { message: 'Reply sent', ticket: answered });
		const { items } = await run({ resource: 'ticket', operation: 'reply', ticketId: '9', content: '  We are on it ' });
		scope.done();
		expect(items).toEqual(paired([{ ...answered, _message: 'Reply sent' }]));
	});

	it('Reply and Create: customers embedded in the ticket and its messages lose their secrets', async () => {
		const withCustomer = { ...TICKET, customer: CUSTOMER, messages: [{ id: 1, message: 'First message', customer: CUSTOMER, admin: null }] };
		const answered = { ...withCustomer, messages: [...withCustomer.messages, { id: 2, message: 'We are on it', customer: null }] };
		const scope = api()
			.post('/tickets/9/reply', { content: 'We are on it' })
			.reply(200, { message: 'Reply sent', ticket: answered })
			.post('/tickets', { customer_id: 7, department_id: 2, subject: 'Help', priority: 'high', content: 'First message' })
			.reply(201, withCustomer);
		const reply = await run({ resource: 'ticket', operation: 'reply', ticketId: '9', content: 'We are on it' });
		const created = await run({
			resource: 'ticket', operation: 'create', customerId: { mode: 'id', value: '7' }, department_id: 2, subject: 'Help', priority: 'high', content: 'First message',
		});
		scope.done();
		const publicMessages = [{ id: 1, message: 'First message', customer: CUSTOMER_PUBLIC, admin: null }];
		expect(reply.items).toEqual(paired([{ ...TICKET, customer: CUSTOMER_PUBLIC, messages: [...publicMessages, { id: 2, message: 'We are on it', customer: null }], _message: 'Reply sent' }]));
		expect(created.items).toEqual(paired([{ ...TICKET, customer: CUSTOMER_PUBLIC, messages: publicMessages }]));
	});

	it('Reply: a reply dropped by the 10-second anti-spam rule is an error', async () => {
		fakeSleep();
		const scope = api().post('/tickets/9/reply').reply(200, { message: 'Reply sent', ticket: TICKET });
		const { error } = await run({ resource: 'ticket', operation: 'reply', ticketId: '9', content: 'Too fast again' });
		scope.done();
		expect(error?.message).toContain('ClientXCMS ignored the reply');
	});

	it('Close (with reason) and Reopen', async () => {
		const scope = api()
			.post('/tickets/9/close', { reason: 'Solved' })
			.reply(200, { message: 'Closed', ticket: { ...TICKET, status: 'closed' } })
			.post('/tickets/9/reopen')
			.reply(200, { message: 'Reopened', ticket: TICKET });
		const closed = await run({ resource: 'ticket', operation: 'close', ticketId: '9', options: { reason: 'Solved' } });
		const reopened = await run({ resource: 'ticket', operation: 'reopen', ticketId: '9' });
		scope.done();
		expect(closed.items).toEqual(paired([{ message: 'Closed', ticket: { ...TICKET, status: 'closed' } }]));
		expect(reopened.items).toEqual(paired([{ message: 'Reopened', ticket: TICKET }]));
	});

	it('Close: already closed → the 400 message', async () => {
		const scope = api().post('/tickets/9/close').reply(400, { message: 'Ticket is already closed' });
		const { error } = await run({ resource: 'ticket', operation: 'close', ticketId: '9' });
		scope.done();
		expect(error?.message).toBe('Ticket is already closed');
	});
});
