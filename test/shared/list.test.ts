import { toList } from '../../nodes/shared';

describe('toList', () => {
	it.each([
		[['a', 'b'], ['a', 'b']],
		['a, b,,c ', ['a', 'b', 'c']],
		['single', ['single']],
		[7, ['7']],
		[[1, ' x ', null, ''], ['1', 'x']],
		[['a,b', 'c'], ['a', 'b', 'c']],
		[undefined, []],
		[null, []],
		['', []],
		['  ,  ', []],
	])('reads %p as %p', (input, expected) => {
		expect(toList(input)).toEqual(expected);
	});

	it('keeps an object entry as its JSON text rather than "[object Object]"', () => {
		expect(toList([{ a: 1 }])).toEqual(['{"a":1}']);
	});
});
