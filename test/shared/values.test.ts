import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	assertSafeKey,
	assertSafeKeysDeep,
	checkPathSegment,
	hasUnsafeSegment,
	readCollection,
	readDateText,
	readIdList,
	readNumber,
	readText,
	setOwn,
} from '../../nodes/shared';
import { node } from './fake-context';

const place = { node, field: 'Balance', itemIndex: 2 };

function thrown(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('expected a refusal');
}

describe('shared value readers', () => {
	it('readNumber: finite numbers and dot decimals; "12,50" and other text refused with field, item and value', () => {
		expect(readNumber('12.50', place)).toBe(12.5);
		expect(readNumber(' -3 ', place)).toBe(-3);
		expect(readNumber('1e3', place)).toBe(1000);
		expect(readNumber(0, place)).toBe(0);
		expect(readNumber('', place)).toBeUndefined();
		expect(readNumber(null, place)).toBeUndefined();
		const comma = thrown(() => readNumber('12,50', place));
		expect(comma).toBeInstanceOf(NodeOperationError);
		expect(comma.message).toBe('Balance on item 2 is not a number: 12,50');
		expect(comma.description).toBe('Write decimals with a dot: 12.50 instead of 12,50.');
		for (const bad of ['abc', '1e999', 'NaN', '0x10', true, {}, [1], Number.NaN, Infinity]) {
			expect(() => readNumber(bad, place)).toThrow(/^Balance on item 2 is not a number/);
		}
	});

	it('readDateText: real dates only', () => {
		expect(readDateText('2024-02-29', place)).toBe('2024-02-29');
		expect(readDateText('2024-01-31T14:30:00Z', place)).toBe('2024-01-31T14:30:00Z');
		expect(readDateText('2024-01-31 14:30', place)).toBe('2024-01-31 14:30');
		expect(readDateText(new Date('2024-01-31T00:00:00Z'), place)).toBe('2024-01-31T00:00:00.000Z');
		expect(readDateText('', place)).toBeUndefined();
		for (const bad of ['2023-02-29', '31/01/2024', 'tomorrow', '2024-01-31T25:00', 42, {}]) {
			expect(() => readDateText(bad, place)).toThrow(/^Balance on item 2 is not a date/);
		}
	});

	it('readIdList: arrays, comma-separated text and single values alike; a non-id named', () => {
		const ids = { ...place, field: 'Product IDs', pattern: /^\d+$/ };
		expect(readIdList([1, '2'], ids)).toEqual(['1', '2']);
		expect(readIdList('1, 2,3', ids)).toEqual(['1', '2', '3']);
		expect(readIdList(7, ids)).toEqual(['7']);
		expect(readIdList(undefined, ids)).toEqual([]);
		expect(() => readIdList('1, x', ids)).toThrow('Product IDs on item 2 holds "x", which is not an ID');
	});

	it('readText and readCollection refuse values of the wrong shape', () => {
		expect(readText(' a ', place)).toBe('a');
		expect(readText(5, place)).toBe('5');
		expect(() => readText({ a: 1 }, place)).toThrow('Balance on item 2 must be text, got an object');
		const ctx = (value: unknown) => ({ getNode: () => node, getNodeParameter: () => value });
		expect(readCollection(ctx({ a: 1, filter: Array.prototype.filter }), 'options', 0)).toEqual({ a: 1 });
		expect(readCollection(ctx(undefined), 'options', 0)).toEqual({});
		expect(() => readCollection(ctx(['a']), 'options', 3)).toThrow('Options on item 3 must be a set of fields, got a list');
	});

	it('keys: __proto__, constructor and prototype refused; setOwn never reaches a prototype', () => {
		for (const key of ['__proto__', 'constructor', 'prototype']) {
			expect(() => assertSafeKey(key, { ...place, field: 'Fields' })).toThrow(`Fields on item 2 uses the name "${key}", which is not allowed`);
		}
		expect(() => assertSafeKeysDeep(JSON.parse('{"a":[{"b":{"__proto__":{"x":1}}}]}'), place)).toThrow(/"__proto__"/);
		const target: IDataObject = {};
		setOwn(target, '__proto__', { x: 1 });
		expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
		expect(({} as IDataObject).x).toBeUndefined();
		expect(Object.keys(target)).toEqual(['__proto__']);
	});

	it.each([
		['', 'Key is empty on item 2'],
		['   ', 'Key is empty on item 2'],
		['..', "Key '..' on item 2 is a relative path (\".\" or \"..\")"],
		['.', "Key '.' on item 2 is a relative path (\".\" or \"..\")"],
		['%2e%2e', "Key '%2e%2e' on item 2 means \"..\" once decoded, a relative path"],
		['%2E%2e', "Key '%2E%2e' on item 2 means \"..\" once decoded, a relative path"],
		['%252e%252e', "Key '%252e%252e' on item 2 means \"..\" once decoded, a relative path"],
		['a/b', "Key 'a/b' on item 2 contains \"/\""],
		['a%2Fb', "Key 'a%2Fb' on item 2 contains \"/\""],
		['a\\b', "Key 'a\\b' on item 2 contains \"\\\""],
	])('checkPathSegment refuses %j', (value, message) => {
		expect(() => checkPathSegment(value, { ...place, field: 'Key' })).toThrow(message);
	});

	it('checkPathSegment keeps ordinary keys, and slashes where a key may hold them but no dot part', () => {
		expect(checkPathSegment(' e831c78b-a576 ', { ...place, field: 'Key' })).toBe('e831c78b-a576');
		expect(checkPathSegment(42, { ...place, field: 'Key' })).toBe('42');
		expect(checkPathSegment('A/B 10', { ...place, field: 'Key', allowSlash: true })).toBe('A/B 10');
		expect(() => checkPathSegment('A/../x', { ...place, field: 'Key', allowSlash: true })).toThrow(/holds a "\." or "\.\." part/);
		expect(() => checkPathSegment('..%2Fx', { ...place, field: 'Key', allowSlash: true })).toThrow(/holds a "\." or "\.\." part/);
		expect(() => checkPathSegment({ a: 1 }, { ...place, field: 'Key' })).toThrow('Key must be text, got object on item 2');
	});

	it('hasUnsafeSegment: the transport backstop', () => {
		expect(hasUnsafeSegment('/interfaces/k/prestations/abc')).toBe(false);
		expect(hasUnsafeSegment('/Entity/Customer/A%2FB%2010')).toBe(false);
		expect(hasUnsafeSegment('/interfaces/k/')).toBe(false);
		for (const bad of ['/interfaces/k/prestations/..', '/a/%2e%2e', '/a/%252E%252E/b', '/a//b', '/a/..%2Fb', '/a/.']) {
			expect(hasUnsafeSegment(bad)).toBe(true);
		}
	});
});
