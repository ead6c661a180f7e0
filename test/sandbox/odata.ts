/**
 * A small OData `$filter` parser and evaluator for the OnlineERP simulator: comparisons
 * (eq ne gt ge lt le), `contains`/`startswith`/`endswith`, and/or/not, parentheses; literals:
 * strings ('' escapes a quote), numbers, true/false, null, bare dates and date-times (OData v4)
 * and datetime'…' (OData v3). Written independently of the node's builder, so that tests can
 * check that what the builder writes reads back with the same meaning.
 */

export type LiteralType = 'string' | 'number' | 'boolean' | 'null' | 'date' | 'dateTime';

export interface Literal {
	type: LiteralType;
	value: string | number | boolean | null;
}

export type FilterAst =
	| { kind: 'and' | 'or'; children: FilterAst[] }
	| { kind: 'not'; child: FilterAst }
	| { kind: 'cmp'; field: string; op: string; value: Literal };

export class ODataSyntaxError extends Error {
	constructor(message: string, readonly position: number) {
		super(`${message} at position ${position}`);
	}
}

type Token =
	| { t: 'lparen' | 'rparen' | 'comma'; pos: number }
	| { t: 'ident'; v: string; pos: number }
	| { t: 'literal'; v: Literal; pos: number };

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['contains', 'startswith', 'endswith']);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT:])/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const IDENT = /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*/u;

function readQuoted(text: string, start: number): { value: string; end: number } {
	// start is the index of the opening quote
	let out = '';
	let i = start + 1;
	for (;;) {
		if (i >= text.length) throw new ODataSyntaxError('Unterminated string', start);
		const c = text[i];
		if (c === "'") {
			if (text[i + 1] === "'") {
				out += "'";
				i += 2;
				continue;
			}
			return { value: out, end: i + 1 };
		}
		out += c;
		i++;
	}
}

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
			i++;
			continue;
		}
		if (c === '(') tokens.push({ t: 'lparen', pos: i++ });
		else if (c === ')') tokens.push({ t: 'rparen', pos: i++ });
		else if (c === ',') tokens.push({ t: 'comma', pos: i++ });
		else if (c === "'") {
			const { value, end } = readQuoted(text, i);
			tokens.push({ t: 'literal', v: { type: 'string', value }, pos: i });
			i = end;
		} else if (text.startsWith("datetime'", i)) {
			const { value, end } = readQuoted(text, i + 8);
			tokens.push({ t: 'literal', v: { type: value.includes('T') ? 'dateTime' : 'date', value }, pos: i });
			i = end;
		} else if (/[-\d]/.test(c)) {
			const rest = text.slice(i);
			const dt = DATE_TIME.exec(rest);
			const d = DATE.exec(rest);
			const n = NUMBER.exec(rest);
			if (dt) {
				tokens.push({ t: 'literal', v: { type: 'dateTime', value: dt[0] }, pos: i });
				i += dt[0].length;
			} else if (d) {
				tokens.push({ t: 'literal', v: { type: 'date', value: d[0] }, pos: i });
				i += d[0].length;
			} else if (n) {
				tokens.push({ t: 'literal', v: { type: 'number', value: Number(n[0]) }, pos: i });
				i += n[0].length;
			} else throw new ODataSyntaxError(`Unexpected "${c}"`, i);
		} else {
			const m = IDENT.exec(text.slice(i));
			if (!m) throw new ODataSyntaxError(`Unexpected "${c}"`, i);
			const word = m[0];
			if (word === 'true' || word === 'false') tokens.push({ t: 'literal', v: { type: 'boolean', value: word === 'true' }, pos: i });
			else if (word === 'null') tokens.push({ t: 'literal', v: { type: 'null', value: null }, pos: i });
			else tokens.push({ t: 'ident', v: word, pos: i });
			i += word.length;
		}
	}
	return tokens;
}

class Parser {
	private i = 0;

	constructor(
		private readonly tokens: Token[],
		private readonly length: number,
	) {}

	parse(): FilterAst {
		const ast = this.or();
		if (this.i < this.tokens.length) throw new ODataSyntaxError('Unexpected token', this.tokens[this.i].pos);
		return ast;
	}

	private peek(): Token | undefined {
		return this.tokens[this.i];
	}

	private next(): Token {
		const t = this.tokens[this.i++];
		if (!t) throw new ODataSyntaxError('Unexpected end of filter', this.length);
		return t;
	}

	private keyword(word: string): boolean {
		const t = this.peek();
		if (t?.t === 'ident' && t.v === word) {
			this.i++;
			return true;
		}
		return false;
	}

	private or(): FilterAst {
		const children = [this.and()];
		while (this.keyword('or')) children.push(this.and());
		return children.length === 1 ? children[0] : { kind: 'or', children };
	}

	private and(): FilterAst {
		const children = [this.unary()];
		while (this.keyword('and')) children.push(this.unary());
		return children.length === 1 ? children[0] : { kind: 'and', children };
	}

	private unary(): FilterAst {
		if (this.keyword('not')) return { kind: 'not', child: this.unary() };
		return this.primary();
	}

	private literal(): Literal {
		const t = this.next();
		if (t.t !== 'literal') throw new ODataSyntaxError('Expected a value', t.pos);
		return t.v;
	}

	private primary(): FilterAst {
		const t = this.next();
		if (t.t === 'lparen') {
			const inner = this.or();
			const close = this.next();
			if (close.t !== 'rparen') throw new ODataSyntaxError('Expected ")"', close.pos);
			return inner;
		}
		if (t.t !== 'ident') throw new ODataSyntaxError('Expected a field', t.pos);
		if (FUNCTIONS.has(t.v) && this.peek()?.t === 'lparen') {
			this.i++;
			const field = this.next();
			if (field.t !== 'ident') throw new ODataSyntaxError('Expected a field', field.pos);
			const comma = this.next();
			if (comma.t !== 'comma') throw new ODataSyntaxError('Expected ","', comma.pos);
			const value = this.literal();
			const close = this.next();
			if (close.t !== 'rparen') throw new ODataSyntaxError('Expected ")"', close.pos);
			return { kind: 'cmp', field: field.v, op: t.v, value };
		}
		const op = this.next();
		if (op.t !== 'ident' || !COMPARISONS.has(op.v)) throw new ODataSyntaxError('Expected an operator', op.pos);
		return { kind: 'cmp', field: t.v, op: op.v, value: this.literal() };
	}
}

/** Parses a `$filter`; throws ODataSyntaxError on anything malformed. */
export function parseFilter(text: string): FilterAst {
	return new Parser(tokenize(text), text.length).parse();
}

/** `(a and b) and c` and `a and (b and c)` mean the same: flatten nested groups of one kind. */
export function flatten(ast: FilterAst): FilterAst {
	if (ast.kind === 'not') return { kind: 'not', child: flatten(ast.child) };
	if (ast.kind === 'cmp') return ast;
	const children: FilterAst[] = [];
	for (const c of ast.children.map(flatten)) {
		if (c.kind === ast.kind) children.push(...c.children);
		else children.push(c);
	}
	return { kind: ast.kind, children };
}

function pathValue(record: unknown, path: string): unknown {
	let v: unknown = record;
	for (const part of path.split('.')) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<string, unknown>)[part];
	}
	return v;
}

function compare(a: unknown, b: Literal): number | undefined {
	if (a === undefined || a === null) return undefined;
	if (b.type === 'number') {
		const n = typeof a === 'number' ? a : Number(a);
		return Number.isNaN(n) ? undefined : n - (b.value as number);
	}
	if (b.type === 'date' || b.type === 'dateTime') {
		const ta = Date.parse(String(a));
		const tb = Date.parse(String(b.value));
		if (Number.isNaN(ta) || Number.isNaN(tb)) return undefined;
		return ta - tb;
	}
	if (b.type === 'boolean') return a === b.value ? 0 : undefined;
	const sa = String(a);
	const sb = String(b.value);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Whether a record matches (the simulator's reading of OData, good enough for tests). */
export function evaluate(ast: FilterAst, record: unknown): boolean {
	switch (ast.kind) {
		case 'and':
			return ast.children.every((c) => evaluate(c, record));
		case 'or':
			return ast.children.some((c) => evaluate(c, record));
		case 'not':
			return !evaluate(ast.child, record);
		case 'cmp': {
			const actual = pathValue(record, ast.field);
			const { value } = ast;
			if (ast.op === 'contains' || ast.op === 'startswith' || ast.op === 'endswith') {
				if (typeof actual !== 'string' || typeof value.value !== 'string') return false;
				if (ast.op === 'contains') return actual.includes(value.value);
				return ast.op === 'startswith' ? actual.startsWith(value.value) : actual.endsWith(value.value);
			}
			if (value.type === 'null') {
				const isNull = actual === null || actual === undefined;
				return ast.op === 'eq' ? isNull : ast.op === 'ne' ? !isNull : false;
			}
			const c = compare(actual, value);
			if (c === undefined) return ast.op === 'ne';
			switch (ast.op) {
				case 'eq':
					return c === 0;
				case 'ne':
					return c !== 0;
				case 'gt':
					return c > 0;
				case 'ge':
					return c >= 0;
				case 'lt':
					return c < 0;
				default:
					return c <= 0;
			}
		}
	}
}
