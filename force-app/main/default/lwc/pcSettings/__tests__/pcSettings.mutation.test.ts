// The boundaries of each setting check, which mutation testing showed no suite pinned down: the first and last
// accepted values, the anchors of each pattern, and what the admin is told instead.
import { parseSettings } from 'c/pcSettings';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { SettingsProblem } from 'c/pcModel';

const GOOD = Object.freeze({
    linesPerAgent: 2,
    previewEnabled: true,
    rescheduleEnabled: true,
    screenPopsEnabled: true,
    attemptsHistoryEnabled: true,
    defaultDeliverTo: 'Me',
    callingHoursGuard: 'Warn',
    callingHoursStartMinute: 8 * 60,
    callingHoursEndMinute: 21 * 60,
    notesMaxLength: 500,
    dialerAdapter: 'Simulated',
    dialerEndpoint: '',
    valueOne: { label: 'Region', source: 'ContactField', field: 'Region__r.Code__c' },
    valueTwo: { label: 'Plan', source: 'DialerField', field: 'PlanName' }
});

/** The problems of GOOD with `changes` applied. */
function problemsWith(changes: Record<string, unknown>): readonly SettingsProblem[] {
    return parseSettings({ ...GOOD, ...changes }).problems;
}

const settingsOf = (changes: Record<string, unknown>) => parseSettings({ ...GOOD, ...changes }).settings;

describe('pcSettings boundaries', () => {
    it('AD-2 the good base configuration has no problem', () => {
        expect(problemsWith({})).toEqual([]);
    });

    it('AD-3 a list where the settings record belongs is reported once, and the defaults are used', () => {
        const { settings, problems } = parseSettings([GOOD]);
        expect(problems).toEqual([{ setting: 'settings', code: 'Invalid', usedInstead: 'defaults' }]);
        expect(settings).toBe(DEFAULT_SETTINGS);
    });

    it('AD-2 accepts one line per agent, the least the dialer supports', () => {
        expect(problemsWith({ linesPerAgent: 1 })).toEqual([]);
        expect(settingsOf({ linesPerAgent: 1 }).linesPerAgent).toBe(1);
    });

    it('AD-3 a calling window may start at minute 0 but not at minute 1440, and may not be empty', () => {
        expect(problemsWith({ callingHoursStartMinute: 0 })).toEqual([]);
        expect(problemsWith({ callingHoursStartMinute: 24 * 60 })).toContainEqual(
            expect.objectContaining({ setting: 'callingHoursStartMinute', code: 'OutOfRange' })
        );
        expect(problemsWith({ callingHoursStartMinute: 600, callingHoursEndMinute: 600 })).toEqual([
            { setting: 'callingHoursEndMinute', code: 'OutOfRange', usedInstead: String(21 * 60) }
        ]);
    });

    it('AD-3 a Value one given only as a flat label reports its missing source, not the whole value', () => {
        const raw: Record<string, unknown> = { ...GOOD, valueOneLabel: 'Region' };
        delete raw.valueOne;
        expect(parseSettings(raw).problems).toEqual([
            { setting: 'valueOne.source', code: 'Missing', usedInstead: DEFAULT_SETTINGS.valueOne.source }
        ]);
    });

    it('AD-3 a missing Value one says which label and field are used instead', () => {
        const raw: Record<string, unknown> = { ...GOOD };
        delete raw.valueOne;
        const { label, field } = DEFAULT_SETTINGS.valueOne;
        expect(parseSettings(raw).problems).toEqual([
            { setting: 'valueOne', code: 'Missing', usedInstead: `${label} (${field})` }
        ]);
    });

    it('AD-2 a value label is trimmed, may be 80 characters, and may not be blank or longer', () => {
        const field = { source: 'DialerField', field: 'PlanName' };
        expect(settingsOf({ valueTwo: { ...field, label: '  Plan  ' } }).valueTwo.label).toBe('Plan');
        expect(problemsWith({ valueTwo: { ...field, label: 'x'.repeat(80) } })).toEqual([]);
        for (const label of ['   ', 'x'.repeat(81)]) {
            expect(problemsWith({ valueTwo: { ...field, label } })).toEqual([
                { setting: 'valueTwo.label', code: 'Invalid', usedInstead: DEFAULT_SETTINGS.valueTwo.label }
            ]);
        }
    });

    it('AD-3 a dialer field is a plain column name: a relationship path is an unknown field there', () => {
        expect(problemsWith({ valueTwo: { label: 'Plan', source: 'DialerField', field: 'Account.Name' } })).toEqual([
            { setting: 'valueTwo.field', code: 'UnknownField', usedInstead: DEFAULT_SETTINGS.valueTwo.field }
        ]);
    });

    it('AD-2 the dialer endpoint is a whole https URL, with or without a port or path', () => {
        for (const ok of ['https://api.example.com', 'https://api.example.com:8443/v1/x']) {
            expect(settingsOf({ dialerEndpoint: ok }).dialerEndpoint).toBe(ok);
        }
        for (const bad of ['xhttps://api.example.com', 'https://api.example.com/a b', 'https://api.example.com:84a3']) {
            expect(problemsWith({ dialerEndpoint: bad })).toEqual([
                { setting: 'dialerEndpoint', code: 'Invalid', usedInstead: '' }
            ]);
        }
    });

    it('AD-3 a sign-in URL may be 255 characters long, not 256', () => {
        const host = (length: number) => `https://${'a'.repeat(length - 'https://.com'.length)}.com`;
        expect(host(255)).toHaveLength(255);
        expect(settingsOf({ cxoneAuthHost: host(255) }).cxoneAuthHost).toBe(host(255));
        expect(problemsWith({ cxoneAuthHost: host(256) })).toEqual([
            { setting: 'cxoneAuthHost', code: 'Invalid', usedInstead: '' }
        ]);
    });

    it("AD-3 the server's own problems are kept when well formed and dropped otherwise", () => {
        const problems = [
            null,
            { setting: 'linesPerAgent', code: 'OutOfRange', usedInstead: 'x'.repeat(200) },
            { setting: 'notesMaxLength', code: 'Invalid', usedInstead: 'x'.repeat(201) },
            { setting: '1linesPerAgent', code: 'Invalid', usedInstead: '1' },
            { setting: 'lines PerAgent', code: 'Invalid', usedInstead: '1' }
        ];
        expect(problemsWith({ problems })).toEqual([
            { setting: 'linesPerAgent', code: 'OutOfRange', usedInstead: 'x'.repeat(200) }
        ]);
    });

    it('AD-3 a problem both the server and the console found is reported once', () => {
        const problems = [{ setting: 'linesPerAgent', code: 'OutOfRange', usedInstead: '1' }];
        expect(problemsWith({ linesPerAgent: 9, problems })).toEqual([
            { setting: 'linesPerAgent', code: 'OutOfRange', usedInstead: String(DEFAULT_SETTINGS.linesPerAgent) }
        ]);
    });
});
