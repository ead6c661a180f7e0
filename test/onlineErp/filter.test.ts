import {
	buildCondition,
	buildFilter,
	combineFilters,
	FilterInputError,
	type FilterCondition,
} from '../../nodes/OnlineErp/odata/filter';
import { parseFilter } from '../sandbox/odata';

function fails(condition: FilterCondition): FilterInputError {
	try {
		buildCondition(condition, 2);
	} catch (error) {
		expect(error).toBeInstanceOf(FilterInputError);
		return error as FilterInputError;
	}
	throw new Error(`accepted ${JSON.stringify(condition)}`);
}

describe('OnlineERP filter builder', () => {
	it('writes the documented examples exactly', () => {
		expect(
			buildFilter({
				conditions: [
					{ field: 'EstActif', operator: 'eq', type: 'boolean', value: 'true' },
					{ field: 'GroupeProduit.CodeGroupe', operator: 'eq', type: 'string', value: 'BOIS' },
				],
			}),
		).toBe("EstActif eq true and GroupeProduit.CodeGroupe eq 'BOIS'");
		expect(buildFilter({ conditions: [{ field: 'NoClient', operator: 'eq', type: 'string', value: '1001' }] })).toBe(
			"NoClient eq '1001'",
		);
	});

	it('writes numbers, nulls, functions and the three date styles', () => {
		const rows: FilterCondition[] = [
			{ field: 'Montant', operator: 'ge', type: 'number', value: '-12.50' },
			{ field: 'Note', operator: 'eq', type: 'null' },
			{ field: 'NomClient', operator: 'startswith', type: 'string', value: "L'É" },
			{ field: 'DateFacture', operator: 'lt', type: 'date', value: '2024-02-29' },
			{ field: 'DateModification', operator: 'gt', type: 'dateTime', value: '2024-01-31 10:00:00' },
		];
		expect(buildFilter({ conditions: rows, combinator: 'or' })).toBe(
			"Montant ge -12.50 or Note eq null or startswith(NomClient,'L''É') or DateFacture lt 2024-02-29 or DateModification gt 2024-01-31T10:00:00",
		);
		expect(buildFilter({ conditions: rows.slice(3), dateStyle: 'quoted' })).toBe(
			"DateFacture lt '2024-02-29' and DateModification gt '2024-01-31T10:00:00'",
		);
		expect(buildFilter({ conditions: rows.slice(3), dateStyle: 'datetime' })).toBe(
			"DateFacture lt datetime'2024-02-29' and DateModification gt datetime'2024-01-31T10:00:00'",
		);
		expect(buildFilter({ conditions: [] })).toBe('');
	});

	it('takes the date of a date-time object from an expression ({{ $today }}) in its own zone', () => {
		// What a Luxon DateTime offers; n8n hands the object itself to the node.
		const today = { toISO: () => '2024-05-01T00:00:00.000+02:00', toISODate: () => '2024-05-01' };
		expect(buildFilter({ conditions: [{ field: 'DateFacture', operator: 'ge', type: 'date', value: today }] })).toBe(
			'DateFacture ge 2024-05-01',
		);
		expect(buildFilter({ conditions: [{ field: 'DateModification', operator: 'ge', type: 'dateTime', value: today }] })).toBe(
			'DateModification ge 2024-05-01T00:00:00.000+02:00',
		);
	});

	it('refuses rows that cannot be written safely, naming the row and the part', () => {
		expect(fails({ field: "Nom' or 1 eq 1", operator: 'eq', type: 'string', value: 'x' })).toMatchObject({
			row: 2,
			part: 'field',
			message: expect.stringContaining('Filter condition 3'),
		});
		expect(fails({ field: '', operator: 'eq', type: 'string', value: 'x' }).part).toBe('field');
		expect(fails({ field: 'and', operator: 'eq', type: 'string', value: 'x' }).part).toBe('field');
		expect(fails({ field: 'A..B', operator: 'eq', type: 'string', value: 'x' }).part).toBe('field');
		expect(fails({ field: 'Montant', operator: 'eq', type: 'number', value: '12,50' }).message).toContain(
			'"12,50" is not a number',
		);
		expect(fails({ field: 'Montant', operator: 'eq', type: 'number', value: '1 or 1 eq 1' }).part).toBe('value');
		expect(fails({ field: 'Montant', operator: 'eq', type: 'number', value: '' }).part).toBe('value');
		expect(fails({ field: 'EstActif', operator: 'eq', type: 'boolean', value: 'yes' }).part).toBe('value');
		expect(fails({ field: 'D', operator: 'eq', type: 'date', value: '2023-02-29' }).part).toBe('value');
		expect(fails({ field: 'D', operator: 'eq', type: 'dateTime', value: "2024-01-01T10:00:00' or 'a" }).part).toBe('value');
		expect(fails({ field: 'D', operator: 'contains', type: 'number', value: '1' }).part).toBe('operator');
		expect(fails({ field: 'D', operator: 'gt', type: 'null' }).part).toBe('operator');
		expect(fails({ field: 'D', operator: 'like' as 'eq', type: 'string', value: 'x' }).part).toBe('operator');
	});

	it('combines an expert filter and built conditions so that both must hold', () => {
		expect(combineFilters("A eq 1 or B eq 'x'", 'C eq true')).toBe("(A eq 1 or B eq 'x') and (C eq true)");
		expect(combineFilters('', 'C eq true')).toBe('C eq true');
		expect(combineFilters('  A eq 1 ', undefined)).toBe('A eq 1');
		expect(parseFilter(combineFilters("A eq 1 or B eq 'x'", 'C eq true'))).toMatchObject({ kind: 'and' });
	});
});
