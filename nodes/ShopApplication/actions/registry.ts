import type { OperationModule } from '../../shared';
import { interfaceOperations } from './interface';
import { interfacePrestationOperations } from './interfacePrestation';
import { prestationOperations } from './prestation';

type Registry = {
	interface: Record<'create' | 'delete' | 'get' | 'getAll' | 'reactivate', OperationModule>;
	interfacePrestation: Record<'add' | 'get' | 'getAll' | 'terminate', OperationModule>;
	prestation: Record<'get' | 'getAll', OperationModule>;
};

export const shopApplicationRegistry: Registry = {
	interface: interfaceOperations,
	interfacePrestation: interfacePrestationOperations,
	prestation: prestationOperations,
};
