import { api, CUSTOMER, CUSTOMER_PUBLIC, jsonOf, pageA, pageB, paired, run } from './helpers';

const SERVICE = { id: 5, uuid: 'u-5', customer_id: 7, name: 'VPS', status: 'suspended', created_at: '2026-08-01T10:00:00.000000Z' };
const sid = { mode: 'id', value: '5' };

describe('ClientXCMS Service', () => {
	it('Get Many: status re-checked exactly, customer filter sent', async () => {
		const scope = api()
			.get('/services')
			.query({ page: 1, per_page: 10, 'filter[customer_id]': '7', 'filter[status]': 'active,suspended', sort: '-id' })
			.reply(200, pageA([SERVICE, { ...SERVICE, id: 6, customer_id: 77 }, { ...SERVICE, id: 8, status: 'active' }]));
		const { items } = await run({
			resource: 'service',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { customer_id: '7', status: ['active', 'suspended'] },
		});
		scope.done();
		expect(jsonOf(items).map((s) => s.id)).toEqual([5, 8]);
	});

	it('Get: include sent, envelope B unwrapped', async () => {
		const scope = api().get('/services/5').query({ include: 'customer,configoptions' }).reply(200, pageB([SERVICE]));
		const { items } = await run({ resource: 'service', operation: 'get', serviceId: sid, options: { include: ['customer', 'configoptions'] } });
		scope.done();
		expect(items).toEqual(paired([SERVICE]));
	});

	it('Get / Get Many with include=customer: the embedded customer loses its 2FA secret and confirmation token', async () => {
		const scope = api()
			.get('/services/5')
			.query({ include: 'customer' })
			.reply(200, pageB([{ ...SERVICE, customer: CUSTOMER }]))
			.get('/invoices')
			.query({ page: 1, per_page: 100, sort: '-id', include: 'customer' })
			.reply(200, pageA([{ id: 3, customer_id: 7, customer: CUSTOMER }]));
		const one = await run({ resource: 'service', operation: 'get', serviceId: sid, options: { include: ['customer'] } });
		const many = await run({ resource: 'invoice', operation: 'getAll', returnAll: true, options: { include: ['customer'] } });
		scope.done();
		expect(one.items).toEqual(paired([{ ...SERVICE, customer: CUSTOMER_PUBLIC }]));
		expect(many.items).toEqual(paired([{ id: 3, customer_id: 7, customer: CUSTOMER_PUBLIC }]));
	});

	it('Unsuspend: success read from result.success', async () => {
		const scope = api()
			.post('/services/5/unsuspend')
			.reply(200, { data: { ...SERVICE, status: 'active' }, result: { service: {}, success: true, message: 'Unsuspended', data: [] } });
		const { items } = await run({ resource: 'service', operation: 'unsuspend', serviceId: sid });
		scope.done();
		expect(items).toEqual(paired([{ ...SERVICE, status: 'active', _result: { success: true, message: 'Unsuspended' } }]));
	});

	it('Unsuspend: a refused module call is an error', async () => {
		const scope = api().post('/services/5/unsuspend').reply(200, { data: SERVICE, result: { success: false, message: 'Server unreachable' } });
		const { error } = await run({ resource: 'service', operation: 'unsuspend', serviceId: sid });
		scope.done();
		expect(error?.message).toBe('ClientXCMS did not change the service: Server unreachable');
	});

	it('Suspend: sends reason and notify; the 2.16 "Invalid status" no-op names the version and what to do instead', async () => {
		const scope = api()
			.post('/services/5/suspend', { notify: true, reason: 'Abuse' })
			.reply(200, { data: SERVICE, result: [{ service: {}, success: false, message: 'Invalid status', data: [] }, 'suspended'] });
		const { error } = await run({ resource: 'service', operation: 'suspend', serviceId: sid, options: { reason: 'Abuse', notify: true } });
		scope.done();
		expect(error?.message).toBe('ClientXCMS 2.16 and earlier cannot suspend a service through the API (it answers "Invalid status")');
		expect(error?.description).toBe(
			"Service 5 was not changed. Instead, suspend it in the ClientXCMS admin area (Services, open the service, Suspend), or use Customer → Suspend with Force turned on, which suspends all of that customer's active services. A later ClientXCMS version may fix the API.",
		);
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('Expire: the 2.16 "Invalid status" no-op points to the admin area', async () => {
		const scope = api()
			.post('/services/5/expire')
			.reply(200, { data: SERVICE, result: [{ service: {}, success: false, message: 'Invalid status', data: [] }, 'expired'] });
		const { error } = await run({ resource: 'service', operation: 'expire', serviceId: sid });
		scope.done();
		expect(error?.message).toBe('ClientXCMS 2.16 and earlier cannot expire a service through the API (it answers "Invalid status")');
		expect(error?.description).toMatch(/^Service 5 was not changed\. Instead, expire it in the ClientXCMS admin area \(Services, open the service, Expire\)/);
	});

	it('Expire: success read from result[0].success (fixed instances)', async () => {
		const scope = api()
			.post('/services/5/expire')
			.reply(200, { data: { ...SERVICE, status: 'expired' }, result: [{ success: true, message: 'Expired' }, 'expired'] });
		const { items } = await run({ resource: 'service', operation: 'expire', serviceId: sid });
		scope.done();
		expect(items).toEqual(paired([{ ...SERVICE, status: 'expired', _result: { success: true, message: 'Expired' } }]));
	});
});

const INVOICE = {
	id: 3, uuid: 'i-3', customer_id: 7, invoice_number: 'INV-2026-3', status: 'pending', notes: 'Created manually by API', paymethod: 'balance',
	fees: 0, tax: 2, currency: 'EUR', total: 12, due_date: '2026-09-12T22:00:00.000000Z',
};
const iid = { mode: 'id', value: '3' };

describe('ClientXCMS Invoice', () => {
	it('Create: POST /invoices with the picked customer and currency', async () => {
		const scope = api().post('/invoices', { customer_id: 7, currency: 'EUR' }).reply(201, { ...INVOICE, status: 'draft' });
		const { items } = await run({ resource: 'invoice', operation: 'create', customerId: { mode: 'list', value: '7' }, currency: 'EUR' });
		scope.done();
		expect(items).toEqual(paired([{ ...INVOICE, status: 'draft' }]));
	});

	it('Update: re-sends the required fields, due date converted back to instance time (no drift)', async () => {
		const scope = api()
			.get('/invoices/3')
			.reply(200, pageB([INVOICE]))
			.post('/invoices/3', {
				status: 'paid', notes: 'Created manually by API', paymethod: 'balance', fees: 0, tax: 2, currency: 'EUR',
				due_date: '2026-09-13 00:00:00', paid_at: '2026-09-01 12:00:00',
			})
			.reply(200, { ...INVOICE, status: 'paid' });
		const { items } = await run({
			resource: 'invoice', operation: 'update', invoiceId: iid, updateFields: { status: 'paid', paid_at: '2026-09-01T10:00:00Z' },
		});
		scope.done();
		expect(items).toEqual(paired([{ ...INVOICE, status: 'paid' }]));
	});

	it('Delete: a paid invoice is refused (403 business message)', async () => {
		const scope = api().delete('/invoices/3').reply(403, { message: 'Invoice cannot be deleted' });
		const { error } = await run({ resource: 'invoice', operation: 'delete', invoiceId: iid });
		scope.done();
		expect(error?.message).toBe('Invoice cannot be deleted');
	});

	it.each([
		['validate', 'POST', 'validate'],
		['setDraft', 'POST', 'edit'],
		['sendNotification', 'GET', 'notify'],
	])('%s: %s /invoices/{id}/%s', async (operation, method, suffix) => {
		const reply = { message: 'Done', invoice: INVOICE };
		const scope = (method === 'GET' ? api().get(`/invoices/3/${suffix}`) : api().post(`/invoices/3/${suffix}`)).reply(200, reply);
		const { items } = await run({ resource: 'invoice', operation, invoiceId: iid });
		scope.done();
		expect(items).toEqual(paired([reply]));
	});

	it('Get PDF: binary output, file name from Content-Disposition (download) or a fallback (inline)', async () => {
		const pdf = Buffer.from('%PDF-1.4 test');
		const scope = api()
			.get('/invoices/3/download')
			.reply(200, pdf, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="INV-2026-3.pdf"' })
			.get('/invoices/3/pdf')
			.reply(200, pdf, { 'Content-Type': 'application/pdf' });
		const download = await run({ resource: 'invoice', operation: 'getPdf', invoiceId: iid, variant: 'download', binaryPropertyName: 'data' });
		const inline = await run({ resource: 'invoice', operation: 'getPdf', invoiceId: iid, variant: 'pdf', binaryPropertyName: 'file' });
		scope.done();
		expect(download.items[0].json).toEqual({ id: 3, fileName: 'INV-2026-3.pdf', mimeType: 'application/pdf' });
		expect(download.items[0].binary?.data).toMatchObject({ fileName: 'INV-2026-3.pdf', mimeType: 'application/pdf' });
		expect(Buffer.from(download.items[0].binary!.data.data, 'base64').toString()).toBe('%PDF-1.4 test');
		expect(download.items[0].pairedItem).toEqual({ item: 0 });
		expect(inline.items[0].json).toEqual({ id: 3, fileName: 'invoice-3.pdf', mimeType: 'application/pdf' });
		// What n8n's editor reads to label and offer the file: MIME type, name, extension, file type.
		expect(inline.items[0].binary?.file).toMatchObject({ fileName: 'invoice-3.pdf', mimeType: 'application/pdf', fileExtension: 'pdf', fileType: 'pdf' });
	});

	it('Get PDF (Inline): a PDF served as a generic type, named without extension, is still a PDF file', async () => {
		const pdf = Buffer.from('%PDF-1.7 inline');
		const scope = api()
			.get('/invoices/3/pdf')
			.reply(200, pdf, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'inline; filename="INV-2026-3"' });
		const { items } = await run({ resource: 'invoice', operation: 'getPdf', invoiceId: iid, variant: 'pdf', binaryPropertyName: 'data' });
		scope.done();
		expect(items[0].json).toEqual({ id: 3, fileName: 'INV-2026-3.pdf', mimeType: 'application/pdf' });
		expect(items[0].binary?.data).toMatchObject({ fileName: 'INV-2026-3.pdf', mimeType: 'application/pdf', fileExtension: 'pdf', fileType: 'pdf' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('Export: takes any invoice id, posts the filters, returns the file', async () => {
		const csv = Buffer.from('id;total\n3;12\n');
		const scope = api()
			.get('/invoices')
			.query({ per_page: 1, sort: '-id' })
			.reply(200, pageA([INVOICE]))
			.post('/invoices/3/export', { format: 'csv', date_from: '2026-08-01', status: ['paid'] })
			.reply(200, csv, { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename=invoices-2026.csv' });
		const { items } = await run({
			resource: 'invoice', operation: 'export', format: 'csv', additionalFields: { date_from: '2026-08-01T00:00:00', status: ['paid'] }, binaryPropertyName: 'data',
		});
		scope.done();
		expect(items[0].json).toEqual({ exported: true, format: 'csv', fileName: 'invoices-2026.csv', mimeType: 'text/csv' });
		expect(Buffer.from(items[0].binary!.data.data, 'base64').toString()).toBe('id;total\n3;12\n');
	});

	it('Export: a redirect (nothing matches) and an instance without invoices give { exported: false }', async () => {
		const scope = api()
			.get('/invoices')
			.query({ per_page: 1, sort: '-id' })
			.reply(200, pageA([INVOICE]))
			.post('/invoices/3/export', { format: 'xlsx' })
			.reply(302, '', { Location: `https://billing.test/admin/invoices` })
			.get('/invoices')
			.query({ per_page: 1, sort: '-id' })
			.reply(200, pageA([]));
		const redirected = await run({ resource: 'invoice', operation: 'export', format: 'xlsx', binaryPropertyName: 'data' });
		const empty = await run({ resource: 'invoice', operation: 'export', format: 'xlsx', binaryPropertyName: 'data' });
		scope.done();
		expect(redirected.items).toEqual(paired([{ exported: false, message: 'No invoice matches the export filters' }]));
		expect(empty.items).toEqual(paired([{ exported: false, message: 'No invoice matches the export filters' }]));
	});
});
