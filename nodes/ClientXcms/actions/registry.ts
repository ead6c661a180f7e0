import type { OperationModule } from '../../shared';
import { actionLogOperations } from './actionLog';
import { cancellationReasonOperations } from './cancellationReason';
import { couponOperations } from './coupon';
import { customerOperations } from './customer';
import { departmentOperations } from './department';
import { groupOperations } from './group';
import { instanceOperations } from './instance';
import { invoiceOperations } from './invoice';
import { pricingOperations } from './pricing';
import { productOperations } from './product';
import { serverOperations } from './server';
import { serviceOperations } from './service';
import { subdomainHostOperations } from './subdomainHost';
import { ticketOperations } from './ticket';

type Registry = {
	instance: Record<'getHealth' | 'getLicense', OperationModule>;
	customer: Record<'getAll' | 'get' | 'create' | 'update' | 'delete' | 'resendConfirmation' | 'sendPasswordReset' | 'confirmEmail' | 'suspend' | 'ban' | 'reactivate' | 'disable2fa', OperationModule>;
	product: Record<'getAll' | 'get' | 'create' | 'update' | 'delete' | 'getConfig' | 'updateConfig', OperationModule>;
	group: Record<'getAll' | 'get' | 'create' | 'update' | 'delete', OperationModule>;
	pricing: Record<'getAll' | 'get' | 'create' | 'update' | 'delete', OperationModule>;
	service: Record<'getAll' | 'get' | 'unsuspend' | 'suspend' | 'expire' | 'delete', OperationModule>;
	invoice: Record<'getAll' | 'get' | 'create' | 'update' | 'delete' | 'validate' | 'setDraft' | 'sendNotification' | 'getPdf' | 'export', OperationModule>;
	department: Record<'getAll' | 'get' | 'create' | 'update' | 'delete', OperationModule>;
	ticket: Record<'getAll' | 'get' | 'create' | 'update' | 'delete' | 'reply' | 'close' | 'reopen', OperationModule>;
	coupon: Record<'getAll' | 'get' | 'create' | 'update' | 'delete', OperationModule>;
	server: Record<'getAll' | 'get' | 'create' | 'update' | 'delete' | 'testConnection', OperationModule>;
	actionLog: Record<'getAll' | 'get', OperationModule>;
	subdomainHost: Record<'getAll' | 'get' | 'create' | 'update' | 'delete', OperationModule>;
	cancellationReason: Record<'getAll' | 'get' | 'create' | 'update' | 'delete' | 'getAnalytics', OperationModule>;
};

export const clientXcmsRegistry: Registry = {
	instance: instanceOperations,
	customer: customerOperations,
	product: productOperations,
	group: groupOperations,
	pricing: pricingOperations,
	service: serviceOperations,
	invoice: invoiceOperations,
	department: departmentOperations,
	ticket: ticketOperations,
	coupon: couponOperations,
	server: serverOperations,
	actionLog: actionLogOperations,
	subdomainHost: subdomainHostOperations,
	cancellationReason: cancellationReasonOperations,
};
