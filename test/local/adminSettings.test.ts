/** LC-2 CP-5: the Dialer simulator panel's admin settings, as the change each control makes to them. */
import {
    adminChange,
    dncChoices,
    MAX_PREVIEW_TIMEOUT_S,
    previewTimeoutOf,
    ruleSetRows,
    wrapUpView
} from '../../local/lwc/local/simulatorPanel/adminSettings';
import type { LocalAdmin } from '../../local/simulator';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import { parseSettings } from 'c/pcSettings';

const ADMIN: LocalAdmin = {
    defaultDeliverTo: DEFAULT_SETTINGS.defaultDeliverTo,
    contactTimeZoneField: DEFAULT_SETTINGS.contactTimeZoneField,
    contactCountryField: DEFAULT_SETTINGS.contactCountryField,
    contactStateField: DEFAULT_SETTINGS.contactStateField,
    ruleSets: DEFAULT_SETTINGS.ruleSets,
    wrapUpLimitSeconds: DEFAULT_SETTINGS.wrapUpLimitSeconds,
    wrapUpSkillLimits: DEFAULT_SETTINGS.wrapUpSkillLimits,
    wrapUpDefaultDisposition: DEFAULT_SETTINGS.wrapUpDefaultDisposition,
    wrapUpAtZero: DEFAULT_SETTINGS.wrapUpAtZero,
    notesRequiredDispositions: DEFAULT_SETTINGS.notesRequiredDispositions
};

const florida = (admin: LocalAdmin | null) => admin?.ruleSets.find((r) => r.name === 'US_Florida');
const rule = (field: string) => ({ rule: 'US_Florida', field });

describe('simulator panel admin settings (LC-2, CP-5)', () => {
    it.each<[string, { rule?: string; field?: string; key?: string; id?: string }, string | boolean, unknown]>([
        ['Florida off', rule('active'), false, { active: false }],
        ['Florida to Warn', rule('mode'), 'Warn', { mode: 'Warn' }],
        ['Florida calls from 09:30', rule('windowStart'), '09:30', { windowStartMinute: 570 }],
        ['Florida calls until 19:00', rule('windowEnd'), '19:00', { windowEndMinute: 1140 }],
        ['Florida without a window start', rule('windowStart'), '', { windowStartMinute: null }],
        ['Florida 2 calls per number', rule('perDestinationLimit'), '2', { perDestinationLimit: 2 }],
        ['Florida no per-contact limit', rule('perContactLimit'), '', { perContactLimit: null }],
        ['Florida limits over 48 hours', rule('limitWindowHours'), '48', { limitWindowHours: 48 }]
    ])('CP-5 %s', (_name, ref, value, expected) => {
        const next = adminChange(ADMIN, ref, value);
        expect(florida(next)).toMatchObject(expected as object);
        // The other rule sets are untouched.
        expect(next?.ruleSets.filter((r) => r.name !== 'US_Florida')).toEqual(
            ADMIN.ruleSets.filter((r) => r.name !== 'US_Florida')
        );
    });

    it.each<[string, { rule?: string; field?: string; key?: string; id?: string }, string | boolean]>([
        ['an unknown mode', rule('mode'), 'Sometimes'],
        ['a limit that is not a whole number', rule('perContactLimit'), '2.5'],
        ['an empty limit window', rule('limitWindowHours'), ''],
        ['an unknown rule set', { rule: 'US_Atlantis', field: 'active' }, true],
        ['an unknown field', rule('colour'), 'red'],
        ['an unknown deliver-to', { key: 'defaultDeliverTo' }, 'Nobody'],
        ['a wrap-up limit in words', { key: 'wrapUpLimitSeconds' }, 'thirty'],
        ['an unknown at-zero choice', { key: 'wrapUpAtZero' }, 'Explode'],
        ['a skill limit without its skill', { key: 'wrapUpSkillLimits' }, '30'],
        ['an unknown setting', { key: 'somethingElse' }, 'x']
    ])('LC-2 refuses %s and changes nothing', (_name, ref, value) => {
        expect(adminChange(ADMIN, ref, value)).toBeNull();
    });

    it('LC-2 sets deliver-to, the place fields and every wrap-up setting, and the console parses them unchanged', () => {
        let admin: LocalAdmin = ADMIN;
        const steps: Array<[{ key: string; id?: string }, string | boolean]> = [
            [{ key: 'defaultDeliverTo' }, 'Skill'],
            [{ key: 'contactTimeZoneField' }, 'TimeZone__c'],
            [{ key: 'contactStateField' }, 'OtherState'],
            [{ key: 'wrapUpLimitSeconds' }, '45'],
            [{ key: 'wrapUpSkillLimits', id: 'skill-collections' }, '90'],
            [{ key: 'wrapUpDefaultDisposition' }, 'disp-paid'],
            [{ key: 'wrapUpAtZero' }, 'Unavailable'],
            [{ key: 'notesRequiredDispositions', id: 'disp-paid' }, true]
        ];
        for (const [ref, value] of steps) admin = adminChange(admin, ref, value) ?? admin;
        expect(admin).toMatchObject({
            defaultDeliverTo: 'Skill',
            contactTimeZoneField: 'TimeZone__c',
            contactStateField: 'OtherState',
            wrapUpLimitSeconds: 45,
            wrapUpSkillLimits: { 'skill-collections': 90 },
            wrapUpDefaultDisposition: 'disp-paid',
            wrapUpAtZero: 'Unavailable',
            notesRequiredDispositions: ['disp-paid']
        });
        const parsed = parseSettings({ ...DEFAULT_SETTINGS, ...admin });
        expect(parsed.problems).toEqual([]);
        expect(parsed.settings).toMatchObject(admin);
        // Cleared again: the skill's own limit and the notes rule go.
        admin = adminChange(admin, { key: 'wrapUpSkillLimits', id: 'skill-collections' }, '') ?? admin;
        admin = adminChange(admin, { key: 'notesRequiredDispositions', id: 'disp-paid' }, false) ?? admin;
        expect(admin.wrapUpSkillLimits).toEqual({});
        expect(admin.notesRequiredDispositions).toEqual([]);
    });

    it('CP-5 a window the parser rejects is reported by the console, which keeps the shipped rule', () => {
        const admin = adminChange(ADMIN, rule('windowStart'), '21:00');
        const parsed = parseSettings({ ...DEFAULT_SETTINGS, ...admin });
        expect(parsed.problems).toEqual([
            { setting: 'ruleSets.US_Florida.windowEnd', code: 'OutOfRange', usedInstead: 'shipped' }
        ]);
        expect(florida({ ...ADMIN, ruleSets: parsed.settings.ruleSets })?.windowStartMinute).toBe(8 * 60);
    });

    it('LC-2 shows every rule set with its values and names each control by its rule set', () => {
        const rows = ruleSetRows(DEFAULT_SETTINGS.ruleSets);
        expect(rows.map((r) => r.activeLabel)).toEqual([
            'US federal law on',
            'Florida on',
            'Oklahoma on',
            'Regulation F on'
        ]);
        expect(rows[1]).toMatchObject({
            active: true,
            modeLabel: 'Florida mode',
            from: '08:00',
            until: '20:00',
            perNumber: '',
            perContact: '3',
            hours: '24'
        });
        expect(rows[1]?.modes.find((m) => m.selected)?.value).toBe('Block');
        // Each rule set's checkbox has an id of its own, so its label names it alone.
        expect(new Set(rows.map((r) => r.activeId)).size).toBe(rows.length);
        expect(rows[3]).toMatchObject({ active: false, from: '', until: '', perContact: '7', hours: '168' });
    });

    it('LC-2 wrap-up choices name the skills and dispositions; the Do Not Call list offers the contact numbers', () => {
        const view = wrapUpView(
            { ...ADMIN, wrapUpSkillLimits: { 'skill-a': 60 }, notesRequiredDispositions: ['d-2'] },
            {
                skills: [
                    { id: 'skill-a', label: 'PC A' },
                    { id: 'skill-b', label: 'PC B' }
                ],
                dispositions: [
                    { id: 'd-1', label: 'Paid', dialerRequiresNotes: false },
                    { id: 'd-2', label: 'Refused', dialerRequiresNotes: false },
                    { id: 'd-3', label: 'Promise to pay', dialerRequiresNotes: true }
                ]
            }
        );
        expect(view.skills).toEqual([
            { id: 'skill-a', label: 'PC A wrap-up limit (seconds)', limit: '60' },
            { id: 'skill-b', label: 'PC B wrap-up limit (seconds)', limit: '' }
        ]);
        expect(view.defaults.map((d) => d.label)).toEqual(['None', 'Paid', 'Refused', 'Promise to pay']);
        // WU-1: one the dialer requires notes for shows so, checked and fixed: the admin's rule only adds to it.
        expect(view.notes.map((n) => [n.label, n.checked, n.disabled])).toEqual([
            ['Paid requires notes', false, false],
            ['Refused requires notes', true, false],
            ['Promise to pay requires notes (set by the dialer)', true, true]
        ]);
        const numbers = [
            { id: 'p', label: 'PhoneNumber +13055550100' },
            { id: 'm', label: 'Mobile +16175550100' }
        ];
        expect(dncChoices(numbers, '').map((o) => o.selected)).toEqual([true, false]);
        expect(dncChoices(numbers, 'm').map((o) => o.selected)).toEqual([false, true]);
    });

    it('BX-6 LC-2 the preview timeout is whole seconds from 1 to an hour, or empty for none; anything else is refused in words', () => {
        expect(previewTimeoutOf('')).toEqual({ seconds: null });
        expect(previewTimeoutOf('   ')).toEqual({ seconds: null });
        expect(previewTimeoutOf('1')).toEqual({ seconds: 1 });
        expect(previewTimeoutOf(' 30 ')).toEqual({ seconds: 30 });
        expect(previewTimeoutOf(String(MAX_PREVIEW_TIMEOUT_S))).toEqual({ seconds: 3600 });
        const refused = { error: 'Enter whole seconds from 1 to 3600, or leave it empty for no timeout.' };
        for (const typed of ['0', '3601', '-5', '2.5', '1e2', 'thirty', '30s'])
            expect(previewTimeoutOf(typed)).toEqual(refused);
    });
});
