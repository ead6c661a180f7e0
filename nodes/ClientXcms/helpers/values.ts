import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';

import { toList, wallClock } from '../../shared';
import { DEFAULT_INSTANCE_TIMEZONE, instanceTimezone } from '../transport';

/**
 * A date the node sends, as ClientXCMS stores it: wall-clock `YYYY-MM-DD HH:MM:SS` in the
 * instance's time zone (Eloquent does not convert zones, so a UTC value would drift). Values
 * without a zone are taken as already local.
 */
export function toInstanceDateTime(value: unknown, timezone: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return wallClock(String(value), timezone, DEFAULT_INSTANCE_TIMEZONE);
}

/** `YYYY-MM-DD` in the instance's time zone. */
export function toInstanceDate(value: unknown, timezone: string): string | undefined {
	return toInstanceDateTime(value, timezone)?.slice(0, 10);
}

export async function timezoneOf(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	return instanceTimezone(await ctx.getCredentials('clientXcmsApi', itemIndex));
}

/** ClientXCMS reads only JSON `true`/"true" as true; values it returns as 0/1 are converted. */
export function toBool(value: unknown): boolean {
	if (typeof value === 'string') return ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
	return Boolean(value);
}

/** Numeric ids only: string ids and uuids make several routes crash (500). */
export function positiveId(
	ctx: IExecuteFunctions,
	value: unknown,
	options: { label: string; itemIndex: number },
): number {
	const raw = value && typeof value === 'object' && 'value' in (value as IDataObject)
		? (value as INodeParameterResourceLocator).value
		: value;
	const text = String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) < 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${options.label} must be a positive whole number, got "${text}" (item ${options.itemIndex})`,
			{
				itemIndex: options.itemIndex,
				description: 'ClientXCMS routes take numeric IDs; UUIDs are not accepted by every route.',
			},
		);
	}
	return Number(text);
}

/** "1, 2,3" or [1, 2] → [1, 2, 3]. */
export function idList(
	ctx: IExecuteFunctions,
	value: unknown,
	options: { label: string; itemIndex: number },
): number[] {
	return toList(value).map((v) => positiveId(ctx, v, options));
}
