import { operationSelector } from '../../../shared';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const couponOperations = { getAll, get, create, update, delete: del };

export const couponDescription = operationSelector({
	resource: 'coupon',
	default: 'getAll',
	operations: [
		{ value: 'create', name: 'Create', action: 'Create a coupon', description: 'Create a coupon', module: create },
		{ value: 'delete', name: 'Delete', action: 'Delete a coupon', description: 'Delete a coupon', module: del },
		{ value: 'get', name: 'Get', action: 'Get a coupon', description: 'Get a coupon by ID', module: get },
		{ value: 'getAll', name: 'Get Many', action: 'Get many coupons', description: 'List coupons', module: getAll },
		{ value: 'update', name: 'Update', action: 'Update a coupon', description: 'Change fields of a coupon (the others, product lists included, are kept)', module: update },
	],
});
