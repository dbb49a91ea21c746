import PcAttemptsHistory from 'c/pcAttemptsHistory';
import { DEFAULT_RULE_SETS, DEFAULT_SETTINGS, DestinationKind, RuleMode } from 'c/pcModel';
import type { Callability, Destination, DestinationCallable, Instant, ScreenPop, Settings } from 'c/pcModel';
import { VirtualClock } from 'c/pcVirtualClock';
import { tickNow } from 'c/pcTicker';
import { CallableSelector } from '../../pcService/callable';
import { eastern, HOSTILE, makeDestination, makeScreenPop } from 'test-support/fixtures';
import { cleanup, flush, queryAll, render } from 'test-support/lwc';

const phone = (id: string, value: string, over: Partial<Destination> = {}): Destination =>
    makeDestination({ id, value, cadenceOrder: id.charCodeAt(0), ...over });

// The calling list names no zone: the Miami numbers put the contact in Eastern Time and Florida.
const POP: ScreenPop = makeScreenPop({
    record: { ...makeScreenPop().record, timeZone: null },
    attemptsHistory: {
        recordId: 'rec-1',
        destinations: [
            phone('a', '+13055550100'),
            phone('b', '+13055550101', { unavailableReason: 'Exhausted' }),
            { ...phone('c', 'ada@example.com'), kind: DestinationKind.Email }
        ],
        attempts: []
    }
});

async function mount(callability: ((now: Instant) => Callability | null) | null, clock: () => Instant, pop = POP) {
    return render<HTMLElement & { callability: unknown }>('c-pc-attempts-history', PcAttemptsHistory, {
        history: pop.attemptsHistory,
        showDestinations: true,
        now: clock(),
        clock,
        callability,
        timeZone: 'America/New_York'
    });
}

const callableCells = (el: HTMLElement): string[] =>
    queryAll(el, '[data-col="callable"]').map((c) => (c.textContent ?? '').trim());

const fixed = (answers: Record<string, DestinationCallable>) => (): Callability => answers;

describe('c-pc-attempts-history Callable (CP-4)', () => {
    afterEach(cleanup);

    it('CP-4 shows a Callable column after the seven fields, only when the console answers it', async () => {
        const el = await mount(fixed({}), () => eastern(9));
        const headers = queryAll(el, 'thead th').map((h) => h.textContent);
        expect(headers).toHaveLength(8);
        expect(headers[7]).toBe('Callable');
        cleanup();
        const without = await mount(null, () => eastern(9));
        expect(queryAll(without, 'thead th')).toHaveLength(7);
        expect(callableCells(without)).toEqual([]);
    });

    it.each<[string, DestinationCallable, string]>([
        ['Now', { status: 'Now', reason: null, from: null, zone: null }, 'Now'],
        [
            'Later, the same day',
            { status: 'Later', reason: { kind: 'Window', rule: 'Florida' }, from: eastern(8), zone: 'America/Chicago' },
            'after 7:00 AM Central Time (Florida hours)'
        ],
        [
            'Later, another day',
            {
                status: 'Later',
                reason: { kind: 'Limit', rule: 'Florida', limit: 3, hours: 24 },
                from: eastern(9) + 86_400_000,
                zone: 'America/New_York'
            },
            'after Wed, Jan 7, 9:00 AM Eastern Time (Florida: 3 calls in 24 hours)'
        ],
        [
            'a seven-day limit',
            {
                status: 'Later',
                reason: { kind: 'Limit', rule: 'Regulation F', limit: 7, hours: 168 },
                from: eastern(10),
                zone: 'America/New_York'
            },
            'after 10:00 AM Eastern Time (Regulation F: 7 calls in 7 days)'
        ],
        [
            'Warn',
            { status: 'Warn', reason: { kind: 'Window', rule: 'Florida' }, from: eastern(8), zone: 'America/New_York' },
            'Now, with a warning: Florida hours until 8:00 AM Eastern Time'
        ],
        ['DNC', { status: 'No', reason: { kind: 'Dnc' }, from: null, zone: null }, 'No (Do Not Call)'],
        [
            "the dialer's reason",
            { status: 'No', reason: { kind: 'Dialer', reason: 'Exhausted' }, from: null, zone: null },
            'No (dialer: Exhausted)'
        ]
    ])('CP-4 says %s in plain words', async (_name, answer, text) => {
        const el = await mount(fixed({ a: answer }), () => eastern(7));
        expect(callableCells(el)[0]).toBe(text);
    });

    it('CP-4 a rule name from the data stays text, never HTML', async () => {
        const el = await mount(
            fixed({ a: { status: 'No', reason: { kind: 'Window', rule: HOSTILE }, from: null, zone: null } }),
            () => eastern(7)
        );
        expect(callableCells(el)[0]).toBe(`No (${HOSTILE} hours)`);
        expect(el.shadowRoot?.querySelector('img')).toBeNull();
    });

    it('CP-4 follows the service as the virtual clock moves: Florida before 8 AM, then Now; email has no answer', async () => {
        const clock = new VirtualClock(eastern(7, 59));
        const selector = new CallableSelector();
        const settings: Settings = DEFAULT_SETTINGS;
        const el = await mount(
            (now) => selector.select(POP, settings, now),
            () => clock.now()
        );
        expect(callableCells(el)).toEqual(['after 8:00 AM Eastern Time (Florida hours)', 'No (dialer: Exhausted)', '']);
        const cell = queryAll(el, '[data-col="callable"]')[0];
        expect(cell?.className).toContain('pc-hist__callable-cell_not');
        clock.advance(60_000);
        tickNow();
        await flush();
        expect(callableCells(el)[0]).toBe('Now');
        expect(queryAll(el, '[data-col="callable"]')[0]?.className).not.toContain('pc-hist__callable-cell_not');
        await expect(el).toBeAccessible();
    });

    it('CP-4 Florida set to warn reads as callable with a warning', async () => {
        const selector = new CallableSelector();
        const warn: Settings = {
            ...DEFAULT_SETTINGS,
            ruleSets: DEFAULT_RULE_SETS.map((r) => (r.name === 'US_Florida' ? { ...r, mode: RuleMode.Warn } : r))
        };
        const at = eastern(20, 30);
        const el = await mount(
            (now) => selector.select(POP, warn, now),
            () => at
        );
        expect(callableCells(el)[0]).toBe('Now, with a warning: Florida hours until Wed, Jan 7, 8:00 AM Eastern Time');
    });

    it('CP-4 built from Salesforce records, a destination the rules allow reads Unknown, not Now', async () => {
        const pop = makeScreenPop({
            attemptsHistory: { ...POP.attemptsHistory!, source: 'Salesforce' }
        });
        const selector = new CallableSelector();
        const el = await mount(
            (now) => selector.select(pop, DEFAULT_SETTINGS, now),
            () => eastern(12),
            pop
        );
        expect(callableCells(el)[0]).toBe('Unknown');
    });

    it('CP-4 the tick does not re-render while the answer holds', async () => {
        const clock = new VirtualClock(eastern(12));
        const selector = new CallableSelector();
        let asked = 0;
        const el = await mount(
            (now) => {
                asked += 1;
                return selector.select(POP, DEFAULT_SETTINGS, now);
            },
            () => clock.now()
        );
        const before = queryAll(el, '[data-id="destination"]')[0];
        clock.advance(1000);
        tickNow();
        await flush();
        expect(asked).toBeGreaterThan(1);
        // The same row element and text: nothing was rebuilt.
        expect(queryAll(el, '[data-id="destination"]')[0]).toBe(before);
        expect(callableCells(el)[0]).toBe('Now');
    });
});
