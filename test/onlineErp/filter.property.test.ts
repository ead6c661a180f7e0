import {
	buildFilter,
	combineFilters,
	FUNCTION_OPERATORS,
	COMPARISON_OPERATORS,
	type Combinator,
	type DateStyle,
	type FilterCondition,
	type FilterOperator,
	type FilterValueType,
} from '../../nodes/OnlineErp/odata/filter';
import { serializeODataQuery } from '../../nodes/OnlineErp/transport';
import { evaluate, flatten, parseFilter, type FilterAst, type Literal } from '../sandbox/odata';

/** mulberry32: a tiny seeded generator, so a failure can be replayed from its seed. */
function rng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)];
	return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

const RESERVED = new Set(['and', 'or', 'not', 'true', 'false', 'null']);
const SEGMENT_STARTS = ['No', 'Nom', 'Date', 'Est', 'Groupe', 'Info', 'É', 'é', '_', 'and', 'or', 'not', 'eq', 'Données', 'x', 'contains', 'datetime', 'Ω', 'ü'];
const SEGMENT_RESTS = ['', 'Client', 'Actif', '_1', '2', 'Produit', 'Code', 'Montant_Cycle1', 'ée', 'Or', 'And', 'é', 'Ç'];

function field(r: Rng): string {
	for (;;) {
		const segments = Array.from({ length: r.int(1, 3) }, () => r.pick(SEGMENT_STARTS) + r.pick(SEGMENT_RESTS));
		const name = segments.join('.');
		if (!RESERVED.has(name.toLowerCase())) return name;
	}
}

const STRING_PIECES = [
	"'", "''", ' ', '  ', 'Érablière', "d'Or", '日本', '😀', ' and ', ' or ', 'not ', '(', ')', '((', ',',
	"x' or 1 eq 1 or 'a' eq 'a", "') or true or ('", '%', '%27', '&', '+', '#', '=', '?', '/', '\\', 'eq', 'null',
	'true', "datetime'", '2024-01-31', '-1', '\t', 'BOIS', '$filter=', 'Ä', '\u00a0',
];

function stringValue(r: Rng): string {
	return Array.from({ length: r.int(0, 5) }, () => r.pick(STRING_PIECES)).join('');
}

function numberText(r: Rng): string | number {
	switch (r.int(0, 5)) {
		case 0:
			return String(r.int(-100000, 100000));
		case 1:
			return `${r.next() < 0.5 ? '-' : ''}${r.int(0, 9999)}.${r.int(0, 999999)}`;
		case 2:
			return `${r.int(1, 9)}e${r.pick(['', '-', '+'])}${r.int(0, 20)}`;
		case 3:
			return r.int(-50, 50) / 4; // a JS number, as an expression would give
		case 4:
			return `+${r.int(0, 500)}`;
		default:
			return `${r.pick(['-', ''])}.${r.int(1, 99)}`;
	}
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function dateText(r: Rng): string {
	return `${r.int(1900, 2099)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
}

function dateTimeText(r: Rng): string {
	const seconds = r.next() < 0.7 ? `:${pad(r.int(0, 59))}${r.next() < 0.3 ? `.${r.int(0, 9999999)}` : ''}` : '';
	const zone = r.pick(['', 'Z', `+${pad(r.int(0, 14))}:00`, `-${pad(r.int(0, 12))}:30`]);
	return `${dateText(r)}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}${seconds}${zone}`;
}

interface Generated {
	condition: FilterCondition;
	expected: Extract<FilterAst, { kind: 'cmp' }>;
}

function expectedDate(type: 'date' | 'dateTime', text: string, style: DateStyle): Literal {
	if (style === 'quoted') return { type: 'string', value: text };
	if (style === 'datetime') return { type: text.includes('T') ? 'dateTime' : 'date', value: text };
	return { type, value: text };
}

function condition(r: Rng, style: DateStyle): Generated {
	const f = field(r);
	const operator: FilterOperator = r.pick([...COMPARISON_OPERATORS, ...FUNCTION_OPERATORS]);
	let type: FilterValueType;
	if ((FUNCTION_OPERATORS as readonly string[]).includes(operator)) type = 'string';
	else type = r.pick(operator === 'eq' || operator === 'ne' ? (['string', 'number', 'boolean', 'date', 'dateTime', 'null'] as const) : (['string', 'number', 'boolean', 'date', 'dateTime'] as const));
	let value: unknown;
	let literal: Literal;
	switch (type) {
		case 'string':
			value = stringValue(r);
			literal = { type: 'string', value: value as string };
			break;
		case 'number': {
			value = numberText(r);
			literal = { type: 'number', value: Number(String(value).replace(/^(-?)\./, '$10.')) };
			break;
		}
		case 'boolean': {
			const b = r.next() < 0.5;
			value = r.pick([b, String(b), String(b).toUpperCase(), ` ${b} `]);
			literal = { type: 'boolean', value: b };
			break;
		}
		case 'date':
			value = dateText(r);
			literal = expectedDate('date', value as string, style);
			break;
		case 'dateTime':
			value = dateTimeText(r);
			literal = expectedDate('dateTime', value as string, style);
			break;
		default:
			value = r.pick([undefined, '', 'ignored']);
			literal = { type: 'null', value: null };
	}
	return { condition: { field: f, operator, type, value }, expected: { kind: 'cmp', field: f, op: operator, value: literal } };
}

function expectedAst(rows: Generated[], combinator: Combinator): FilterAst {
	return rows.length === 1 ? rows[0].expected : { kind: combinator, children: rows.map((g) => g.expected) };
}

const RUNS = 600;

describe('OnlineERP filter builder, property-tested against the sandbox parser', () => {
	it(`reads back every random filter with the same fields, operators and typed values (${RUNS} seeds)`, () => {
		const seen = new Set<string>();
		for (let seed = 1; seed <= RUNS; seed++) {
			const r = rng(seed);
			const style = r.pick(['bare', 'quoted', 'datetime'] as const);
			const combinator = r.pick(['and', 'or'] as const);
			const rows = Array.from({ length: r.int(1, 6) }, () => condition(r, style));
			for (const g of rows) seen.add(`${g.expected.op}/${g.condition.type}`);
			const text = buildFilter({ conditions: rows.map((g) => g.condition), combinator, dateStyle: style });
			let parsed: FilterAst;
			try {
				parsed = parseFilter(text);
			} catch (error) {
				throw new Error(`seed ${seed}: ${(error as Error).message}\n${text}`);
			}
			expect({ seed, ast: parsed }).toEqual({ seed, ast: expectedAst(rows, combinator) });

			// Through the URL and back: the hub receives exactly this text.
			const query = serializeODataQuery({ $filter: text });
			expect(query.startsWith('$filter=')).toBe(true);
			expect(query.slice('$filter='.length)).not.toMatch(/[ '()&+#=?\u00a0]/);
			expect(new URLSearchParams(query).get('$filter')).toBe(text);
		}
		// Every operator and every value type was exercised.
		for (const op of [...COMPARISON_OPERATORS, ...FUNCTION_OPERATORS]) {
			expect([...seen].some((s) => s.startsWith(`${op}/`))).toBe(true);
		}
		for (const type of ['string', 'number', 'boolean', 'date', 'dateTime', 'null']) {
			expect([...seen].some((s) => s.endsWith(`/${type}`))).toBe(true);
		}
	});

	it('keeps the meaning when an expert filter is combined with built conditions', () => {
		for (let seed = 1000; seed < 1200; seed++) {
			const r = rng(seed);
			const rawRows = Array.from({ length: r.int(1, 3) }, () => condition(r, 'bare'));
			const rawCombinator = r.pick(['and', 'or'] as const);
			const raw = buildFilter({ conditions: rawRows.map((g) => g.condition), combinator: rawCombinator });
			const rows = Array.from({ length: r.int(1, 3) }, () => condition(r, 'bare'));
			const combinator = r.pick(['and', 'or'] as const);
			const built = buildFilter({ conditions: rows.map((g) => g.condition), combinator });
			const text = combineFilters(raw, built);
			const expected = flatten({
				kind: 'and',
				children: [expectedAst(rawRows, rawCombinator), expectedAst(rows, combinator)],
			});
			expect({ seed, ast: flatten(parseFilter(text)) }).toEqual({ seed, ast: expected });
		}
	});

	it('selects exactly the record holding a random string, whatever it contains', () => {
		for (let seed = 2000; seed < 2300; seed++) {
			const r = rng(seed);
			const value = stringValue(r);
			const text = buildFilter({ conditions: [{ field: 'NomClient', operator: 'eq', type: 'string', value }] });
			const ast = parseFilter(text);
			expect(evaluate(ast, { NomClient: value })).toBe(true);
			expect(evaluate(ast, { NomClient: `${value}x` })).toBe(false);
			expect(evaluate(ast, { NomClient: 'a' })).toBe(value === 'a');
		}
	});

	it('keeps an injection attempt inside one string literal', () => {
		const attack = "x' or 1 eq 1 or 'a' eq 'a";
		const text = buildFilter({
			conditions: [
				{ field: 'NoClient', operator: 'eq', type: 'string', value: attack },
				{ field: 'EstActif', operator: 'eq', type: 'boolean', value: 'true' },
			],
		});
		expect(text).toBe("NoClient eq 'x'' or 1 eq 1 or ''a'' eq ''a' and EstActif eq true");
		expect(parseFilter(text)).toEqual({
			kind: 'and',
			children: [
				{ kind: 'cmp', field: 'NoClient', op: 'eq', value: { type: 'string', value: attack } },
				{ kind: 'cmp', field: 'EstActif', op: 'eq', value: { type: 'boolean', value: true } },
			],
		});
		// Every record does NOT match, as it would if the quote had closed the literal.
		expect(evaluate(parseFilter(text), { NoClient: '1001', EstActif: true })).toBe(false);
	});
});
