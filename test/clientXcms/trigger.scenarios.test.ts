import { describeScenarios } from '../harness/trigger-scenarios';
import { clientXcmsCases, clientXcmsTrigger } from './trigger.cases';

describeScenarios(clientXcmsTrigger, clientXcmsCases);
