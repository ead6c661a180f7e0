import type { OperationModule } from '../../shared';
import { interfaceOperations } from './interface';
import { interfacePrestationOperations } from './interfacePrestation';
import { prestationOperations } from './prestation';
import { withSimplify } from './simplify';

type Registry = {
	interface: Record<'create' | 'delete' | 'get' | 'getAll' | 'reactivate', OperationModule>;
	interfacePrestation: Record<'add' | 'get' | 'getAll' | 'terminate', OperationModule>;
	prestation: Record<'get' | 'getAll', OperationModule>;
};

function simplified<K extends string>(operations: Record<K, OperationModule>): Record<K, OperationModule> {
	const out = {} as Record<K, OperationModule>;
	for (const name of Object.keys(operations) as K[]) out[name] = withSimplify(operations[name]);
	return out;
}

export const shopApplicationRegistry: Registry = {
	interface: simplified(interfaceOperations),
	interfacePrestation: simplified(interfacePrestationOperations),
	prestation: simplified(prestationOperations),
};
