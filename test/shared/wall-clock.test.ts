import { wallClock } from '../../nodes/shared';

describe('wallClock()', () => {
	it('keeps zone-less values as local wall-clock time', () => {
		expect(wallClock('2024-01-20T08:15:00', 'Europe/Brussels')).toBe('2024-01-20 08:15:00');
		expect(wallClock('2024-01-20T08:15:00.000', 'UTC')).toBe('2024-01-20 08:15:00');
		expect(wallClock('2024-01-20', 'UTC')).toBe('2024-01-20 00:00:00');
	});

	it('converts zoned values into the target zone, across DST', () => {
		expect(wallClock('2024-01-20T08:15:00Z', 'Europe/Brussels')).toBe('2024-01-20 09:15:00');
		expect(wallClock('2024-07-20T08:15:00+00:00', 'Europe/Brussels')).toBe('2024-07-20 10:15:00');
		expect(wallClock('2024-07-20T23:30:00-0400', 'America/Montreal')).toBe('2024-07-20 23:30:00');
	});

	it('falls back for an unknown zone and leaves unreadable dates alone', () => {
		expect(wallClock('2024-01-20T08:15:00Z', 'Mars/Olympus', 'Europe/Paris')).toBe('2024-01-20 09:15:00');
		expect(wallClock('next tuesday Z', 'UTC')).toBe('next tuesday Z');
	});
});
