import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Harness } from '../harness/harness';
import type { StartedSimulator } from '../sandbox/types';

const node = (parameters: IDataObject) => ({
	type: 'onlineErp',
	parameters: { resource: 'entity', ...parameters } as INodeParameters,
	credentials: ['onlineErpApi'],
});

export async function demo(
	h: Harness,
	sim: StartedSimulator,
	print: (title: string, items: unknown[]) => void,
): Promise<void> {
	const active = await h.execute({
		node: node({
			operation: 'getAll',
			entity: 'Product',
			returnAll: true,
			conditions: {
				condition: [
					{ field: 'EstActif', operator: 'eq', type: 'boolean', value: 'true' },
					{ field: 'GroupeProduit.CodeGroupe', operator: 'eq', type: 'string', value: 'BOIS' },
				],
			},
			options: { select: 'NoProduit,Description,Prix,GroupeProduit.CodeGroupe' },
		}),
	});
	print("OnlineERP: Product → Get Many, EstActif eq true and GroupeProduit.CodeGroupe eq 'BOIS'", active.items.map((i) => i.json));

	const quoted = await h.execute({
		node: node({
			operation: 'getAll',
			entity: 'Customer',
			returnAll: true,
			conditions: { condition: [{ field: 'NomClient', operator: 'eq', type: 'string', value: "L'Érablière d'Or" }] },
			options: { select: 'NoClient,NomClient,InfoAgeDesComptes.MontantDu_Cycle1_Courant' },
		}),
	});
	print("OnlineERP: Customer → Get Many where NomClient is L'Érablière d'Or (quotes escaped)", quoted.items.map((i) => i.json));

	const paged = await h.execute({
		node: node({ operation: 'getAll', entity: 'Customer', returnAll: true, options: { pageSize: 2, orderBy: 'NoClient', select: 'NoClient,NomClient' } }),
	});
	print('OnlineERP: Customer → Get Many, Return All in pages of 2 ($top/$skip)', paged.items.map((i) => i.json));

	const invoice = {
		NoFacture: 'FF-901',
		NoFournisseur: 'F-10',
		Total: 86.23,
		Details: [{ NoCompte: '5010', Montant: 75 }, { NoCompte: '2300', Montant: 11.23 }],
	};
	const created = await h.execute({
		node: node({ operation: 'create', entity: 'SupplierInvoice', erp: 'acomba', body: JSON.stringify(invoice) }),
	});
	print('OnlineERP: Supplier Invoice → Create (If-None-Match: *)', created.items.map((i) => i.json));
	const again = await h.execute({
		node: node({ operation: 'create', entity: 'SupplierInvoice', erp: 'acomba', body: JSON.stringify(invoice) }),
	});
	print('OnlineERP: the same Create again fails cleanly', [{ error: again.error?.message, description: again.error?.description }]);

	const trigger = {
		type: 'onlineErpTrigger',
		parameters: {
			entity: 'Customer',
			event: 'updatedRecord',
			detection: 'snapshot',
			keyField: 'NoClient',
			select: 'NomClient,EstActif',
			minMinutes: 1,
		} as INodeParameters,
		credentials: ['onlineErpApi'],
	};
	const staticData: IDataObject = {};
	await h.poll({ node: trigger, staticData });
	await fetch(`${sim.url}/__sandbox/records/0/Customer`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ NoClient: '1003', EstActif: true }),
	});
	// The trigger's own minimum interval: pretend a minute went by.
	(staticData.poll as IDataObject).lastRequestAt = 0;
	const fired = await h.poll({ node: trigger, staticData });
	print('OnlineERP Trigger: Updated Record after customer 1003 was reactivated in the ERP', (fired?.[0] ?? []).map((i) => i.json));

	await fetch(`${sim.url}/__sandbox/config`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ offline: true }),
	});
	const offline = await h.execute({
		node: node({ operation: 'create', entity: 'Customer', body: '{"NoClient":"1010","NomClient":"Test"}' }),
	});
	print('OnlineERP: a Create while the robot is offline (not retried)', [
		{ error: offline.error?.message, description: offline.error?.description },
	]);
}
