import { contactZones, offsetText, searchZones, zoneOption, zoneOptions } from 'c/pcZones';

const WINTER = Date.UTC(2027, 0, 10, 12);

describe('pcZones', () => {
    it('RS-6 names a zone as agents know it: long generic name, city, current offset', () => {
        expect(zoneOption('America/Chicago', WINTER).label).toBe('Central Time – Chicago (UTC−06:00)');
        expect(zoneOption('America/Chicago', Date.UTC(2027, 6, 1)).label).toBe('Central Time – Chicago (UTC−05:00)');
        expect(zoneOption('Asia/Kolkata', WINTER).label).toBe('India Standard Time – Kolkata (UTC+05:30)');
        expect(offsetText(-360)).toBe('UTC\u221206:00');
    });

    it('RS-6 lists every zone the runtime knows, west to east', () => {
        const options = zoneOptions(WINTER);
        expect(options.length).toBe(
            Intl.supportedValuesOf('timeZone').length + (Intl.supportedValuesOf('timeZone').includes('UTC') ? 0 : 1)
        );
        expect(options[0]!.offsetMinutes).toBeLessThanOrEqual(options[options.length - 1]!.offsetMinutes);
    });

    it('RS-6 "chicago" and "central" both find America/Chicago; every word must match', () => {
        const options = zoneOptions(WINTER);
        expect(searchZones(options, 'chicago').map((o) => o.value)).toEqual(['America/Chicago']);
        expect(searchZones(options, 'central').map((o) => o.value)).toContain('America/Chicago');
        expect(searchZones(options, 'central chicago').map((o) => o.value)).toEqual(['America/Chicago']);
        expect(searchZones(options, 'utc-06:00').map((o) => o.value)).toContain('America/Chicago');
        expect(searchZones(options, 'atlantis')).toEqual([]);
    });

    it("RS-6 the contact's zone: the record's, else the NANP area code's (all of them where it spans zones)", () => {
        expect(contactZones('Europe/Berlin', '+13125550100')).toEqual(['Europe/Berlin']);
        expect(contactZones(null, '+13125550100')).toEqual(['America/Chicago']);
        expect(contactZones(null, '+14155550100')).toEqual(['America/Los_Angeles']);
        expect(contactZones(null, '+17755550100')).toEqual(['America/Boise', 'America/Los_Angeles']);
        expect(contactZones(null, '+442079460958')).toEqual([]);
        expect(contactZones(null, null)).toEqual([]);
        // Only a whole NANP number says where it is: nothing before the +1, and ten digits exactly.
        expect(contactZones(null, '0+13125550100')).toEqual([]);
        expect(contactZones(null, '+131255501001')).toEqual([]);
    });

    it('RS-6 CP-1 a zone of the area code that this browser does not know is left out, the others kept', () => {
        // A browser whose time-zone data predates America/Boise: Intl refuses it as it refuses any unknown zone.
        const Real = Intl.DateTimeFormat;
        const refusing = jest.spyOn(Intl, 'DateTimeFormat').mockImplementation(((
            locales?: string | string[],
            options?: Intl.DateTimeFormatOptions
        ) => {
            if (options?.timeZone === 'America/Boise') throw new RangeError('Invalid time zone specified');
            return new Real(locales, options);
        }) as typeof Intl.DateTimeFormat);
        try {
            jest.isolateModules(() => {
                const fresh = jest.requireActual<typeof import('c/pcZones')>('c/pcZones');
                expect(fresh.contactZones(null, '+17755550100')).toEqual(['America/Los_Angeles']);
                expect(fresh.contactZones(null, '+13035550100')).toEqual(['America/Denver']);
                // Asked again, the same answer (worked out once per list).
                expect(fresh.contactZones(null, '+17755550100')).toEqual(['America/Los_Angeles']);
                expect(fresh.contactZones(null, '+13125550100')).toEqual(['America/Chicago']);
            });
        } finally {
            refusing.mockRestore();
        }
    });
});
