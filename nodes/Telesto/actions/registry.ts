import type { OperationModule } from '../../shared';
import { otherEndpointOperations } from './otherEndpoint';
import { productOperations } from './product';

type Registry = {
	product: Record<'get' | 'getAll', OperationModule>;
	otherEndpoint: Record<'request', OperationModule>;
};

export const telestoRegistry: Registry = {
	product: productOperations,
	otherEndpoint: otherEndpointOperations,
};
