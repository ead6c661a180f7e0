import { api, CUSTOMER, CUSTOMER_PUBLIC, jsonOf, pageA, paired, run } from './helpers';

const CREATE_PARAMS = {
	email: 'Ada@Example.com',
	firstname: 'Ada',
	lastname: 'Lovelace',
	address: '1 Rue de la Paix',
	city: 'Paris',
	zipcode: '75002',
	region: 'IDF',
	country: 'fr',
	locale: 'en_GB',
};

describe('ClientXCMS Customer', () => {
	it('Get Many: walks envelope A with Return All (per_page 100, sort -id), removes sensitive fields', async () => {
		const scope = api()
			.get('/customers')
			.query({ page: 1, per_page: 100, sort: '-id' })
			.reply(200, pageA([CUSTOMER], { next: true }))
			.get('/customers')
			.query({ page: 2, per_page: 100, sort: '-id' })
			.reply(200, pageA([{ ...CUSTOMER, id: 3 }], { page: 2 }));
		const { items, error } = await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual(paired([CUSTOMER_PUBLIC, { ...CUSTOMER_PUBLIC, id: 3 }]));
	});

	it('Get Many: sends filters, sort and include; re-checks the id exactly; stops at the limit', async () => {
		const scope = api()
			.get('/customers')
			.query({
				page: 1,
				per_page: 2,
				'filter[id]': '7',
				'filter[email]': 'example',
				'filter[created_at]': '2026-08-13',
				sort: 'email',
				include: 'services,metadata',
			})
			.reply(200, pageA([{ ...CUSTOMER, id: 17 }, CUSTOMER], { next: true }))
			.get('/customers')
			.query({
				page: 2,
				per_page: 2,
				'filter[id]': '7',
				'filter[email]': 'example',
				'filter[created_at]': '2026-08-13',
				sort: 'email',
				include: 'services,metadata',
			})
			.reply(200, pageA([{ ...CUSTOMER, id: 70 }, { ...CUSTOMER, id: 7, email: 'b@example.com' }], { page: 2 }));
		const { items } = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			filters: { id: '7', email: 'example', created_at: '2026-08-13T21:30:00Z' },
			options: { sort: 'email', include: ['services', 'metadata'], includeSensitive: true },
		});
		scope.done();
		expect(jsonOf(items)).toEqual([CUSTOMER, { ...CUSTOMER, id: 7, email: 'b@example.com' }]);
	});

	it('Get: reads the plain object, sensitive fields removed', async () => {
		const scope = api().get('/customers/7').reply(200, CUSTOMER);
		const { items } = await run({ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '7' } });
		scope.done();
		expect(items).toEqual(paired([CUSTOMER_PUBLIC]));
	});

	it('Get: a 404 says which customer is missing', async () => {
		const scope = api().get('/customers/99').reply(404, { message: 'No query results for model [App\\Models\\Account\\Customer] 99' });
		const { error } = await run({ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '99' } });
		scope.done();
		expect(error?.message).toBe('No customer with ID 99');
		expect(error?.httpCode).toBe('404');
	});

	it('Get: a non-numeric id is refused before sending, naming the field and item', async () => {
		const { error } = await run(
			{ resource: 'customer', operation: 'get', customerId: { mode: 'id', value: '={{ $json.id }}' } },
			{ input: [{ id: 'abc' }] },
		);
		expect(error?.message).toBe('Customer ID must be a positive whole number, got "abc" (item 0)');
	});

	it('Create: e-mail lower-cased, country upper-cased, verified sent only when on; 201 object out', async () => {
		const created = { ...CUSTOMER, id: 8 };
		const scope = api()
			.post('/customers', { ...CREATE_PARAMS, email: 'ada@example.com', country: 'FR', phone: '+33612345678', verified: true })
			.reply(201, created)
			.post('/customers', { ...CREATE_PARAMS, email: 'ada@example.com', country: 'FR' })
			.reply(201, created);
		const first = await run({
			resource: 'customer',
			operation: 'create',
			...CREATE_PARAMS,
			additionalFields: { phone: '+33612345678', verified: true },
		});
		const second = await run({ resource: 'customer', operation: 'create', ...CREATE_PARAMS, additionalFields: { verified: false } });
		scope.done();
		expect(first.items).toEqual(paired([{ ...CUSTOMER_PUBLIC, id: 8 }]));
		expect(second.items).toEqual(paired([{ ...CUSTOMER_PUBLIC, id: 8 }]));
	});

	it('Create: a 422 names every field in the error', async () => {
		const scope = api()
			.post('/customers')
			.reply(422, {
				message: 'The email has already been taken. (and 1 more error)',
				errors: { email: ['The email has already been taken.'], zipcode: ['The zipcode format is invalid.'] },
			});
		const { error } = await run({ resource: 'customer', operation: 'create', ...CREATE_PARAMS });
		scope.done();
		expect(error?.message).toBe('ClientXCMS rejected the data');
		expect(error?.description).toBe('email: The email has already been taken.\nzipcode: The zipcode format is invalid.');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('Update: reads first and re-sends every required field, keeping what the user did not change', async () => {
		const scope = api()
			.get('/customers/7')
			.reply(200, CUSTOMER)
			.post('/customers/7', {
				email: 'ada@example.com',
				firstname: 'Ada',
				lastname: 'Byron',
				address: '1 Rue de la Paix',
				address2: null,
				city: 'Lyon',
				zipcode: '75002',
				region: 'IDF',
				country: 'FR',
				phone: '+33612345678',
				company_name: null,
				billing_details: null,
				locale: 'en_GB',
				balance: 12.5,
			})
			.reply(200, { ...CUSTOMER, lastname: 'Byron', city: 'Lyon' });
		const { items } = await run({
			resource: 'customer',
			operation: 'update',
			customerId: { mode: 'id', value: '7' },
			updateFields: { lastname: 'Byron', city: 'Lyon' },
		});
		scope.done();
		expect(items).toEqual(paired([{ ...CUSTOMER_PUBLIC, lastname: 'Byron', city: 'Lyon' }]));
	});

	it('Update: nothing to update is refused before any request', async () => {
		const { error } = await run({ resource: 'customer', operation: 'update', customerId: { mode: 'id', value: '7' }, updateFields: {} });
		expect(error?.message).toBe('Nothing to update: add at least one Update Field (item 0)');
	});

	it('Delete: force in the query, { deleted: true } out', async () => {
		const scope = api().delete('/customers/7').query({ force: 'true' }).reply(200, { message: 'Customer deleted successfully' });
		const { items } = await run({ resource: 'customer', operation: 'delete', customerId: { mode: 'id', value: '7' }, force: true });
		scope.done();
		expect(items).toEqual(paired([{ deleted: true, id: 7, message: 'Customer deleted successfully' }]));
	});

	it('Delete: a blocked deletion reports the vendor error', async () => {
		const scope = api()
			.delete('/customers/7')
			.reply(400, {
				error: 'Customer has active services',
				blocking_reasons: { active_services: { count: 1, services: { 12: 'VPS S' } }, pending_invoices: { count: 2, invoices: { 30: 'INV-30', 31: 'INV-31' } } },
				message: 'Cannot delete customer',
			});
		const { error } = await run({ resource: 'customer', operation: 'delete', customerId: { mode: 'id', value: '7' } });
		scope.done();
		expect(error?.message).toBe('Cannot delete customer');
		// What blocks it, and how to go on.
		expect(error?.description).toBe(
			'Customer has active services\nactive services: 1 (#12 VPS S)\npending invoices: 2 (#30 INV-30, #31 INV-31)\nTurn on Force to delete the customer anyway, or settle these first.',
		);
	});

	it.each([
		['resendConfirmation', 'resend_confirmation', { message: 'Verification link sent' }],
		['sendPasswordReset', 'send_password', { message: 'Reset link sent' }],
		['confirmEmail', 'confirm', CUSTOMER],
	])('%s: POST /customers/{id}/%s', async (operation, suffix, reply) => {
		const scope = api().post(`/customers/7/${suffix}`).reply(200, reply);
		const { items } = await run({ resource: 'customer', operation, customerId: { mode: 'list', value: '7' } });
		scope.done();
		expect(items).toEqual(paired([operation === 'confirmEmail' ? CUSTOMER_PUBLIC : reply]));
	});

	it('Send Password Reset: the 400 for verified customers comes back with its message', async () => {
		const scope = api().post('/customers/7/send_password').reply(400, { message: 'Email already verified' });
		const { error } = await run({ resource: 'customer', operation: 'sendPasswordReset', customerId: { mode: 'id', value: '7' } });
		scope.done();
		expect(error?.message).toBe('Email already verified');
		expect(error?.httpCode).toBe('400');
	});

	it.each([
		['suspend', 'suspend', { reason: 'Unpaid', notify: true, force: true }, { notify: true, reason: 'Unpaid', force: true }],
		['ban', 'ban', {}, { notify: false, force: false }],
		['reactivate', 'reactivate', { notify: true }, { notify: true }],
		['disable2fa', 'disable2FA', {}, { notify: false }],
	])('%s: POST /customers/{id}/action/%s with its options', async (operation, action, options, body) => {
		const scope = api().post(`/customers/7/action/${action}`, body).reply(200, CUSTOMER);
		const { items } = await run({ resource: 'customer', operation, customerId: { mode: 'id', value: '7' }, options });
		scope.done();
		expect(items).toEqual(paired([CUSTOMER_PUBLIC]));
	});
});
