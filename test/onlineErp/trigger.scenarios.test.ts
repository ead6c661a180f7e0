import { describeScenarios } from '../harness/trigger-scenarios';
import { onlineErpCaseList, onlineErpCases, onlineErpTrigger } from './trigger.cases';

describe('Compare Snapshots', () => describeScenarios(onlineErpTrigger('snapshot'), onlineErpCases));
describe('Watch a Date Field', () => describeScenarios(onlineErpTrigger('dateField'), onlineErpCaseList()));
