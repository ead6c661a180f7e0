import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceSelector, runOperations, strictBooleans } from '../shared';
import { actionLogDescription } from './actions/actionLog';
import { cancellationReasonDescription } from './actions/cancellationReason';
import { couponDescription } from './actions/coupon';
import { customerDescription } from './actions/customer';
import { departmentDescription } from './actions/department';
import { groupDescription } from './actions/group';
import { instanceDescription } from './actions/instance';
import { invoiceDescription } from './actions/invoice';
import { pricingDescription } from './actions/pricing';
import { productDescription } from './actions/product';
import { clientXcmsRegistry } from './actions/registry';
import { serverDescription } from './actions/server';
import { serviceDescription } from './actions/service';
import { subdomainHostDescription } from './actions/subdomainHost';
import { ticketDescription } from './actions/ticket';
import { clientXcmsApiTest } from './methods/credentialTest';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class ClientXcms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClientXCMS',
		name: 'clientXcms',
		icon: { light: 'file:../../icons/clientxcms.svg', dark: 'file:../../icons/clientxcms.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage customers, services, invoices, tickets and the store of a ClientXCMS instance',
		defaults: { name: 'ClientXCMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clientXcmsApi', required: true, testedBy: 'clientXcmsApiTest' }],
		properties: strictBooleans([
			resourceSelector(
				[
					{ name: 'Action Log', value: 'actionLog' },
					{ name: 'Cancellation Reason', value: 'cancellationReason' },
					{ name: 'Coupon', value: 'coupon' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Instance', value: 'instance' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Pricing', value: 'pricing' },
					{ name: 'Product', value: 'product' },
					{ name: 'Product Group', value: 'group' },
					{ name: 'Server', value: 'server' },
					{ name: 'Service', value: 'service' },
					{ name: 'Subdomain Host', value: 'subdomainHost' },
					{ name: 'Support Department', value: 'department' },
					{ name: 'Support Ticket', value: 'ticket' },
				],
				'customer',
			),
			...actionLogDescription,
			...cancellationReasonDescription,
			...couponDescription,
			...customerDescription,
			...instanceDescription,
			...invoiceDescription,
			...pricingDescription,
			...productDescription,
			...groupDescription,
			...serverDescription,
			...serviceDescription,
			...subdomainHostDescription,
			...departmentDescription,
			...ticketDescription,
		]),
	};

	methods = { listSearch, loadOptions, credentialTest: { clientXcmsApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations(this, clientXcmsRegistry);
	}
}
