export { clock } from './clock';
export * from './transport/types';
export { apiError, bodyExcerpt } from './transport/errors';
export { request, requestRaw } from './transport/request';
export { backoffPolicy, noRetry, retryAfterMs } from './transport/retry';
export { collect, singlePage } from './transport/pagination';
export type { Paginator, PageState, PageResult, CollectOptions } from './transport/pagination';
export { runOperations, jsonItems } from './execute/run-operations';
export type { OperationModule, OperationRegistry } from './execute/run-operations';
export { runPoll } from './polling/run-poll';
export type { PollDefinition } from './polling/run-poll';
export { recordHash } from './polling/hash';
export {
	operationSelector,
	resourceSelector,
	returnAllOrLimit,
	readLimit,
	simplifyToggle,
	fieldCollection,
} from './descriptions/fields';
export type { OperationEntry } from './descriptions/fields';
export { parseOrThrow, describeZodError } from './validation/parse';
export { wallClock } from './values/wall-clock';
export { readIdList, toList } from './values/list';
export { accountKey, cachedRead, clearCachedReads } from './values/editor-cache';
export { readNumber } from './values/numbers';
export { readDateText } from './values/dates';
export { readText } from './values/text';
export { assertSafeKey, assertSafeKeysDeep, isSafeKey, ownValue, readCollection, setOwn } from './values/keys';
export type { InputPlace } from './values/keys';
export { checkPathSegment, hasUnsafeSegment, segmentProblem } from './values/paths';
