import PcCounter from 'c/pcCounter';
import PcCallCard from 'c/pcCallCard';
import { CallStatus } from 'c/pcModel';
import { tickingCount } from 'c/pcTicker';
import { makeCallView, makeState, NOW } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { cleanup, counterText, PageClock, render } from 'test-support/lwc';

type CounterEl = HTMLElement & { since: number; now: number; clock?: () => number; stoppedAt: number | null };

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.trim();

describe('c-pc-counter', () => {
    const page = new PageClock(NOW);
    const clock = page.now;

    beforeEach(() => page.install());
    afterEach(() => {
        cleanup();
        page.uninstall();
    });

    it('UB-4 counts up every second from the clock between snapshots', async () => {
        const el = await render<CounterEl>('c-pc-counter', PcCounter, { since: NOW - 5000, now: NOW, clock });
        expect(text(el)).toBe('0:05');
        for (const expected of ['0:06', '0:07', '0:08']) {
            // Each second is checked after its own tick.
            // eslint-disable-next-line no-await-in-loop
            await page.advance(1000);
            expect(text(el)).toBe(expected);
        }
    });

    it('UB-4 a tick rewrites the text in place: the counter makes no new node after its first', async () => {
        const el = await render<CounterEl>('c-pc-counter', PcCounter, { since: NOW - 5000, now: NOW, clock });
        const records: MutationRecord[] = [];
        const observer = new MutationObserver((r) => records.push(...r));
        observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
        await page.advance(1000);
        observer.disconnect();
        expect(text(el)).toBe('0:06');
        expect(records.map((r) => r.type)).toEqual(['characterData']);
    });

    it('UB-4 stops at the end of the call and keeps the talk time', async () => {
        const el = await render<CounterEl>('c-pc-counter', PcCounter, {
            since: NOW - 83_000,
            now: NOW,
            clock,
            stoppedAt: NOW
        });
        await page.advance(10_000);
        expect(text(el)).toBe('1:23');
    });

    it('UB-4 shares one interval between every counter on the page and stops it when the last one leaves', async () => {
        const a = await render<CounterEl>('c-pc-counter', PcCounter, { since: NOW, now: NOW, clock });
        await render<CounterEl>('c-pc-counter', PcCounter, { since: NOW, now: NOW, clock });
        expect(tickingCount()).toBe(2);
        expect(jest.getTimerCount()).toBe(1);
        a.remove();
        cleanup();
        expect(tickingCount()).toBe(0);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('UB-4 a Ringing call ticks every second while nothing else of its card changes', async () => {
        const service = new StubConsoleApi();
        const card = await render<HTMLElement>('c-pc-call-card', PcCallCard, {
            view: makeCallView({ status: CallStatus.Ringing, statusSince: NOW - 2000 }),
            service,
            now: NOW,
            clock,
            capabilities: makeState().capabilities
        });
        expect(counterText(card, 'time-in-state')).toBe('0:02');
        // The tick is the counter's own: the card keeps the very same nodes and gets no new time from its parent.
        const status = card.shadowRoot!.querySelector('[data-id="status"]');
        const counter = card.shadowRoot!.querySelector('c-pc-counter');
        await page.advance(3000);
        expect(counterText(card, 'time-in-state')).toBe('0:05');
        expect((card as HTMLElement & { now: number }).now).toBe(NOW);
        expect(card.shadowRoot!.querySelector('[data-id="status"]')).toBe(status);
        expect(card.shadowRoot!.querySelector('c-pc-counter')).toBe(counter);
    });

    it('UB-4 an answered call shows its talk time, which the wrap-up keeps once it ended', async () => {
        const service = new StubConsoleApi();
        const active = await render<HTMLElement>('c-pc-call-card', PcCallCard, {
            view: makeCallView({ status: CallStatus.Active, statusSince: NOW - 4000, answeredAt: NOW - 4000 }),
            service,
            now: NOW,
            clock,
            capabilities: makeState().capabilities
        });
        expect(counterText(active, 'talk-time')).toBe('0:04');
        const ended = await render<HTMLElement>('c-pc-call-card', PcCallCard, {
            view: makeCallView(
                { status: CallStatus.Ended, statusSince: NOW, answeredAt: NOW - 95_000, endedAt: NOW },
                { wrapUp: { saved: false, error: null } }
            ),
            service,
            now: NOW,
            clock,
            capabilities: makeState().capabilities
        });
        await page.advance(5000);
        expect(counterText(ended, 'talk-time')).toBe('1:35');
        expect(ended.shadowRoot!.querySelector('[data-id="talk-time"]')!.textContent).toContain('Talk time');
    });
});
