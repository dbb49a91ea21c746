import PcAttemptsHistory from 'c/pcAttemptsHistory';
import { DestinationKind, DestinationUnavailableReason, Outcome } from 'c/pcModel';
import type { AttemptsHistory, Destination } from 'c/pcModel';
import { formatDateTime } from 'c/pcFormat';
import { HOSTILE, makeScreenPop, NOW } from 'test-support/fixtures';
import { byDataId, cleanup, queryAll, render } from 'test-support/lwc';

jest.mock('c/pcFormat', () => {
    const actual = jest.requireActual('c/pcFormat');
    return { ...actual, formatDateTime: jest.fn(actual.formatDateTime) };
});
const formatDateTimeSpy = formatDateTime as jest.MockedFunction<typeof formatDateTime>;

const HISTORY = makeScreenPop().attemptsHistory!;

async function mount(history: AttemptsHistory | null = HISTORY, showDestinations = true) {
    return render<HTMLElement>('c-pc-attempts-history', PcAttemptsHistory, {
        history,
        showDestinations,
        now: NOW,
        timeZone: 'UTC'
    });
}

const cells = (row: Element) =>
    Object.fromEntries(
        Array.from(row.querySelectorAll('[data-col]')).map((c) => [c.getAttribute('data-col'), c.textContent!.trim()])
    );

const destination = (i: number, over: Partial<Destination> = {}): Destination => ({
    id: `d-${i}`,
    kind: DestinationKind.Phone,
    description: `Phone ${i}`,
    value: `+1312555${String(1000 + i)}`,
    attempts: 1,
    maxAttempts: 25,
    availableAt: null,
    lastPresentation: NOW - 60_000,
    lastOutcome: Outcome.NoAnswer,
    unavailableReason: null,
    cadenceOrder: i,
    ...over
});

describe('c-pc-attempts-history', () => {
    afterEach(cleanup);

    it('SP-2 shows one row per destination with its columns, Attempts as n/max and Now when ready', async () => {
        const el = await mount();
        const headers = queryAll(el, 'thead th').map((h) => h.textContent);
        expect(headers).toEqual([
            'Destination Description',
            'Destination Value',
            'Attempts',
            'Available Time',
            'Last Presentation',
            'Last Outcome',
            'Unavailable Reason'
        ]);
        const rows = queryAll(el, '[data-id="destination"]');
        expect(rows).toHaveLength(2);
        expect(cells(rows[0]!)).toEqual({
            description: 'PhoneNumber',
            value: '(312) 555-0100', // UB-5
            attempts: '5/10',
            availableTime: 'Now',
            lastPresentation: '03/09/2026 14:00:00',
            lastOutcome: 'No answer',
            reason: ''
        });
        await expect(el).toBeAccessible();
    });

    it('SP-2 shows a later Available Time as its date', async () => {
        const later = { ...HISTORY, destinations: [destination(1, { availableAt: Date.UTC(2026, 2, 11, 8, 30, 0) })] };
        const el = await mount(later);
        expect(cells(queryAll(el, '[data-id="destination"]')[0]!).availableTime).toBe('03/11/2026 08:30:00');
    });

    it.each(Object.values(DestinationUnavailableReason).map((r) => [r]))(
        'SP-3 SP-5 shows why destination %s cannot be called now',
        async (reason) => {
            const el = await mount({ ...HISTORY, destinations: [destination(1, { unavailableReason: reason })] });
            const row = queryAll(el, '[data-id="destination"]')[0];
            const shown = byDataId(row!, 'reason')!.textContent!;
            expect(shown.length).toBeGreaterThan(0);
            // The mark is hidden from screen readers; its assistive text and its title say why.
            const mark = byDataId(row!, 'not-callable')!;
            expect(mark.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
            expect(mark.querySelector('.slds-assistive-text')!.textContent).toBe(`Not offered for dialing: ${shown}`);
            expect(mark.getAttribute('title')).toBe(`Not offered for dialing: ${shown}`);
            // UB-5 BX-4 the reason is said once: the visible words are hidden where the assistive text names them.
            expect(byDataId(row!, 'reason')!.getAttribute('aria-hidden')).toBe('true');
            expect(cells(row!).availableTime).toBe('');
        }
    );

    it("SP-3 uses the guide's names for the reasons", async () => {
        const reasons = Object.values(DestinationUnavailableReason);
        const el = await mount({
            ...HISTORY,
            destinations: reasons.map((r, i) => destination(i, { unavailableReason: r }))
        });
        expect(queryAll(el, '[data-id="reason"]').map((r) => r.textContent)).toEqual([
            'Exhausted',
            'Finalized',
            'DNC',
            'Last Outcome Not Active for Calling',
            'Destination Not Active',
            'Max Answering Machine Detections',
            'Destination Not in Cadence',
            'Presented'
        ]);
        await expect(el).toBeAccessible();
    });

    it('SP-4 lists each attempt headed in bold "Attempt N (Destination Description)" with its date and outcome', async () => {
        const el = await mount();
        const title = byDataId(el, 'attempt-title')!;
        expect(title.tagName).toBe('STRONG');
        expect(title.textContent).toBe('Attempt 1 (PhoneNumber)');
        expect(byDataId(el, 'attempt-date')!.textContent).toBe('03/09/2026 14:00:07');
        expect(byDataId(el, 'attempt-outcome')!.textContent).toBe('No answer');
    });

    it('SP-4 shows only the Attempt Report when destinations are not asked for, and says when there is none', async () => {
        const el = await mount(HISTORY, false);
        expect(byDataId(el, 'destinations')).toBeNull();
        expect(byDataId(el, 'report')).not.toBeNull();
        await expect(el).toBeAccessible();
        const empty = await mount(null, false);
        expect(byDataId(empty, 'no-attempts')!.textContent).toBe('No attempts yet.');
    });

    it('SP-2 renders destination text as literal text', async () => {
        const el = await mount({
            ...HISTORY,
            destinations: [destination(1, { description: HOSTILE, value: HOSTILE })]
        });
        expect(cells(queryAll(el, '[data-id="destination"]')[0]!).description).toBe(HOSTILE);
        expect(el.shadowRoot!.querySelector('img')).toBeNull();
    });

    it('SP-4 keeps the Attempt Report as it is when only the clock moves: the same rows, not rebuilt', async () => {
        const el = (await mount()) as HTMLElement & { now: number };
        const before = queryAll(el, '[data-id="attempt"]');
        formatDateTimeSpy.mockClear();
        el.now = NOW + 60_000;
        await Promise.resolve();
        expect(formatDateTimeSpy).not.toHaveBeenCalled();
        const after = queryAll(el, '[data-id="attempt"]');
        expect(after).toHaveLength(before.length);
        after.forEach((row, i) => expect(row).toBe(before[i]));
        expect(byDataId(el, 'attempt-date')!.textContent).toBe('03/09/2026 14:00:07');
    });

    it('SP-2 SP-4 renders 20 destinations with 25 attempts each quickly', async () => {
        const destinations = Array.from({ length: 20 }, (_, i) => destination(i));
        const attempts = destinations.flatMap((d) =>
            Array.from({ length: 25 }, (_, n) => ({
                number: n + 1,
                destinationId: d.id,
                destinationDescription: d.description,
                at: NOW - (25 - n) * 3_600_000,
                outcome: Outcome.NoAnswer
            }))
        );
        const started = performance.now();
        const el = await mount({ recordId: 'rec-1', destinations, attempts });
        const elapsed = performance.now() - started;
        expect(queryAll(el, '[data-id="destination"]')).toHaveLength(20);
        expect(queryAll(el, '[data-id="attempt"]')).toHaveLength(500);
        expect(elapsed).toBeLessThan(3000);
    });
});
