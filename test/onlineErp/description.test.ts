import type { INodeProperties } from 'n8n-workflow';

import { OnlineErp } from '../../nodes/OnlineErp/OnlineErp.node';
import { OnlineErpTrigger } from '../../nodes/OnlineErp/OnlineErpTrigger.node';
import { matrixLine, matrixWarning, entityInfo } from '../../nodes/OnlineErp/entities';

const node = new OnlineErp().description;

function noticesShownFor(values: Record<string, string>): string[] {
	return node.properties
		.filter((p: INodeProperties) => p.type === 'notice' && p.displayOptions)
		.filter((p) =>
			Object.entries(p.displayOptions?.show ?? {}).every(([name, allowed]) =>
				(allowed as string[]).includes(values[name]),
			),
		)
		.map((p) => p.displayName);
}

describe('OnlineERP descriptions and support matrix', () => {
	it('is usable as a tool, with every documented entity and Other Entity, and all five operations', () => {
		expect(node.usableAsTool).toBe(true);
		const entity = node.properties.find((p) => p.name === 'entity');
		expect(entity?.options?.map((o) => (o as { value: string }).value)).toEqual([
			'Customer',
			'CustomerInvoice',
			'GLJournalEntry',
			'Product',
			'SupplierInvoice',
			'SupplierOrder',
			'other',
		]);
		const operation = node.properties.find((p) => p.name === 'operation');
		expect(operation?.options?.map((o) => (o as { value: string }).value).sort()).toEqual(
			['create', 'delete', 'get', 'getAll', 'update'].sort(),
		);
		expect(new OnlineErpTrigger().description.polling).toBe(true);
	});

	it('shows the matrix line of the chosen entity and warns only where the chosen ERP lacks the operation', () => {
		const base = { resource: 'entity', entity: 'CustomerInvoice' };
		expect(noticesShownFor({ ...base, operation: 'update', erp: 'acomba' })).toEqual([
			'Supported per ERP: Acomba: GET POST · Avantage: GET · QuickBooks Online: GET POST. Invoices cannot be updated on any ERP: issue a credit note.',
			'The support matrix does not list Update (PUT) of CustomerInvoice for this ERP. The request is sent anyway; expect an error if the ERP lacks it.',
		]);
		expect(noticesShownFor({ ...base, operation: 'create', erp: 'acomba' })).toHaveLength(1);
		expect(noticesShownFor({ ...base, operation: 'create', erp: 'avantage' })).toHaveLength(2);
		expect(noticesShownFor({ ...base, operation: 'create', erp: 'notSpecified' })).toHaveLength(1);
		expect(noticesShownFor({ resource: 'entity', entity: 'Customer', operation: 'delete', erp: 'acomba' })).toEqual([
			'Support per ERP is not documented for this entity.',
			"No ERP's support matrix lists Delete: it may be refused. Accounting records are usually corrected with a credit note or a reversing entry instead.",
		]);
	});

	it('words the runtime warning from the matrix, and stays silent where nothing is documented', () => {
		expect(matrixLine(entityInfo('GLJournalEntry')!)).toBe('Acomba: POST · Avantage: GET · Sage 50: GET POST');
		expect(matrixWarning('GLJournalEntry', 'getAll', 'acomba')).toContain('does not list Get Many (GET) of GLJournalEntry for Acomba');
		expect(matrixWarning('GLJournalEntry', 'create', 'acomba')).toBeUndefined();
		expect(matrixWarning('SupplierInvoice', 'getAll', 'servex')).toContain('for Servex');
		expect(matrixWarning('Customer', 'delete', 'acomba')).toBeUndefined();
		expect(matrixWarning('Supplier', 'delete', 'acomba')).toBeUndefined();
		expect(matrixWarning('Product', 'update', 'notSpecified')).toBeUndefined();
	});
});
