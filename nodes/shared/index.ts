export { clock } from './clock';
export * from './transport/types';
export { apiError, bodyExcerpt, NOT_RETRIED, unknownOutcomeNote } from './transport/errors';
export type { ApiErrorOptions } from './transport/errors';
export { request, requestRaw } from './transport/request';
export { backoffPolicy, noRetry, retryAfterMs } from './transport/retry';
export { collect, singlePage } from './transport/pagination';
export type { Paginator, PageState, PageResult, CollectOptions } from './transport/pagination';
export { runOperations, jsonItems } from './execute/run-operations';
export type { OperationModule, OperationRegistry } from './execute/run-operations';
export { runPoll, backoffMs, KEY_FAILURE_LIMIT } from './polling/run-poll';
export type { PollDefinition, PollDiff } from './polling/run-poll';
export { recordHash, shortHash } from './polling/hash';
export { Snapshot, compareSnapshot } from './polling/snapshot';
export type { SnapshotSpec, SnapshotEntry, SnapshotChanges } from './polling/snapshot';
export { idBaseline, idChanges, idReached, timeBaseline, timeChanges, timeReached } from './polling/cursors';
export type { IdState, TimeSpec, TimeState } from './polling/cursors';
export { nextInTurn, readEach } from './polling/rotation';
export type { KeyedReads } from './polling/rotation';
export { pollEvent, definePoll } from './polling/events';
export type { EventTable, TriggerEvent, CursorStrategy } from './polling/events';
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
export { probe, networkProblem, hostOf, bodyMessage, isHtml, testFailed, testPassed } from './transport/probe';
export type { ProbeAnswer, ProbeSpec } from './transport/probe';
export { coordination } from './coordination';
export type { Block, HeldLock, LockBusy, LimitScope } from './coordination';
