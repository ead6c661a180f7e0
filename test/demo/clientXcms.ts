import type { IDataObject } from 'n8n-workflow';

import type { Harness } from '../harness/harness';
import type { StartedSimulator } from '../sandbox/types';

const node = (parameters: IDataObject) => ({ type: 'clientXcms', parameters: parameters as never, credentials: ['clientXcmsApi'] });

/**
 * A provisioning flow against the ClientXCMS simulator: create a customer, bill them, list their
 * services, unsuspend one, answer a ticket, download the invoice PDF, and a trigger poll that
 * sees the new customer.
 */
export async function demo(
	h: Harness,
	sim: StartedSimulator,
	print: (title: string, items: unknown[]) => void,
): Promise<void> {
	h.setCredentials(sim.credentialType, sim.credentials);
	const json = (items: Array<{ json: IDataObject }>) => items.map((i) => i.json);
	const trigger = { type: 'clientXcmsTrigger', parameters: { event: 'newCustomer' } as never, credentials: ['clientXcmsApi'] };
	const staticData: IDataObject = {};
	await h.poll({ node: trigger, staticData });

	const created = await h.execute({
		node: node({
			resource: 'customer', operation: 'create', email: 'Linus@Example.com', firstname: 'Linus', lastname: 'Demo', address: '2 Avenue Foch',
			city: 'Lyon', zipcode: '69006', region: 'ARA', country: 'fr', locale: 'en_GB',
		}),
	});
	print('Customer → Create (e-mail lower-cased, country upper-cased)', json(created.items));

	const customerId = String(created.items[0]?.json.id ?? 1);
	const invoice = await h.execute({ node: node({ resource: 'invoice', operation: 'create', customerId: { mode: 'id', value: customerId }, currency: 'EUR' }) });
	print('Invoice → Create (empty draft)', json(invoice.items));

	const services = await h.execute({ node: node({ resource: 'service', operation: 'getAll', returnAll: true, filters: { status: ['suspended'] } }) });
	print('Service → Get Many (status suspended, re-checked exactly)', json(services.items));

	const unsuspended = await h.execute({ node: node({ resource: 'service', operation: 'unsuspend', serviceId: { mode: 'id', value: '2' } }) });
	print('Service → Unsuspend', json(unsuspended.items));

	const suspended = await h.execute({ node: node({ resource: 'service', operation: 'suspend', serviceId: { mode: 'id', value: '1' } }), });
	print('Service → Suspend (ClientXCMS 2.16 does nothing: reported as an error)', [{ error: suspended.error?.message }]);

	const reply = await h.execute({ node: node({ resource: 'ticket', operation: 'reply', ticketId: '1', content: 'Your server is back online.' }) });
	print('Support Ticket → Reply (checked against the anti-spam drop)', json(reply.items).map((t) => ({ id: t.id, status: t.status, _message: t._message })));

	const pdf = await h.execute({ node: node({ resource: 'invoice', operation: 'getPdf', invoiceId: { mode: 'id', value: '1' }, variant: 'download', binaryPropertyName: 'data' }) });
	print('Invoice → Get PDF (binary)', json(pdf.items));

	const polled = await h.poll({ node: trigger, staticData });
	print('ClientXCMS Trigger → New Customer', polled ? polled[0].map((i) => i.json) : []);
}
