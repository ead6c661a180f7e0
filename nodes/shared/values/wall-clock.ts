const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

function formatter(timezone: string): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: timezone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	});
}

/**
 * A date as zone-less APIs store it: wall-clock `YYYY-MM-DD HH:MM:SS` in `timezone`. A value
 * without a zone is taken as already local (n8n's date pickers give such values in the workflow
 * zone); an unknown zone name falls back to `fallbackZone`; an unreadable date is returned as is.
 */
export function wallClock(value: string, timezone: string, fallbackZone = 'UTC'): string {
	const text = value.trim();
	if (!HAS_ZONE.test(text)) {
		const local = text.replace('T', ' ');
		return local.length === 10 ? `${local} 00:00:00` : local.slice(0, 19);
	}
	const date = new Date(text);
	if (Number.isNaN(date.getTime())) return text;
	let fmt: Intl.DateTimeFormat;
	try {
		fmt = formatter(timezone);
	} catch {
		fmt = formatter(fallbackZone);
	}
	const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
