import { describeScenarios } from '../harness/trigger-scenarios';
import { shopApplicationCases, shopApplicationTrigger } from './trigger.cases';

describeScenarios(shopApplicationTrigger, shopApplicationCases);
