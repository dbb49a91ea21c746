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

    it('RS-6 a zone the runtime has no generic name for is named by its IANA name (GMT±hh:mm says less)', () => {
        expect(zoneOption('Etc/GMT+5', WINTER).label).toBe('Etc/GMT+5 (UTC\u221205:00)');
        expect(zoneOption('UTC', WINTER).label).toBe('UTC (UTC+00:00)');
    });

    it('RS-6 a city in several words reads as words, and the search text is the label and the IANA name, lower case', () => {
        const option = zoneOption('America/Argentina/Buenos_Aires', WINTER);
        expect(option.label).toBe('Argentina Standard Time – Buenos Aires (UTC\u221203:00)');
        expect(option.search).toBe(
            'argentina standard time – buenos aires (utc\u221203:00) america/argentina/buenos aires'
        );
    });

    it('RS-6 a generic name that is only the city is not said twice', () => {
        const Real = Intl.DateTimeFormat;
        const cityOnly = jest.spyOn(Intl, 'DateTimeFormat').mockImplementation(((
            locales?: string | string[],
            options?: Intl.DateTimeFormatOptions
        ) => {
            const real = new Real(locales, options);
            if (options?.timeZone !== 'Antarctica/Troll' || options.timeZoneName !== 'longGeneric') return real;
            return Object.assign(Object.create(real) as Intl.DateTimeFormat, {
                formatToParts: (at?: number | Date) =>
                    real.formatToParts(at).map((p) => (p.type === 'timeZoneName' ? { ...p, value: 'Troll' } : p))
            });
        }) as typeof Intl.DateTimeFormat);
        try {
            jest.isolateModules(() => {
                const fresh = jest.requireActual<typeof import('c/pcZones')>('c/pcZones');
                expect(fresh.zoneOption('Antarctica/Troll', WINTER).label).toBe('Antarctica/Troll (UTC+00:00)');
            });
        } finally {
            cityOnly.mockRestore();
        }
    });

    it('RS-6 the list runs west to east, then by name; it is worked out once a day (offsets change with DST)', () => {
        const options = zoneOptions(WINTER);
        for (let i = 1; i < options.length; i += 1) {
            const [a, b] = [options[i - 1]!, options[i]!];
            expect(a.offsetMinutes < b.offsetMinutes || a.label.localeCompare(b.label) <= 0).toBe(true);
            expect(a.offsetMinutes).toBeLessThanOrEqual(b.offsetMinutes);
        }
        expect(zoneOptions(WINTER + 3_600_000)).toBe(options);
        expect(zoneOptions(WINTER + 86_400_000)).not.toBe(options);
    });

    it('RS-6 the search reads capitals and hyphens as typed, and an empty one keeps the list as it is', () => {
        const options = zoneOptions(WINTER);
        expect(searchZones(options, 'CHICAGO').map((o) => o.value)).toEqual(['America/Chicago']);
        expect(searchZones(options, 'port-au-prince').map((o) => o.value)).toEqual(['America/Port-au-Prince']);
        expect(searchZones(options, '  ')).toBe(options);
    });
});
