/**
 * The filter builder: rows of field, operator and typed value turned into an OData `$filter`.
 * Pure (no n8n imports) so that it can be property-tested against the sandbox's parser.
 */

export const COMPARISON_OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export const FUNCTION_OPERATORS = ['contains', 'startswith', 'endswith'] as const;
export type FilterOperator = (typeof COMPARISON_OPERATORS)[number] | (typeof FUNCTION_OPERATORS)[number];
export type FilterValueType = 'string' | 'number' | 'boolean' | 'date' | 'dateTime' | 'null';
/**
 * How dates are written. The vendor documents no date literal: `bare` is OData v4
 * (`2024-01-31`, `2024-01-31T10:00:00Z`), `quoted` a string, `datetime` OData v3 (`datetime'…'`).
 */
export type DateStyle = 'bare' | 'quoted' | 'datetime';
export type Combinator = 'and' | 'or';

export interface FilterCondition {
	field: string;
	operator: FilterOperator;
	type: FilterValueType;
	/** As the user typed it (expressions may already give numbers, booleans or dates). */
	value?: unknown;
}

export interface BuildFilterOptions {
	conditions: FilterCondition[];
	combinator?: Combinator;
	dateStyle?: DateStyle;
}

/** A row the builder refuses, with the 0-based row and the part of it that is wrong. */
export class FilterInputError extends Error {
	constructor(
		message: string,
		readonly row: number,
		readonly part: 'field' | 'operator' | 'value',
	) {
		super(message);
		this.name = 'FilterInputError';
	}
}

const SEGMENT = '[\\p{L}_][\\p{L}\\p{N}_]*';
const FIELD = new RegExp(`^${SEGMENT}(\\.${SEGMENT})*$`, 'u');
const RESERVED = new Set(['and', 'or', 'not', 'true', 'false', 'null']);
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/;

export function isFunctionOperator(op: string): op is (typeof FUNCTION_OPERATORS)[number] {
	return (FUNCTION_OPERATORS as readonly string[]).includes(op);
}

/** OData string literal: single quotes, an inner quote doubled. Nothing else needs escaping. */
export function quoteString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

function validDate(y: string, m: string, d: string): boolean {
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
	return (
		date.getUTCFullYear() === Number(y) &&
		date.getUTCMonth() === Number(m) - 1 &&
		date.getUTCDate() === Number(d)
	);
}

function asText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	return value === undefined || value === null ? '' : String(value);
}

/** The normalised text of a number, date or date-time value, or why it is not one. */
export function normaliseValue(type: FilterValueType, value: unknown): { text: string } | { problem: string } {
	switch (type) {
		case 'string':
			return { text: asText(value) };
		case 'number': {
			if (typeof value === 'number') {
				return Number.isFinite(value) ? { text: String(value) } : { problem: 'is not a finite number' };
			}
			let text = asText(value).trim().replace(/^\+/, '');
			if (/^-?\.\d/.test(text)) text = text.replace('.', '0.');
			if (!NUMBER.test(text)) {
				return { problem: `"${asText(value)}" is not a number (use digits, an optional minus sign and a dot for decimals)` };
			}
			return { text };
		}
		case 'boolean': {
			if (typeof value === 'boolean') return { text: String(value) };
			const text = asText(value).trim().toLowerCase();
			if (text === 'true' || text === 'false') return { text };
			return { problem: `"${asText(value)}" is not true or false` };
		}
		case 'date': {
			// A Luxon DateTime ({{ $today }}) gives its date in its own zone; toISO() would not fit.
			const isoDate = value && typeof value === 'object' ? (value as { toISODate?: unknown }).toISODate : undefined;
			const text =
				typeof isoDate === 'function'
					? String(isoDate.call(value))
					: asText(value).trim().slice(0, value instanceof Date ? 10 : undefined);
			const m = DATE.exec(text);
			if (!m || !validDate(m[1], m[2], m[3])) return { problem: `"${asText(value)}" is not a date like 2024-01-31` };
			return { text };
		}
		case 'dateTime': {
			const text = asText(value).trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
			const m = DATE_TIME.exec(text);
			if (!m || !validDate(m[1], m[2], m[3]) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[7] ?? 0) > 59) {
				return { problem: `"${asText(value)}" is not a date and time like 2024-01-31T10:00:00Z` };
			}
			return { text };
		}
		case 'null':
			return { text: 'null' };
	}
}

/** A value as an OData literal of its type. */
export function formatLiteral(type: FilterValueType, text: string, dateStyle: DateStyle = 'bare'): string {
	switch (type) {
		case 'string':
			return quoteString(text);
		case 'date':
		case 'dateTime':
			if (dateStyle === 'quoted') return quoteString(text);
			if (dateStyle === 'datetime') return `datetime${quoteString(text)}`;
			return text;
		default:
			return text;
	}
}

/** Checks a field path: letters, digits and `_`, sub-fields joined with dots. */
export function fieldProblem(field: string): string | undefined {
	if (!field) return 'is empty';
	if (!FIELD.test(field)) {
		return `"${field}" is not a field name (letters, digits and _, sub-fields joined with dots, e.g. GroupeProduit.CodeGroupe)`;
	}
	if (RESERVED.has(field.toLowerCase())) return `"${field}" is an OData keyword and cannot be used as a field name`;
	return undefined;
}

/** One condition as OData text. Throws FilterInputError naming the row. */
export function buildCondition(condition: FilterCondition, row: number, dateStyle: DateStyle = 'bare'): string {
	const field = String(condition.field ?? '').trim();
	const fp = fieldProblem(field);
	if (fp) throw new FilterInputError(`Filter condition ${row + 1}: the field ${fp}`, row, 'field');
	const { operator, type } = condition;
	if (![...COMPARISON_OPERATORS, ...FUNCTION_OPERATORS].includes(operator)) {
		throw new FilterInputError(`Filter condition ${row + 1}: unknown operator "${operator}"`, row, 'operator');
	}
	if (isFunctionOperator(operator) && type !== 'string') {
		throw new FilterInputError(
			`Filter condition ${row + 1}: "${operator}" compares text; set Value Type to String`,
			row,
			'operator',
		);
	}
	if (type === 'null' && operator !== 'eq' && operator !== 'ne') {
		throw new FilterInputError(
			`Filter condition ${row + 1}: an empty (null) value can only be compared with Equals or Not Equals`,
			row,
			'operator',
		);
	}
	const normalised = normaliseValue(type, condition.value);
	if ('problem' in normalised) {
		throw new FilterInputError(`Filter condition ${row + 1} (${field}): the value ${normalised.problem}`, row, 'value');
	}
	const literal = formatLiteral(type, normalised.text, dateStyle);
	return isFunctionOperator(operator) ? `${operator}(${field},${literal})` : `${field} ${operator} ${literal}`;
}

/** Every condition, joined with `and` or `or`; an empty string without conditions. */
export function buildFilter({ conditions, combinator = 'and', dateStyle = 'bare' }: BuildFilterOptions): string {
	return conditions.map((c, row) => buildCondition(c, row, dateStyle)).join(` ${combinator} `);
}

/** The expert's raw `$filter` and the built one, both required: `(raw) and (built)`. */
export function combineFilters(...parts: Array<string | undefined>): string {
	const present = parts.map((p) => (p ?? '').trim()).filter(Boolean);
	if (present.length <= 1) return present[0] ?? '';
	return present.map((p) => `(${p})`).join(' and ');
}
