import {
    formatAttempts,
    formatAvailableTime,
    formatDateTime,
    formatDuration,
    formatElapsed,
    formatOptionalDateTime,
    formatTime,
    secondsLeft,
    timeZones,
    toHourMinute
} from 'c/pcFormat';

const AT = Date.UTC(2026, 0, 5, 9, 7, 3); // 2026-01-05 09:07:03 UTC

describe('c/pcFormat', () => {
    it('SP-4 formats a date as MM/DD/YYYY HH:MM:SS in 24-hour time', () => {
        expect(formatDateTime(AT, 'UTC')).toBe('01/05/2026 09:07:03');
        expect(formatDateTime(Date.UTC(2026, 11, 31, 23, 59, 59), 'UTC')).toBe('12/31/2026 23:59:59');
        expect(formatDateTime(Date.UTC(2026, 0, 1, 0, 0, 0), 'UTC')).toBe('01/01/2026 00:00:00');
    });

    it('SP-4 formats in the zone asked for, across daylight saving time', () => {
        expect(formatDateTime(AT, 'America/Chicago')).toBe('01/05/2026 03:07:03');
        expect(formatDateTime(Date.UTC(2026, 6, 5, 14, 0, 0), 'America/Chicago')).toBe('07/05/2026 09:00:00');
        expect(formatTime(AT, 'Asia/Kolkata')).toBe('14:37:03');
    });

    it('SP-2 shows Attempts as n/max', () => {
        expect(formatAttempts(5, 10)).toBe('5/10');
        expect(formatAttempts(0, 3)).toBe('0/3');
    });

    it('SP-2 shows Available Time as Now when ready, else the date', () => {
        expect(formatAvailableTime(null, AT, 'Now', 'UTC')).toBe('Now');
        expect(formatAvailableTime(AT - 1, AT, 'Now', 'UTC')).toBe('Now');
        expect(formatAvailableTime(AT + 60_000, AT, 'Now', 'UTC')).toBe('01/05/2026 09:08:03');
        expect(formatOptionalDateTime(null)).toBe('');
    });

    it('CL-1 shows time in state as M:SS, then H:MM:SS', () => {
        expect(formatDuration(0)).toBe('0:00');
        expect(formatDuration(65_999)).toBe('1:05');
        expect(formatDuration(3_723_000)).toBe('1:02:03');
        expect(formatDuration(-5000)).toBe('0:00');
        expect(formatElapsed(AT - 12_000, AT)).toBe('0:12');
    });

    it('BX-6 counts whole seconds left, rounding up and never below zero', () => {
        expect(secondsLeft(AT + 9_001, AT)).toBe(10);
        expect(secondsLeft(AT + 10_000, AT)).toBe(10);
        expect(secondsLeft(AT - 5, AT)).toBe(0);
    });

    it('RS-1 reduces a time input value to HH:MM', () => {
        expect(toHourMinute('09:30:00.000')).toBe('09:30');
        expect(toHourMinute('9:05')).toBe('09:05');
        expect(toHourMinute('14:45')).toBe('14:45');
        expect(toHourMinute('nonsense')).toBe('nonsense');
    });

    it('RS-1 lists the IANA time zones, sorted, including UTC', () => {
        const zones = timeZones();
        expect(zones).toContain('America/Chicago');
        expect(zones).toContain('UTC');
        expect([...zones].sort()).toEqual([...zones]);
    });
});
