/*
 * The shared core's public face. Whole modules are re-exported: each named re-export compiles to a
 * getter of its own, and the shipped package has a size budget (test/package/tarball.test.ts).
 */
export * from './clock';
export * from './transport/types';
export * from './transport/errors';
export * from './transport/request';
export * from './transport/retry';
export * from './transport/pagination';
export * from './transport/probe';
export * from './execute/run-operations';
export * from './polling/run-poll';
export * from './polling/hash';
export * from './polling/snapshot';
export * from './polling/cursors';
export * from './polling/rotation';
export * from './polling/events';
export * from './descriptions/fields';
export * from './validation/parse';
export * from './values/wall-clock';
export * from './values/list';
export * from './values/editor-cache';
export * from './values/numbers';
export * from './values/dates';
export * from './values/text';
export * from './values/keys';
export * from './values/paths';
export { coordination } from './coordination';
export type { Block, HeldLock, LockBusy, LimitScope } from './coordination';
