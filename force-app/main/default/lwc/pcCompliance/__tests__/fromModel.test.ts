import { callability, checkNumber, placeFieldsOf, placeFromContact, SHIPPED_RULE_SETS } from 'c/pcCompliance';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { ContactFacts } from 'c/pcCompliance';
import type { AttemptsHistory, CallingRecord, Destination } from 'c/pcModel';
import { makeAttempt, makeDestination } from 'test-support/fixtures';

const HOUR = 3_600_000;
const NOON_MIAMI = Date.UTC(2027, 0, 12, 17, 0);

const RECORD: CallingRecord = {
    id: 'r1',
    firstName: 'Ana',
    lastName: 'Diaz',
    timeZone: null,
    salesforceId: null,
    fields: {}
};

const destination = (id: string, value: string, dnc = false): Destination =>
    makeDestination({ id, value, maxAttempts: null, cadenceOrder: 0, unavailableReason: dnc ? 'DNC' : null });

const HISTORY: AttemptsHistory = {
    recordId: 'r1',
    destinations: [
        destination('home', '+13052345678'),
        destination('work', '+13122345678'),
        destination('cell', '+14072345678', true)
    ],
    attempts: [
        makeAttempt('home', NOON_MIAMI - 5 * HOUR),
        makeAttempt('work', NOON_MIAMI - 3 * HOUR),
        makeAttempt('home', NOON_MIAMI - 1 * HOUR, 2, 'Busy')
    ]
};

const FACTS: ContactFacts = { record: RECORD, history: HISTORY, ruleSets: SHIPPED_RULE_SETS };

describe('pcCompliance from the console model', () => {
    it('CP-4 SP-5 each destination: DNC never; a Florida contact after 3 calls today waits for the 1st to age out', () => {
        const byId = callability(FACTS, NOON_MIAMI);
        expect(byId.get('cell')).toMatchObject({ verdict: 'Block', nextAllowedAt: null });
        // home and cell are Florida numbers: the three attempts on all numbers reach Florida's 3 in 24 h.
        // The 1st (7:00 AM today) ages out at 7:00 AM tomorrow, before the window opens: callable at 8:00 AM.
        expect(byId.get('home')).toMatchObject({ verdict: 'Block', nextAllowedAt: NOON_MIAMI + 20 * HOUR });
        // work is a Chicago number: Florida's rules do not follow the person to it unless the record says Florida.
        expect(byId.get('work')?.verdict).toBe('Allowed');
        const inFlorida = callability({ ...FACTS, place: { state: 'FL' } }, NOON_MIAMI);
        expect(inFlorida.get('work')?.verdict).toBe('Block');
    });

    it('CP-1 before Attempts History loads, the number alone is checked (window, no limits)', () => {
        const facts: ContactFacts = { ...FACTS, history: null };
        expect(checkNumber(facts, '+13052345678', NOON_MIAMI).verdict).toBe('Allowed');
        expect(checkNumber(facts, '+13052345678', NOON_MIAMI + 9 * HOUR).verdict).toBe('Block'); // 21:00 there
    });

    it("CP-1 the calling record's zone is the contact's when the admin names no Contact field", () => {
        const inHonolulu = { ...FACTS, history: null, record: { ...RECORD, timeZone: 'Pacific/Honolulu' } };
        // Noon in Miami is 7:00 AM in Honolulu: refused until 8:00 there.
        expect(checkNumber(inHonolulu, '+13052345678', NOON_MIAMI)).toMatchObject({
            verdict: 'Block',
            nextAllowedAt: NOON_MIAMI + HOUR
        });
    });

    it("CP-1 the admin's Contact fields give the place: a Chicago number of a Florida resident is under Florida's rules", () => {
        const settings = { ...DEFAULT_SETTINGS, contactTimeZoneField: 'Time_Zone__c' };
        expect(placeFieldsOf(settings)).toEqual(['Time_Zone__c', 'MailingCountry', 'MailingState']);
        expect(placeFieldsOf(DEFAULT_SETTINGS)).toEqual(['MailingCountry', 'MailingState']);
        const place = placeFromContact(settings, {
            Time_Zone__c: 'America/New_York',
            MailingCountry: 'United States',
            MailingState: 'Florida'
        });
        expect(place).toEqual({ timeZone: 'America/New_York', country: 'United States', state: 'Florida' });
        // 8:30 PM in New York: federal hours allow it, Florida's do not.
        const at = Date.UTC(2027, 0, 13, 1, 30);
        const chicagoNumber = '+13122345678';
        expect(checkNumber({ ...FACTS, history: null }, chicagoNumber, at).verdict).toBe('Allowed');
        expect(checkNumber({ ...FACTS, history: null, place }, chicagoNumber, at).findings[0]?.rule).toBe('US_Florida');
        expect(placeFromContact(settings, null)).toEqual({ timeZone: null, country: null, state: null });
    });
});
