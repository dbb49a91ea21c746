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
    });
});
