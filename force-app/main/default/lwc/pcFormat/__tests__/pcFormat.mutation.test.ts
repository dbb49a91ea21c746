// Edges of the formatting helpers that the main suite leaves open: the slow path of the date format, the
// `now` boundary, the time-input reduction and the time-zone lists when the browser cannot say.
import { browserTimeZone, formatAvailableTime, formatDateTime, formatTime, toHourMinute } from 'c/pcFormat';

type FormatModule = typeof import('c/pcFormat');

/** A fresh copy of the module, so its cached zone list is rebuilt under the Intl stubbed for the test. */
function freshFormat(): FormatModule {
    let mod: FormatModule | undefined;
    jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        mod = require('c/pcFormat') as FormatModule;
    });
    return mod!;
}

afterEach(() => jest.restoreAllMocks());

describe('c/pcFormat edges', () => {
    it('SP-4 keeps every part of a date whose year has five digits (the fast path does not apply)', () => {
        const at = Date.UTC(10000, 2, 4, 5, 6, 7);
        expect(formatDateTime(at, 'UTC')).toBe('03/04/10000 05:06:07');
    });

    it("SP-4 formats in the browser's zone when no zone is given", () => {
        const at = Date.UTC(2026, 3, 7, 12, 34, 56);
        expect(formatDateTime(at)).toBe(formatDateTime(at, browserTimeZone()));
        expect(formatTime(at)).toBe(formatTime(at, browserTimeZone()));
    });

    it('SP-2 shows the now word for a record available exactly now, the date one millisecond later', () => {
        const now = Date.UTC(2026, 0, 5, 9, 0, 0);
        expect(formatAvailableTime(now, now, 'Now', 'UTC')).toBe('Now');
        expect(formatAvailableTime(now + 1000, now, 'Now', 'UTC')).toBe('01/05/2026 09:00:01');
    });

    it('RS-1 reduces a time input value to HH:MM only from its start, after trimming', () => {
        expect(toHourMinute(' 9:05:30 ')).toBe('09:05');
        expect(toHourMinute('at 9:05')).toBe('at 9:05');
        expect(toHourMinute('  soon  ')).toBe('soon');
    });

    it('RS-1 defaults the zone to UTC where the browser names none, or cannot be asked', () => {
        const real = Intl.DateTimeFormat;
        const noZone = jest.spyOn(Intl, 'DateTimeFormat').mockImplementation(
            () =>
                ({
                    resolvedOptions: () => ({ ...new real().resolvedOptions(), timeZone: '' })
                }) as Intl.DateTimeFormat
        );
        expect(browserTimeZone()).toBe('UTC');
        noZone.mockImplementation(() => {
            throw new RangeError('no Intl');
        });
        expect(browserTimeZone()).toBe('UTC');
    });

    it('RS-1 lists the browser zones sorted, with UTC exactly once', () => {
        jest.spyOn(Intl, 'supportedValuesOf').mockReturnValue(['Europe/Paris', 'UTC', 'America/Chicago']);
        expect(freshFormat().timeZones()).toEqual(['America/Chicago', 'Europe/Paris', 'UTC']);
    });

    it('RS-1 adds UTC to a browser list that lacks it', () => {
        jest.spyOn(Intl, 'supportedValuesOf').mockReturnValue(['Europe/Paris', 'America/Chicago']);
        expect(freshFormat().timeZones()).toEqual(['America/Chicago', 'Europe/Paris', 'UTC']);
    });

    it('RS-1 offers a short list of common zones, sorted and with UTC, where the browser cannot list its zones', () => {
        jest.spyOn(Intl, 'supportedValuesOf').mockImplementation(() => {
            throw new TypeError('not supported');
        });
        const zones = freshFormat().timeZones();
        expect(zones).toEqual([
            'America/Anchorage',
            'America/Chicago',
            'America/Denver',
            'America/Los_Angeles',
            'America/New_York',
            'America/Phoenix',
            'Asia/Tokyo',
            'Australia/Sydney',
            'Europe/London',
            'Europe/Paris',
            'Pacific/Honolulu',
            'UTC'
        ]);
    });
});
