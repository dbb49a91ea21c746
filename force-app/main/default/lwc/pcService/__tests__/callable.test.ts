import { callableAt, CallableSelector } from '../callable';
import { DEFAULT_SETTINGS, DestinationKind, RuleMode } from 'c/pcModel';
import type {
    Attempt,
    Callability,
    ComplianceRuleSet,
    Destination,
    DestinationCallable,
    ScreenPop,
    Settings
} from 'c/pcModel';
import { VirtualClock } from 'c/pcVirtualClock';
import {
    central,
    eastern,
    makeAttempt,
    makeDestination,
    makeHistoryPop,
    makeScreenPop,
    withRule
} from 'test-support/fixtures';

const HOUR = 3_600_000;

const MIAMI = '+13055550100';
const CHICAGO = '+13125550100';

const phone = (id: string, value: string, over: Partial<Destination> = {}): Destination =>
    makeDestination({ id, value, ...over });

const popOf = (
    destinations: readonly Destination[],
    attempts: readonly Attempt[] = [],
    fields: Record<string, string | null> = {},
    timeZone: string | null = null
): ScreenPop => makeHistoryPop({ destinations, attempts, fields, timeZone });

/** The default settings with one rule set changed. */
const settingsWithRule = (name: string, over: Partial<ComplianceRuleSet>): Settings => ({
    ...DEFAULT_SETTINGS,
    ruleSets: withRule(name, over)
});

const attemptAt = (destinationId: string, at: number, number = 1): Attempt => makeAttempt(destinationId, at, number);

const NOW_: DestinationCallable = { status: 'Now', reason: null, from: null, zone: null };

interface Row {
    readonly name: string;
    readonly pop: ScreenPop;
    readonly settings: Settings;
    readonly at: number;
    readonly expected: DestinationCallable;
}

const FLORIDA_WINDOW = { kind: 'Window', rule: 'Florida' } as const;
const FEDERAL_WINDOW = { kind: 'Window', rule: 'US federal law' } as const;
const NY = 'America/New_York';

const rows: Row[] = [
    {
        name: 'a Florida number at 7:59 AM is callable from 8:00 AM (Florida hours)',
        pop: popOf([phone('p', MIAMI)]),
        settings: DEFAULT_SETTINGS,
        at: eastern(7, 59),
        expected: { status: 'Later', reason: FLORIDA_WINDOW, from: eastern(8), zone: NY }
    },
    {
        name: 'a Florida number at 8:00 AM is callable now',
        pop: popOf([phone('p', MIAMI)]),
        settings: DEFAULT_SETTINGS,
        at: eastern(8),
        expected: NOW_
    },
    {
        name: 'a Florida number at 7:59 PM is callable now',
        pop: popOf([phone('p', MIAMI)]),
        settings: DEFAULT_SETTINGS,
        at: eastern(19, 59),
        expected: NOW_
    },
    {
        name: 'a Florida number at 8:30 PM waits for 8:00 AM the next day (Florida hours)',
        pop: popOf([phone('p', MIAMI)]),
        settings: DEFAULT_SETTINGS,
        at: eastern(20, 30),
        expected: { status: 'Later', reason: FLORIDA_WINDOW, from: eastern(8) + 24 * HOUR, zone: NY }
    },
    {
        name: 'Florida turned off: a Florida number at 8:30 PM is callable under US federal hours',
        pop: popOf([phone('p', MIAMI)]),
        settings: settingsWithRule('US_Florida', { active: false }),
        at: eastern(20, 30),
        expected: NOW_
    },
    {
        name: 'Florida set to warn: 8:30 PM is callable with a warning until 8:00 AM',
        pop: popOf([phone('p', MIAMI)]),
        settings: settingsWithRule('US_Florida', { mode: RuleMode.Warn }),
        at: eastern(20, 30),
        expected: { status: 'Warn', reason: FLORIDA_WINDOW, from: eastern(8) + 24 * HOUR, zone: NY }
    },
    {
        name: 'a Chicago number at 9:00 PM Central waits for US federal hours',
        pop: popOf([phone('p', CHICAGO)]),
        settings: DEFAULT_SETTINGS,
        at: central(21),
        expected: {
            status: 'Later',
            reason: FEDERAL_WINDOW,
            from: central(8) + 24 * HOUR,
            zone: 'America/Chicago'
        }
    },
    {
        name: "the Contact's state (MailingState Florida) puts a Chicago number under Florida's hours",
        pop: popOf([phone('p', CHICAGO)], [], { MailingState: 'Florida', MailingCountry: 'US' }),
        settings: DEFAULT_SETTINGS,
        at: central(20, 30),
        expected: {
            status: 'Later',
            reason: FLORIDA_WINDOW,
            from: central(8) + 24 * HOUR,
            zone: 'America/Chicago'
        }
    },
    {
        name: "the record's zone wins over the number's: a Miami number of a contact in Los Angeles at 7:00 AM Pacific",
        pop: popOf([phone('p', MIAMI)], [], {}, 'America/Los_Angeles'),
        settings: DEFAULT_SETTINGS,
        at: Date.UTC(2026, 0, 6, 15),
        expected: {
            status: 'Later',
            reason: FLORIDA_WINDOW,
            from: Date.UTC(2026, 0, 6, 16),
            zone: 'America/Los_Angeles'
        }
    },
    {
        name: 'the 4th call to a Florida contact in 24 h waits until the first leaves the window',
        pop: popOf(
            [phone('p', MIAMI), phone('m', '+13055550199')],
            [attemptAt('p', eastern(9)), attemptAt('m', eastern(10)), attemptAt('p', eastern(11), 2)]
        ),
        settings: DEFAULT_SETTINGS,
        at: eastern(12),
        expected: {
            status: 'Later',
            reason: { kind: 'Limit', rule: 'Florida', limit: 3, hours: 24 },
            from: eastern(9) + 24 * HOUR,
            zone: NY
        }
    },
    {
        name: 'the 3rd call to a Florida contact in 24 h is callable now',
        pop: popOf([phone('p', MIAMI)], [attemptAt('p', eastern(9)), attemptAt('p', eastern(10), 2)]),
        settings: DEFAULT_SETTINGS,
        at: eastern(12),
        expected: NOW_
    },
    {
        name: "the dialer's own reason wins: an Exhausted destination is not callable",
        pop: popOf([phone('p', MIAMI, { unavailableReason: 'Exhausted' })]),
        settings: DEFAULT_SETTINGS,
        at: eastern(12),
        expected: { status: 'No', reason: { kind: 'Dialer', reason: 'Exhausted' }, from: null, zone: null }
    },
    {
        name: 'a destination the dialer marks DNC is never callable, with the dialer named',
        pop: popOf([phone('p', MIAMI, { unavailableReason: 'DNC' })]),
        settings: DEFAULT_SETTINGS,
        at: eastern(12),
        expected: { status: 'No', reason: { kind: 'Dialer', reason: 'DNC' }, from: null, zone: null }
    },
    {
        name: 'a UK number is under no shipped rule: callable now at any hour',
        pop: popOf([phone('p', '+442079460000')]),
        settings: DEFAULT_SETTINGS,
        at: Date.UTC(2026, 0, 6, 3),
        expected: NOW_
    }
];

describe('pcService callable (CP-4)', () => {
    it.each(rows.map((r) => [r.name, r] as const))('CP-4 %s', (_name, row) => {
        const result = callableAt(row.pop, row.settings, row.at);
        expect(result?.p).toEqual(row.expected);
    });

    it('CP-4 answers for every phone destination and none for an email one', () => {
        const pop = popOf([
            phone('p', MIAMI),
            phone('m', CHICAGO, { unavailableReason: 'Presented' }),
            { ...phone('e', 'ada@example.com'), kind: DestinationKind.Email }
        ]);
        const result = callableAt(pop, DEFAULT_SETTINGS, eastern(12)) as Callability;
        expect(Object.keys(result).sort()).toEqual(['m', 'p']);
        expect(result.m?.status).toBe('No');
    });

    it('CP-4 is null without an Attempts History', () => {
        expect(callableAt(null, DEFAULT_SETTINGS, eastern(12))).toBeNull();
        expect(callableAt(makeScreenPop({ attemptsHistory: null }), DEFAULT_SETTINGS, eastern(12))).toBeNull();
    });

    it('CP-4 built from Salesforce records, only the rules answer (no dialer reasons are known)', () => {
        const pop = makeScreenPop({
            attemptsHistory: {
                recordId: 'rec-1',
                destinations: [phone('p', MIAMI)],
                attempts: [],
                source: 'Salesforce'
            }
        });
        expect(callableAt(pop, DEFAULT_SETTINGS, eastern(7))?.p?.status).toBe('Later');
    });
});

describe('CallableSelector (CP-4 as the clock moves)', () => {
    it('CP-4 keeps one answer object while it holds and changes it when the window opens, on a virtual clock', () => {
        const clock = new VirtualClock(eastern(7, 58));
        const selector = new CallableSelector();
        const pop = popOf([phone('p', MIAMI)]);
        const first = selector.select(pop, DEFAULT_SETTINGS, clock.now());
        expect(first?.p?.status).toBe('Later');
        clock.advance(30_000);
        expect(selector.select(pop, DEFAULT_SETTINGS, clock.now())).toBe(first);
        clock.advance(60_000);
        // 7:59:30: a new minute, the same answer: the same object.
        expect(selector.select(pop, DEFAULT_SETTINGS, clock.now())).toBe(first);
        clock.advance(30_000);
        const open = selector.select(pop, DEFAULT_SETTINGS, clock.now());
        expect(open).not.toBe(first);
        expect(open?.p).toEqual(NOW_);
    });

    it('CP-4 answers again when the settings change (a rule set turned off)', () => {
        const selector = new CallableSelector();
        const pop = popOf([phone('p', MIAMI)]);
        const at = eastern(20, 30);
        expect(selector.select(pop, DEFAULT_SETTINGS, at)?.p?.status).toBe('Later');
        expect(selector.select(pop, settingsWithRule('US_Florida', { active: false }), at)?.p?.status).toBe('Now');
    });

    it('CP-4 a limit freeing between minutes is seen at once', () => {
        const selector = new CallableSelector();
        const first = eastern(9, 0) + 30_000;
        const pop = popOf(
            [phone('p', MIAMI)],
            [attemptAt('p', first), attemptAt('p', eastern(10), 2), attemptAt('p', eastern(11), 3)]
        );
        const freed = first + 24 * HOUR;
        expect(selector.select(pop, DEFAULT_SETTINGS, freed - 1)?.p?.status).toBe('Later');
        expect(selector.select(pop, DEFAULT_SETTINGS, freed)?.p?.status).toBe('Now');
    });

    it('CP-4 no answer without a pop', () => {
        expect(new CallableSelector().select(null, DEFAULT_SETTINGS, eastern(9))).toBeNull();
    });
});
