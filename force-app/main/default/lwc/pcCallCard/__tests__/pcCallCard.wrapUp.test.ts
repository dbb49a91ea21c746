/**
 * WU-1 in the call card: the wrap-up countdown (a c-pc-counter), its polite announcements at 30 s and 10 s, the
 * time-up notice, and a disposition that requires notes refusing Save with the message beside Notes.
 */
import { CallStatus, Outcome } from 'c/pcModel';
import type { CallView } from 'c/pcModel';
import { makeCallView, makeState, NOW } from 'test-support/fixtures';
import { byDataId, change, cleanup, click, counterText, findButton, flush, PageClock } from 'test-support/lwc';
import { renderCallCard } from 'test-support/callCard';

const page = new PageClock(NOW);
const clock = page.now;

function wrapUpView(deadline: number | null, timedOut = false, atZero?: string): CallView {
    return makeCallView(
        { status: CallStatus.Ended, outcome: Outcome.Live, answeredAt: NOW - 60_000, endedAt: NOW },
        {
            wrapUp: {
                saved: false,
                error: null,
                deadline,
                ...(timedOut ? { timedOut } : {}),
                ...(atZero ? { atZero } : {})
            }
        }
    );
}

async function mount(view: CallView) {
    const mounted = await renderCallCard(view, { clock });
    await flush();
    return mounted;
}

describe('c-pc-call-card wrap-up (WU-1)', () => {
    beforeEach(() => page.install());
    afterEach(() => {
        cleanup();
        page.uninstall();
    });

    it('WU-1 shows the time left as a countdown and announces 30 s and 10 s politely, once each', async () => {
        const { el } = await mount(wrapUpView(NOW + 45_000));
        const countdown = byDataId(el, 'wrap-up-countdown')!;
        expect(countdown.querySelector('span')!.textContent).toBe('Time left ');
        expect(counterText(el, 'wrap-up-countdown')).toBe('0:45');
        const live = byDataId(el, 'wrap-up-announce')!;
        expect(live.getAttribute('aria-live')).toBe('polite');
        expect(live.textContent).toBe('');
        await page.tick(14_000);
        expect(counterText(el, 'wrap-up-countdown')).toBe('0:31');
        expect(live.textContent).toBe('');
        await page.tick(1000);
        expect(counterText(el, 'wrap-up-countdown')).toBe('0:30');
        expect(live.textContent).toBe('30 seconds left to wrap up.');
        await page.tick(19_000);
        expect(live.textContent).toBe('30 seconds left to wrap up.');
        await page.tick(1000);
        expect(live.textContent).toBe('10 seconds left to wrap up.');
        await page.tick(15_000);
        expect(counterText(el, 'wrap-up-countdown')).toBe('0:00');
        await expect(el).toBeAccessible();
    });

    it('WU-1 says beside the countdown which disposition is saved at zero', async () => {
        const { el } = await mount(wrapUpView(NOW + 30_000, false, 'disp-1'));
        const atZero = byDataId(el, 'wrap-up-at-zero')!;
        expect(atZero.textContent!.trim()).toBe('At zero: Sale is saved');
        expect(byDataId(el, 'wrap-up-countdown')!.contains(atZero)).toBe(true);
        await expect(el).toBeAccessible();
    });

    it('WU-1 says beside the countdown that the agent goes Unavailable at zero, where no disposition is', async () => {
        const { el } = await mount(wrapUpView(NOW + 30_000));
        expect(byDataId(el, 'wrap-up-at-zero')!.textContent!.trim()).toBe('At zero you go Unavailable');
    });

    it('WU-1 hands the notes typed to the service as they change, for the default at zero', async () => {
        const { el, service } = await mount(wrapUpView(NOW + 30_000, false, 'disp-1'));
        const notes = byDataId<HTMLTextAreaElement>(el, 'wrap-up-notes')!;
        await change(notes, 'draft', 'input');
        await change(notes, 'draft note typed by agent', 'input');
        expect(service.callsOf('draftNotes').map((c) => c.args)).toEqual([
            ['call-1', 'draft'],
            ['call-1', 'draft note typed by agent']
        ]);
        expect(service.callsOf('saveDisposition')).toEqual([]);
    });

    it('WU-1 with Unavailable at zero the form and the notes typed stay once the time is up', async () => {
        const { el } = await mount(wrapUpView(NOW + 1000));
        const notes = byDataId<HTMLTextAreaElement>(el, 'wrap-up-notes')!;
        await change(notes, 'draft note typed by agent', 'input');
        el.view = wrapUpView(NOW + 1000, true);
        await flush();
        expect(byDataId(el, 'wrap-up-timed-out')).not.toBeNull();
        expect(byDataId<HTMLTextAreaElement>(el, 'wrap-up-notes')!.value).toBe('draft note typed by agent');
        expect(findButton(el, 'Save')).not.toBeNull();
    });

    it('WU-1 shows no countdown without a limit', async () => {
        const { el } = await mount(wrapUpView(null));
        expect(byDataId(el, 'wrap-up')).not.toBeNull();
        expect(byDataId(el, 'wrap-up-countdown')).toBeNull();
    });

    it('WU-1 says when the time ran out and the agent was set Unavailable; the form stays', async () => {
        const { el } = await mount(wrapUpView(NOW - 1000, true));
        expect(byDataId(el, 'wrap-up-timed-out')!.textContent!.trim()).toBe(
            'Wrap-up time is up: you are Unavailable. Save the disposition to finish.'
        );
        expect(findButton(el, 'Save')).not.toBeNull();
        await expect(el).toBeAccessible();
    });

    it('WU-1 a disposition that requires notes refuses Save with the message beside Notes and keeps the text', async () => {
        const { el, service } = await mount(wrapUpView(null));
        const notes = byDataId<HTMLTextAreaElement>(el, 'wrap-up-notes')!;
        await change(el.shadowRoot!.querySelector('lightning-combobox'), 'disp-2');
        await change(notes, '   ', 'input');
        await click(findButton(el, 'Save'));
        expect(service.callsOf('saveDisposition')).toEqual([]);
        const error = byDataId(el, 'notes-error')!;
        expect(error.textContent!.trim()).toBe('Notes are required for this disposition.');
        expect(notes.getAttribute('aria-invalid')).toBe('true');
        expect(notes.getAttribute('aria-required')).toBe('true');
        expect(notes.getAttribute('aria-describedby')).toBe(error.id);
        expect(notes.value).toBe('   ');
        await expect(el).toBeAccessible();
        await change(notes, 'Pays on Friday', 'input');
        expect(error.textContent!.trim()).toBe('');
        expect(notes.getAttribute('aria-invalid')).toBe('false');
        await click(findButton(el, 'Save'));
        expect(service.callsOf('saveDisposition')[0]?.args).toEqual(['call-1', 'disp-2', 'Pays on Friday']);
    });
});

describe('c-pc-call-card voicemail drop (WU-3)', () => {
    afterEach(cleanup);

    async function atMachine(voicemailDrop: boolean) {
        const mounted = await renderCallCard(makeCallView({ status: CallStatus.Amd }), {
            capabilities: { ...makeState().capabilities, voicemailDrop }
        });
        await flush();
        return mounted;
    }

    it('WU-3 at AMD a named button with an icon leaves the voicemail once', async () => {
        const { el, service } = await atMachine(true);
        const button = findButton(el, 'Leave voicemail') as unknown as HTMLElement & { iconName: string };
        expect(button).not.toBeNull();
        expect(button.iconName).toBe('utility:send');
        await click(button);
        expect(service.callsOf('dropVoicemail')).toEqual([{ method: 'dropVoicemail', args: ['call-1'] }]);
        await expect(el).toBeAccessible();
    });

    it('CL-1 WU-3 a call reaching AMD shows the status at once; Leave voicemail follows a task later', async () => {
        const { el } = await renderCallCard(makeCallView({ status: CallStatus.Ringing }), {
            capabilities: { ...makeState().capabilities, voicemailDrop: true }
        });
        el.view = makeCallView({ status: CallStatus.Amd });
        // Microtasks only: the card's render, no timer.
        await Promise.resolve().then().then().then();
        expect(byDataId(el, 'status')!.textContent).toBe('AMD');
        expect(findButton(el, 'Leave voicemail')).toBeNull();
        await flush();
        expect(findButton(el, 'Leave voicemail')).not.toBeNull();
    });

    it('WU-3 no control where the dialer does not offer it, nor away from AMD', async () => {
        const { el } = await atMachine(false);
        expect(findButton(el, 'Leave voicemail')).toBeNull();
        el.view = makeCallView({ status: CallStatus.Active });
        await flush();
        expect(findButton(el, 'Leave voicemail')).toBeNull();
    });
});
