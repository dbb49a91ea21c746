/**
 * CP-1 at the edges of the calling rules: reading a contact's country and region as the org spells them, where a
 * number's region counts, which rule sets apply, overnight windows, windows no instant satisfies in every zone, the
 * attempts a limit counts, and a warning rule never delaying the next allowed instant.
 */
import {
    applies,
    callability,
    checkCall,
    findingsAt,
    nextAllowed,
    nextInWindow,
    normalizeCountry,
    normalizeRegion,
    resolvePlace,
    SHIPPED_RULE_SETS,
    zonesForRules
} from 'c/pcCompliance';
import type { ComplianceQuery, ContactPlace } from 'c/pcCompliance';
import { RuleMode } from 'c/pcModel';
import type { ComplianceRuleSet, Destination } from 'c/pcModel';
import { central, makeDestination } from 'test-support/fixtures';

const HOUR = 3_600_000;
const federal = SHIPPED_RULE_SETS.find((s) => s.name === 'US_Federal')!;
const florida = SHIPPED_RULE_SETS.find((s) => s.name === 'US_Florida')!;
const CHICAGO = '+13125550100';

const place = (over: Partial<ContactPlace> = {}): ContactPlace => ({
    zones: ['America/Chicago'],
    country: 'US',
    regions: [],
    areaCode: null,
    ...over
});

function query(over: Partial<ComplianceQuery> = {}): ComplianceQuery {
    return {
        at: central(12),
        destination: CHICAGO,
        destinations: [{ number: CHICAGO, dnc: false }],
        attempts: [],
        place: place(),
        ruleSets: [federal],
        ...over
    };
}

describe('CP-1 reading the contact`s place', () => {
    it('CP-1 a country is read in any case and spacing, by code or by name; nothing else is a country', () => {
        expect(normalizeCountry(' us ')).toBe('US');
        expect(normalizeCountry('de')).toBe('DE');
        expect(normalizeCountry('United States')).toBe('US');
        expect(normalizeCountry('U')).toBeNull();
        expect(normalizeCountry('12')).toBeNull();
        expect(normalizeCountry('')).toBeNull();
        expect(normalizeCountry(null)).toBeNull();
    });

    it('CP-1 a region is read as a full code, a code with the country, or a name; nothing else is a region', () => {
        expect(normalizeRegion(' us-fl ', null)).toBe('US-FL');
        expect(normalizeRegion('fl', 'US')).toBe('US-FL');
        expect(normalizeRegion('Florida', 'US')).toBe('US-FL');
        expect(normalizeRegion('XUS-FL', 'US')).toBeNull();
        expect(normalizeRegion('US-FLXX', 'US')).toBeNull();
        expect(normalizeRegion('FL', null)).toBeNull();
        expect(normalizeRegion('Nowhere', 'US')).toBeNull();
        expect(normalizeRegion(undefined, 'US')).toBeNull();
    });

    it('CP-1 a NANP number gives its area code only when it is a whole number', () => {
        const none = { timeZone: null, country: null, state: null };
        expect(resolvePlace(none, '+13055550100').areaCode).toBe('305');
        expect(resolvePlace(none, 'x+13055550100').areaCode).toBeNull();
        expect(resolvePlace(none, '+130555501001').areaCode).toBeNull();
    });

    it('CP-1 a number`s region counts only for a contact of the number`s country', () => {
        expect(resolvePlace({ timeZone: null, country: null, state: null }, '+13055550100').regions).toEqual(['US-FL']);
        expect(resolvePlace({ timeZone: null, country: 'CA', state: null }, '+13055550100').regions).toEqual([]);
    });

    it('CP-1 a contact with no zone is read in every zone of its country; elsewhere in none', () => {
        expect(zonesForRules(place({ zones: [] }))).toContain('Pacific/Honolulu');
        expect(zonesForRules(place({ zones: [], country: 'GB' }))).toEqual([]);
        expect(zonesForRules(place({ zones: [], country: null }))).toEqual([]);
    });
});

describe('CP-1 which rule sets apply', () => {
    it('CP-1 an inactive set never applies', () => {
        expect(applies({ ...federal, active: false }, place())).toBe(false);
    });

    it('CP-1 a set naming the area code applies whatever the country; another country`s set does not', () => {
        const byArea: ComplianceRuleSet = { ...florida, country: 'XX', areaCodes: ['305'] };
        expect(applies(byArea, place({ areaCode: '305' }))).toBe(true);
        expect(applies(byArea, place({ areaCode: '312' }))).toBe(false);
        expect(applies(federal, place({ country: 'CA' }))).toBe(false);
    });

    it('CP-1 a regional set applies where the region is unknown, or is one of the contact`s regions', () => {
        expect(applies(florida, place({ regions: [] }))).toBe(true);
        expect(applies(florida, place({ regions: ['US-GA', 'US-FL'] }))).toBe(true);
        expect(applies(florida, place({ regions: ['US-GA'] }))).toBe(false);
    });
});

describe('CP-1 calling windows', () => {
    it('CP-1 an overnight window (8 PM to 8 AM) is open across midnight and opens next at 8 PM', () => {
        const zone = 'America/Chicago';
        expect(nextInWindow(central(23), zone, 1200, 480)).toBe(central(23));
        expect(nextInWindow(central(3), zone, 1200, 480)).toBe(central(3));
        expect(nextInWindow(central(7, 59), zone, 1200, 480)).toBe(central(7, 59));
        expect(nextInWindow(central(8), zone, 1200, 480)).toBe(central(20));
        expect(nextInWindow(central(12), zone, 1200, 480)).toBe(central(20));
    });

    it('CP-1 an overnight window is open from its first minute: 8:00 PM breaks no rule, 7:59 PM does', () => {
        const overnight: ComplianceRuleSet = { ...federal, windowStartMinute: 1200, windowEndMinute: 480 };
        expect(findingsAt(query({ ruleSets: [overnight], at: central(20) }))).toEqual([]);
        expect(findingsAt(query({ ruleSets: [overnight], at: central(19, 59) }))).toMatchObject([
            { kind: 'Window', nextAt: central(20) }
        ]);
    });

    it('CP-1 a window no instant satisfies in every zone of the country has no next time', () => {
        const narrow: ComplianceRuleSet = { ...federal, windowStartMinute: 480, windowEndMinute: 540 };
        const [f] = findingsAt(query({ place: place({ zones: [] }), ruleSets: [narrow], at: central(12) }));
        expect(f).toMatchObject({ kind: 'Window', nextAt: null });
    });
});

describe('CP-1 attempt limits', () => {
    const limited: ComplianceRuleSet = { ...florida, regions: [], perContactLimit: 2 };

    it('CP-1 an attempt at the very instant asked counts; one after it does not', () => {
        const at = central(12);
        const now = findingsAt(
            query({
                ruleSets: [limited],
                attempts: [
                    { number: CHICAGO, at: central(9) },
                    { number: CHICAGO, at }
                ]
            })
        );
        expect(now.map((f) => f.kind)).toEqual(['ContactLimit']);
        const later = findingsAt(
            query({
                ruleSets: [limited],
                attempts: [
                    { number: CHICAGO, at: central(9) },
                    { number: CHICAGO, at: at + 1 }
                ]
            })
        );
        expect(later).toEqual([]);
    });

    it('CP-1 attempts given in any order: the number is free once enough have left the window to go below the limit', () => {
        const attempts = [central(11), central(9), central(10)].map((at) => ({ number: CHICAGO, at }));
        const [f] = findingsAt(query({ ruleSets: [limited], attempts }));
        expect(f).toMatchObject({ kind: 'ContactLimit', counted: 3, nextAt: central(10) + 24 * HOUR });
    });
});

describe('CP-1 the next allowed instant', () => {
    it('CP-1 a warning rule never delays it: under federal Block and Florida Warn, 8:30 PM is allowed at once', () => {
        const q = query({
            at: central(20, 30),
            place: place({ regions: ['US-FL'] }),
            ruleSets: [federal, { ...florida, mode: RuleMode.Warn }]
        });
        expect(nextAllowed(q)).toBe(central(20, 30));
        expect(checkCall(q)).toMatchObject({ verdict: 'Warn', nextAllowedAt: central(20, 30) });
    });
});

describe('CP-4 callability', () => {
    it('CP-4 answers for phone destinations only', () => {
        const phone = (id: string, value: string, kind: Destination['kind'] = 'Phone'): Destination =>
            makeDestination({ id, value, kind, maxAttempts: null, cadenceOrder: 0 });
        const verdicts = callability(
            {
                record: { id: 'r', firstName: 'A', lastName: 'B', timeZone: null, salesforceId: null, fields: {} },
                history: {
                    recordId: 'r',
                    destinations: [phone('p', CHICAGO), phone('e', 'a@example.com', 'Email')],
                    attempts: []
                },
                ruleSets: SHIPPED_RULE_SETS
            },
            central(12)
        );
        expect([...verdicts.keys()]).toEqual(['p']);
    });
});
