import { describeScenarios } from '../harness/trigger-scenarios';
import { telestoCases, telestoTrigger } from './trigger.cases';

describeScenarios(telestoTrigger, telestoCases);
