import PcScoreboard from 'c/pcScoreboard';
import type { Scoreboard } from 'c/pcModel';
import { byDataId, cleanup, click, flush, press, render } from 'test-support/lwc';

type ScoreEl = HTMLElement & { scoreboard: Scoreboard };

const BOARD: Scoreboard = {
    callsHandled: 8,
    liveConnects: 3,
    talkMs: 5 * 60_000 + 12_000,
    wrapUps: 3,
    wrapUpMs: 90_000,
    callbacksBooked: 1,
    answeringMachines: 2
};

function toggle(el: HTMLElement): HTMLElement {
    return byDataId(el, 'score-toggle')!;
}

describe('c-pc-scoreboard', () => {
    afterEach(cleanup);

    it('WU-2 a named button opens a popover over the console with every figure', async () => {
        const el = await render<ScoreEl>('c-pc-scoreboard', PcScoreboard, { scoreboard: BOARD });
        const button = toggle(el) as unknown as { alternativeText: string; iconName: string };
        expect(button.alternativeText).toBe('Session scoreboard');
        expect(button.iconName).toBe('utility:chart');
        expect(byDataId(el, 'scoreboard')).toBeNull();
        await click(toggle(el));
        expect(toggle(el).getAttribute('aria-expanded')).toBe('true');
        const pop = byDataId(el, 'scoreboard')!;
        expect(pop.getAttribute('role')).toBe('dialog');
        expect(pop.className).toContain('slds-popover');
        const figure = (id: string): string => byDataId(el, id)!.textContent!;
        expect(figure('calls-handled')).toBe('8');
        expect(figure('live-connects')).toBe('3');
        expect(figure('connect-rate')).toBe('38%');
        expect(figure('talk-time')).toBe('5:12');
        expect(figure('average-wrap-up')).toBe('0:30');
        expect(figure('callbacks-booked')).toBe('1');
        expect(figure('answering-machines')).toBe('2');
        const terms = [...pop.querySelectorAll('dt')].map((d) => d.textContent);
        expect(terms).toEqual([
            'Calls handled',
            'Live connects',
            'Connect rate',
            'Talk time',
            'Average wrap-up',
            'Callbacks booked',
            'Answering machines'
        ]);
        await expect(el).toBeAccessible();
    });

    it('WU-2 the figures follow each snapshot while open; Escape closes', async () => {
        const el = await render<ScoreEl>('c-pc-scoreboard', PcScoreboard, { scoreboard: BOARD });
        await click(toggle(el));
        el.scoreboard = { ...BOARD, callsHandled: 9 };
        await flush();
        expect(byDataId(el, 'calls-handled')!.textContent).toBe('9');
        await press(byDataId(el, 'scoreboard')!, 'Escape');
        expect(byDataId(el, 'scoreboard')).toBeNull();
    });
});
