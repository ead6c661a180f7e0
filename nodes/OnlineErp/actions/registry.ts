import type { OperationModule } from '../../shared';
import { entityOperations } from './entity';

type Registry = {
	entity: Record<'getAll' | 'get' | 'create' | 'update' | 'delete', OperationModule>;
};

export const onlineErpRegistry: Registry = {
	entity: entityOperations,
};
