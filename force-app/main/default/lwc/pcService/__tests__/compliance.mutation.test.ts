/**
 * CP-1, CP-3, RS-6 at the edges of the service's compliance gate (compliance.ts), through its exported functions
 * with a console state built by hand: whose facts a check uses, what a refusal names, how a warning is confirmed and
 * logged, the calling window and the next callable quarter hour.
 */
import { DEFAULT_RULE_SETS, DEFAULT_SETTINGS, Outcome, RuleMode } from 'c/pcModel';
import type {
    Call,
    Callback,
    ComplianceFinding,
    ComplianceRuleSet,
    ComplianceVerdict,
    ConsoleState,
    FieldIssue,
    Interaction,
    RescheduleValidation
} from 'c/pcModel';
import {
    callbackNotice,
    callingWindowOf,
    checkBareNumber,
    checkRecord,
    gate,
    nextCallableAt,
    noticeOf,
    OverrideBook,
    overrideNote,
    withCompliance,
    withOverride
} from '../compliance';
import {
    central,
    makeAttempt,
    makeCall,
    makeDestination,
    makeHistoryPop,
    makeRecord,
    makeState,
    withRule
} from 'test-support/fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CHICAGO = '+13125550100';
const MIAMI = '+13055550100';
const FLORIDA_FIELDS = { MailingState: 'Florida', MailingCountry: 'US' };

const record = makeRecord({ id: 'rec-1', timeZone: 'America/Chicago' });

function stateWith(
    over: {
        fields?: Record<string, string | null>;
        forRecord?: string;
        ruleSets?: readonly ComplianceRuleSet[];
        attemptsAt?: readonly number[];
    } = {}
): ConsoleState {
    const pop = makeHistoryPop({
        recordId: over.forRecord ?? 'rec-1',
        timeZone: 'America/Chicago',
        fields: over.fields ?? {},
        destinations: [makeDestination({ description: 'Phone', value: CHICAGO })],
        attempts: (over.attemptsAt ?? []).map((at, i) => ({
            ...makeAttempt('d-1', at, i + 1),
            destinationDescription: 'Phone'
        }))
    });
    return makeState({
        screenPop: pop,
        settings: { ...DEFAULT_SETTINGS, ruleSets: over.ruleSets ?? DEFAULT_RULE_SETS }
    });
}

function finding(over: Partial<ComplianceFinding>): ComplianceFinding {
    return {
        kind: 'Window',
        mode: RuleMode.Block,
        rule: 'US_Federal',
        ruleLabel: 'US federal law',
        zone: 'America/Chicago',
        nextAt: central(8),
        windowStartMinute: 480,
        windowEndMinute: 1260,
        limit: null,
        counted: null,
        limitWindowHours: null,
        ...over
    };
}

const logged = (at: number, attempt: boolean): Interaction => ({
    id: `i-${at}`,
    at,
    subject: 'Call',
    type: 'Call',
    outcome: null,
    notes: null,
    attempt: attempt ? { number: MIAMI, outcome: Outcome.NoAnswer } : null
});

describe('CP-1 whose facts a check reads', () => {
    it('CP-1 the pop of the same record lends its Contact`s place: a Chicago number of a Florida contact at 8:30 PM is refused under Florida', () => {
        const v = checkRecord(stateWith({ fields: FLORIDA_FIELDS }), record, CHICAGO, central(20, 30));
        expect(v.verdict).toBe('Block');
        expect(v.findings.map((f) => f.rule)).toEqual(['US_Florida']);
    });

    it('CP-1 the pop of another record lends nothing: the same call is allowed under federal hours', () => {
        const state = stateWith({ fields: FLORIDA_FIELDS, forRecord: 'rec-2' });
        expect(checkRecord(state, record, CHICAGO, central(20, 30)).verdict).toBe('Allowed');
    });

    it('CP-1 the pop`s Attempts History counts toward a limit only for its own record', () => {
        const attemptsAt = [central(9), central(10), central(11)];
        const mine = checkRecord(stateWith({ fields: FLORIDA_FIELDS, attemptsAt }), record, CHICAGO, central(12));
        expect(mine.verdict).toBe('Block');
        expect(mine.findings.map((f) => f.kind)).toEqual(['ContactLimit']);
        const other = stateWith({ fields: FLORIDA_FIELDS, attemptsAt, forRecord: 'rec-2' });
        expect(checkRecord(other, record, CHICAGO, central(12)).verdict).toBe('Allowed');
    });
});

describe('CP-1 a number with no calling record behind it', () => {
    const state = makeState();

    it('CP-1 the Tasks logged for attempts count toward the limit; other Tasks do not', () => {
        const three = [logged(central(9), true), logged(central(10), true), logged(central(11), true)];
        const blocked = checkBareNumber(state, MIAMI, central(12), null, three);
        expect(blocked.verdict).toBe('Block');
        expect(blocked.findings.map((f) => [f.rule, f.kind])).toEqual([['US_Florida', 'ContactLimit']]);
        expect(blocked.nextAllowedAt).toBe(central(9) + 24 * HOUR);
        const two = [logged(central(9), true), logged(central(10), true), logged(central(11), false)];
        expect(checkBareNumber(state, MIAMI, central(12), null, two).verdict).toBe('Allowed');
        expect(checkBareNumber(state, MIAMI, central(12)).verdict).toBe('Allowed');
    });

    it('CP-1 the Contact`s fields, when known, place the number: Florida hours for a Chicago number', () => {
        expect(checkBareNumber(state, CHICAGO, central(20, 30), FLORIDA_FIELDS).verdict).toBe('Block');
        expect(checkBareNumber(state, CHICAGO, central(20, 30), null).verdict).toBe('Allowed');
    });
});

describe('CP-3 the notice and the gate', () => {
    const block = finding({});
    const warn = finding({ mode: RuleMode.Warn, rule: 'US_Florida', ruleLabel: 'Florida', kind: 'ContactLimit' });

    it('CP-3 an allowed call has no notice and goes on with nothing overridden', () => {
        const allowed: ComplianceVerdict = { verdict: 'Allowed', findings: [], nextAllowedAt: central(9) };
        expect(noticeOf(allowed, central(9))).toBeNull();
        expect(gate(allowed, central(9), false)).toEqual({ go: true, overridden: null });
        expect(gate(allowed, central(9), true)).toEqual({ go: true, overridden: null });
    });

    it('CP-3 a Block names only its blocking rules, at the instant asked, and never goes on, confirmed or not', () => {
        const v: ComplianceVerdict = { verdict: 'Block', findings: [warn, block], nextAllowedAt: central(8) };
        const notice = noticeOf(v, central(7));
        expect(notice).toEqual({ verdict: 'Block', findings: [block], at: central(7), nextAllowedAt: central(8) });
        expect(Object.isFrozen(notice)).toBe(true);
        expect(gate(v, central(7), true)).toEqual({ go: false, notice });
        expect(gate(v, central(7), false)).toEqual({ go: false, notice });
    });

    it('CP-3 a Warn names every rule and goes on only once the agent confirms, carrying what was overridden', () => {
        const v: ComplianceVerdict = { verdict: 'Warn', findings: [warn, block], nextAllowedAt: null };
        const notice = noticeOf(v, central(7));
        expect(notice).toEqual({ verdict: 'Warn', findings: [warn, block], at: central(7), nextAllowedAt: null });
        expect(gate(v, central(7), false)).toEqual({ go: false, notice });
        expect(gate(v, central(7), true)).toEqual({ go: true, overridden: notice });
    });

    it('CP-3 the override line names each rule by label, developer name and kind', () => {
        const notice = noticeOf({ verdict: 'Warn', findings: [block, warn], nextAllowedAt: null }, central(7))!;
        expect(overrideNote(notice)).toBe(
            '[Compliance override] US federal law (US_Federal: Window); Florida (US_Florida: ContactLimit)'
        );
    });

    it('CP-3 the override line follows the agent`s notes, or stands alone', () => {
        expect(withOverride('Spoke', '[Compliance override] X')).toBe('Spoke\n[Compliance override] X');
        expect(withOverride('', '[Compliance override] X')).toBe('[Compliance override] X');
        expect(withOverride('Spoke', undefined)).toBe('Spoke');
        expect(withOverride('Spoke', '')).toBe('Spoke');
    });
});

describe('CP-3 the overrides waiting for their Task', () => {
    const notice = noticeOf(
        { verdict: 'Warn', findings: [finding({ mode: RuleMode.Warn })], nextAllowedAt: null },
        central(7)
    )!;
    const line = '[Compliance override] US federal law (US_Federal: Window)';
    const call: Call = makeCall({ id: 'call-9', number: CHICAGO, record: makeRecord({ id: 'rec-9' }) });

    it('CP-3 a confirmed warning is found by call id, record id or number, and forgotten under all three once logged', () => {
        for (const key of ['call-9', 'rec-9', `n:${CHICAGO}`]) {
            const book = new OverrideBook();
            book.keep({ go: true, overridden: notice }, key);
            expect(book.of(call)).toBe(line);
            book.forget(call);
            expect(book.of(call)).toBeUndefined();
        }
    });

    it('CP-3 nothing is kept for a refusal or a call with nothing overridden', () => {
        const book = new OverrideBook();
        book.keep({ go: false, notice }, 'call-9');
        book.keep({ go: true, overridden: null }, 'rec-9');
        expect(book.of(call)).toBeUndefined();
    });

    it('CP-3 forgetting one call keeps another`s override', () => {
        const book = new OverrideBook();
        book.keep({ go: true, overridden: notice }, 'call-1');
        book.forget(call);
        expect(book.of(makeCall({ id: 'call-1' }))).toBe(line);
    });
});

describe('RS-6 the calling window and the next callable instant', () => {
    it('RS-6 a Florida contact`s window is the narrowest of the federal and Florida ones, naming both', () => {
        expect(callingWindowOf(stateWith({ fields: FLORIDA_FIELDS }), record, CHICAGO, central(12))).toEqual({
            startMinute: 480,
            endMinute: 1200,
            rules: ['US federal law', 'Florida']
        });
    });

    it('RS-6 the latest opening wins and a rule with no whole window is left out', () => {
        const ruleSets: ComplianceRuleSet[] = [
            ...withRule('US_Federal', { windowStartMinute: 540 }),
            { ...DEFAULT_RULE_SETS[0]!, name: 'Half', label: 'Half', windowStartMinute: 600, windowEndMinute: null },
            {
                ...DEFAULT_RULE_SETS[0]!,
                name: 'Other half',
                label: 'Other half',
                windowStartMinute: null,
                windowEndMinute: 600
            },
            { ...DEFAULT_RULE_SETS[0]!, name: 'Early', label: 'Early', windowStartMinute: 420, windowEndMinute: 1320 }
        ];
        expect(callingWindowOf(stateWith({ ruleSets }), record, CHICAGO, central(12))).toEqual({
            startMinute: 540,
            endMinute: 1260,
            rules: ['US federal law', 'Early']
        });
    });

    it('RS-6 no window where no rule applies (a UK number)', () => {
        const uk = makeRecord({ id: 'rec-3', timeZone: 'Europe/London' });
        expect(callingWindowOf(makeState(), uk, '+442079460000', central(12))).toBeNull();
    });

    it('RS-6 the default is the first quarter hour at least fifteen minutes ahead', () => {
        const state = stateWith();
        expect(nextCallableAt(state, record, CHICAGO, central(12))).toBe(central(12, 15));
        expect(nextCallableAt(state, record, CHICAGO, central(12, 1))).toBe(central(12, 30));
        expect(nextCallableAt(state, record, CHICAGO, central(7, 30))).toBe(central(8));
        expect(nextCallableAt(state, record, CHICAGO, central(20, 50))).toBe(central(8) + 24 * HOUR);
    });

    it('CP-1 RS-6 a warning rule counts too: the default waits for it', () => {
        const state = stateWith({ ruleSets: withRule('US_Federal', { mode: RuleMode.Warn }) });
        expect(nextCallableAt(state, record, CHICAGO, central(7, 30))).toBe(central(8));
    });

    it('RS-6 a limit that frees between quarter hours rounds up to the next one', () => {
        const attemptsAt = [central(9, 7), central(10), central(11)];
        const state = stateWith({ fields: FLORIDA_FIELDS, attemptsAt });
        expect(nextCallableAt(state, record, CHICAGO, central(12))).toBe(central(9, 15) + 24 * HOUR);
    });

    it('RS-6 a number on the Do Not Call list has no default', () => {
        const base = stateWith();
        const history = base.screenPop!.attemptsHistory!;
        const state: ConsoleState = {
            ...base,
            screenPop: {
                ...base.screenPop!,
                attemptsHistory: {
                    ...history,
                    destinations: history.destinations.map((d) => ({ ...d, unavailableReason: 'DNC' as const }))
                }
            }
        };
        expect(nextCallableAt(state, record, CHICAGO, central(12))).toBeNull();
    });
});

describe('CP-1 a reschedule`s validation with the rules', () => {
    const request = { number: CHICAGO, deliverTo: 'Me' as const, timeZone: 'UTC', notes: '' };
    const okAt = (at: number, warnings: RescheduleValidation['warnings'] = []): RescheduleValidation => ({
        ok: true,
        request: { ...request, at },
        warnings,
        contactLocalTime: null,
        contactTimeZone: 'America/Chicago'
    });
    const window = { startMinute: 480, endMinute: 1260, rules: ['US federal law'] };

    it('CP-1 a form already in error keeps its errors and gains the window', () => {
        const base: RescheduleValidation = {
            ok: false,
            errors: [{ field: 'date', code: 'Required', params: {} }],
            warnings: []
        };
        expect(withCompliance(base, stateWith(), record, CHICAGO, central(12))).toEqual({
            ...base,
            callingWindow: window
        });
    });

    it('CP-1 an allowed instant passes with no notice', () => {
        expect(withCompliance(okAt(central(20, 59)), stateWith(), record, CHICAGO, central(12))).toEqual({
            ...okAt(central(20, 59)),
            compliance: null,
            callingWindow: window
        });
    });

    it('CP-1 BX-3 a blocked instant is the time field`s error, keeping the other warnings', () => {
        const other: FieldIssue = { field: 'notes', code: 'NotesTooLong', params: {} };
        const v = withCompliance(okAt(central(21), [other]), stateWith(), record, CHICAGO, central(12));
        expect(v).toMatchObject({
            ok: false,
            errors: [{ field: 'time', code: 'ComplianceBlocked', params: {} }],
            warnings: [other],
            compliance: { verdict: 'Block', at: central(21), nextAllowedAt: central(8) + 24 * HOUR },
            callingWindow: window
        });
    });

    it('CP-3 a warned instant adds the time field`s warning after the others', () => {
        const other: FieldIssue = { field: 'notes', code: 'NotesTooLong', params: {} };
        const state = stateWith({ ruleSets: withRule('US_Federal', { mode: RuleMode.Warn }) });
        const v = withCompliance(okAt(central(21), [other]), state, record, CHICAGO, central(12));
        expect(v).toMatchObject({
            ok: true,
            warnings: [other, { field: 'time', code: 'ComplianceWarning', params: {} }],
            compliance: { verdict: 'Warn' },
            callingWindow: window
        });
    });
});

describe('CP-1 a callback ringing now', () => {
    const callback = (over: Partial<Callback> = {}): Callback =>
        ({
            id: 'cb-1',
            recordId: 'rec-1',
            contactName: 'Ada',
            number: CHICAGO,
            deliverTo: 'Me',
            dueAt: central(20, 30),
            timeZone: 'America/Chicago',
            notes: '',
            ...over
        }) as Callback;

    it('CP-1 the pop of the callback`s record lends its place; another record`s pop does not', () => {
        const state = stateWith({ fields: FLORIDA_FIELDS });
        expect(callbackNotice(state, callback(), central(20, 30))?.findings.map((f) => f.rule)).toEqual(['US_Florida']);
        expect(callbackNotice(state, callback({ recordId: 'rec-2' }), central(20, 30))).toBeNull();
    });

    it('CP-1 a callback outside federal hours is refused; inside them it may ring', () => {
        const state = makeState();
        expect(callbackNotice(state, callback({ recordId: 'rec-2' }), central(21))?.verdict).toBe('Block');
        expect(callbackNotice(state, callback({ recordId: 'rec-2' }), central(12))).toBeNull();
    });

    it('CP-3 a warning on a callback is shown (no one has confirmed it)', () => {
        const state = makeState({
            settings: { ...DEFAULT_SETTINGS, ruleSets: withRule('US_Federal', { mode: RuleMode.Warn }) }
        });
        expect(callbackNotice(state, callback({ recordId: 'rec-2' }), central(21))?.verdict).toBe('Warn');
    });

    it('CP-1 a callback with no usable number has nothing to check', () => {
        const state = makeState();
        expect(callbackNotice(state, callback({ number: '' }), central(21))).toBeNull();
        expect(callbackNotice(state, callback({ number: 42 as unknown as string }), central(21))).toBeNull();
        expect(callbackNotice(state, null as unknown as Callback, central(21))).toBeNull();
    });
});
