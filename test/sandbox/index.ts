import { clientXcmsSimulator } from './clientXcms';
import { onlineErpSimulator } from './onlineErp';
import { shopApplicationSimulator } from './shopApplication';
import { telestoSimulator } from './telesto';
import type { SimulatorDefinition } from './types';

/** Every API simulator, for `npm run sandbox`, the demo and the end-to-end tests. */
export const simulators: SimulatorDefinition[] = [telestoSimulator, clientXcmsSimulator, shopApplicationSimulator, onlineErpSimulator];
