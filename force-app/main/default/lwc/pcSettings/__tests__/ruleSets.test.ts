import { parseSettings } from 'c/pcSettings';
import { DEFAULT_RULE_SETS } from 'c/pcModel';

// What PersonalConnectionRuleSets sends for one record: values as stored, numbers as numbers, blanks as null.
const FLORIDA = Object.freeze({
    name: 'US_Florida',
    label: 'Florida',
    active: true,
    country: 'US',
    regions: 'US-FL',
    areaCodes: null,
    windowStart: '08:00',
    windowEnd: '20:00',
    perDestinationLimit: null,
    perContactLimit: 3,
    limitWindowHours: 24,
    mode: 'Block'
});
const TEXAS = Object.freeze({
    ...FLORIDA,
    name: 'US_Texas',
    label: 'Texas',
    regions: 'us-tx, US-OK',
    areaCodes: '214 972',
    windowStart: '09:00',
    windowEnd: '21:00',
    perContactLimit: null,
    perDestinationLimit: 2,
    limitWindowHours: 168,
    mode: 'Warn',
    active: false
});

/** Parses the rule sets alone; only their problems are kept (the other settings are missing here). */
function parse(ruleSets: unknown) {
    const { settings, problems } = parseSettings({ ruleSets });
    return { settings, problems: problems.filter((p) => String(p.setting).startsWith('ruleSets')) };
}

describe('pcSettings: compliance rule sets', () => {
    it('CP-2 reads every field of a good rule set into the model', () => {
        const { settings, problems } = parse([FLORIDA, TEXAS]);
        expect(problems).toEqual([]);
        expect(settings.ruleSets).toEqual([
            {
                name: 'US_Florida',
                label: 'Florida',
                country: 'US',
                regions: ['US-FL'],
                areaCodes: [],
                windowStartMinute: 480,
                windowEndMinute: 1200,
                perDestinationLimit: null,
                perContactLimit: 3,
                limitWindowHours: 24,
                mode: 'Block',
                active: true
            },
            {
                name: 'US_Texas',
                label: 'Texas',
                country: 'US',
                regions: ['US-TX', 'US-OK'],
                areaCodes: ['214', '972'],
                windowStartMinute: 540,
                windowEndMinute: 1260,
                perDestinationLimit: 2,
                perContactLimit: null,
                limitWindowHours: 168,
                mode: 'Warn',
                active: false
            }
        ]);
    });

    it('CP-2 the shipped rule sets when none are sent; none active when the admin turned all off', () => {
        expect(parse(undefined).settings.ruleSets).toBe(DEFAULT_RULE_SETS);
        expect(DEFAULT_RULE_SETS.map((s) => [s.name, s.active])).toEqual([
            ['US_Federal', true],
            ['US_Florida', true],
            ['US_Oklahoma', true],
            ['US_Regulation_F', false]
        ]);
        expect(parse([{ ...FLORIDA, active: false }]).settings.ruleSets.map((s) => s.active)).toEqual([false]);
    });

    it.each([
        ['country', 'USA', 'country', 'Invalid'],
        ['country', null, 'country', 'Missing'],
        ['regions', 'Florida', 'regions', 'Invalid'],
        ['areaCodes', '30', 'areaCodes', 'Invalid'],
        ['windowStart', '8am', 'windowStart', 'Invalid'],
        ['windowStart', null, 'windowStart', 'Missing'],
        ['windowEnd', '07:00', 'windowEnd', 'OutOfRange'],
        ['perContactLimit', 0, 'perContactLimit', 'OutOfRange'],
        ['perContactLimit', 2.5, 'perContactLimit', 'Invalid'],
        ['limitWindowHours', null, 'limitWindowHours', 'Missing'],
        ['limitWindowHours', 9000, 'limitWindowHours', 'OutOfRange'],
        ['mode', 'Refuse', 'mode', 'Invalid'],
        ['mode', null, 'mode', 'Missing'],
        ['active', 'yes', 'active', 'Invalid']
    ])('AD-3 CP-2 a custom rule set with %s = %p is reported and skipped', (key, value, field, code) => {
        const { settings, problems } = parse([{ ...TEXAS, [key]: value }, FLORIDA]);
        expect(problems).toEqual([{ setting: `ruleSets.US_Texas.${field}`, code, usedInstead: 'skipped' }]);
        expect(settings.ruleSets.map((s) => s.name)).toEqual(['US_Florida']);
    });

    it('AD-3 CP-2 a broken shipped rule set is replaced by the shipped values, never switched off', () => {
        const { settings, problems } = parse([{ ...FLORIDA, windowEnd: '25:00' }]);
        expect(problems).toEqual([
            { setting: 'ruleSets.US_Florida.windowEnd', code: 'Invalid', usedInstead: 'shipped' }
        ]);
        expect(settings.ruleSets).toEqual([DEFAULT_RULE_SETS[1]]);
    });

    it('AD-3 a record without a usable name, a repeated name, or a list that is not a list is reported', () => {
        const { settings, problems } = parse([{ ...FLORIDA, name: '' }, FLORIDA, FLORIDA, 'x']);
        expect(settings.ruleSets.map((s) => s.name)).toEqual(['US_Florida']);
        expect(problems).toEqual([
            { setting: 'ruleSets.0.name', code: 'Missing', usedInstead: 'skipped' },
            { setting: 'ruleSets.2.name', code: 'Invalid', usedInstead: 'skipped' },
            { setting: 'ruleSets.3.name', code: 'Missing', usedInstead: 'skipped' }
        ]);
        const notAList = parse({ US_Florida: FLORIDA });
        expect(notAList.settings.ruleSets).toBe(DEFAULT_RULE_SETS);
        expect(notAList.problems).toContainEqual({ setting: 'ruleSets', code: 'Invalid', usedInstead: 'shipped' });
    });

    it('CP-2 a rule set with no window and no limit is valid (a DNC-only or placeholder set)', () => {
        const { settings, problems } = parse([
            { ...TEXAS, windowStart: null, windowEnd: '', perDestinationLimit: null, limitWindowHours: null }
        ]);
        expect(problems).toEqual([]);
        expect(settings.ruleSets[0]).toMatchObject({
            windowStartMinute: null,
            windowEndMinute: null,
            limitWindowHours: 24
        });
    });

    it('CP-2 parsed rule sets parse again unchanged (the model form is accepted too)', () => {
        const once = parse([FLORIDA, TEXAS]).settings.ruleSets;
        const twice = parse(once);
        expect(twice.problems).toEqual([]);
        expect(twice.settings.ruleSets).toEqual(once);
    });

    it('CP-1 AD-3 the Contact fields for zone, country and state: read, defaulted when blank, reported when malformed', () => {
        const read = parseSettings({
            contactTimeZoneField: 'Time_Zone__c',
            contactCountryField: '',
            contactStateField: 'Mailing State'
        });
        expect(read.settings).toMatchObject({
            contactTimeZoneField: 'Time_Zone__c',
            contactCountryField: 'MailingCountry',
            contactStateField: 'MailingState'
        });
        expect(read.problems.filter((p) => String(p.setting).startsWith('contact'))).toEqual([
            { setting: 'contactStateField', code: 'Invalid', usedInstead: 'MailingState' }
        ]);
    });
});
