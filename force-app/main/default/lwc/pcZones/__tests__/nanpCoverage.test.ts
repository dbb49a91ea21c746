/**
 * The NANP tables cover every assigned geographic area code. "Assigned" is read from libphonenumber-js's "max"
 * metadata (Google libphonenumber's per-country number patterns, the package version in package-lock.json): an
 * area code is assigned where a number in it is valid as a fixed-line or mobile number of some NANP country.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { contactZones, nanpAreaRegions } from 'c/pcZones';

const EXCHANGES = ['201', '234', '265', '312', '456', '555', '678', '723', '890', '987'];

// Valid in libphonenumber's patterns, but neither its geocoding nor its time-zone data place the code yet (a new
// Ontario overlay); the rules then read the contact in every Canadian zone and under every province's rules.
const NOT_YET_PLACED = new Set(['273']);

function assigned(): Map<string, string> {
    const out = new Map<string, string>();
    for (let npa = 200; npa < 1000; npa++) {
        for (const ex of EXCHANGES) {
            const p = parsePhoneNumberFromString(`+1${npa}${ex}4567`);
            const type = p?.isValid() ? p.getType() : undefined;
            if (p?.country && (type === 'FIXED_LINE' || type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE')) {
                out.set(String(npa), p.country);
                break;
            }
        }
    }
    return out;
}

describe('NANP area-code tables', () => {
    const codes = assigned();

    it('CP-1 RS-6 the assigned list is the real one (hundreds of codes, US and Canada among them)', () => {
        expect(codes.size).toBeGreaterThan(400);
        expect(codes.get('305')).toBe('US');
        expect(codes.get('416')).toBe('CA');
        expect(codes.has('800')).toBe(false); // toll-free is not geographic
    });

    it('CP-1 RS-6 every assigned area code has a zone', () => {
        const missing = [...codes.keys()].filter(
            (c) => !NOT_YET_PLACED.has(c) && !contactZones(null, `+1${c}2345678`).length
        );
        expect(missing).toEqual([]);
    });

    it('CP-1 every assigned US and Canadian area code has its state or province, in its own country', () => {
        const wrong = [...codes]
            .filter(([c, country]) => (country === 'US' || country === 'CA') && !NOT_YET_PLACED.has(c))
            .filter(([c, country]) => {
                const regions = nanpAreaRegions(c);
                return !regions.length || !regions.every((r) => r.startsWith(`${country}-`));
            })
            .map(([c]) => c);
        expect(wrong).toEqual([]);
    });

    it('CP-1 regions read as ISO 3166-2 codes: 305 Florida, 405 Oklahoma, 867 the three territories', () => {
        expect(nanpAreaRegions('305')).toEqual(['US-FL']);
        expect(nanpAreaRegions('405')).toEqual(['US-OK']);
        expect(nanpAreaRegions('202')).toEqual(['US-DC']);
        expect(nanpAreaRegions('867')).toEqual(['CA-NT', 'CA-NU', 'CA-YT']);
        expect(nanpAreaRegions('000')).toEqual([]);
    });
});
