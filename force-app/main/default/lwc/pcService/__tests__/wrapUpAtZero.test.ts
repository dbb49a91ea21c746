// What the wrap-up time running out does, said before and after (WU-1, UB-7), and the notes the agent typed
// going with the default disposition (WU-1, BX-9). Scripted dialer on a virtual clock.
import type { Disposition } from 'c/pcModel';
import { pass } from 'test-support/time';
import { call, ScriptedDialer, started, T0 } from 'test-support/scriptedService';
import { dispositionAtZero, notesWithin } from '../wrapUpRules';
import { DEFAULT_SETTINGS } from 'c/pcModel';

const DISPOSITIONS: Disposition[] = [
    { id: 'done', label: 'Completed', outcome: 'Completed', requiresNotes: false },
    { id: 'refused', label: 'Refused', outcome: 'Refused', requiresNotes: true }
];

const TYPED = 'draft note typed by agent';

function build(settings: Record<string, unknown>) {
    return started(
        { wrapUpLimitSeconds: 30, wrapUpDefaultDisposition: 'done', wrapUpAtZero: 'Disposition', ...settings },
        {
            contacts: [],
            prepare: (dialer) => {
                (dialer.listDispositions as jest.Mock).mockResolvedValue(DISPOSITIONS);
            }
        }
    );
}

/** An answered call that has just ended: its wrap-up starts now. */
function endAnswered(dialer: ScriptedDialer, id = 'call-1'): void {
    dialer.events.emit('callUpdated', call({ id, status: 'Active', answeredAt: T0 }));
    dialer.events.emit('callUpdated', call({ id, status: 'Ended', answeredAt: T0, endedAt: T0 }));
}

describe('c-pc-service what happens at zero, said before and after (WU-1, UB-7)', () => {
    it('WU-1 the wrap-up names the disposition saved at zero; Unavailable at zero names none', async () => {
        const saving = await build({});
        endAnswered(saving.dialer);
        expect(saving.service.getState().calls[0]?.wrapUp).toMatchObject({ deadline: T0 + 30_000, atZero: 'done' });

        const unavailable = await build({ wrapUpAtZero: 'Unavailable' });
        endAnswered(unavailable.dialer);
        expect(unavailable.service.getState().calls[0]?.wrapUp).not.toHaveProperty('atZero');

        const notOffered = await build({ wrapUpDefaultDisposition: 'not-offered' });
        endAnswered(notOffered.dialer);
        expect(notOffered.service.getState().calls[0]?.wrapUp).not.toHaveProperty('atZero');
    });

    it('WU-1 without a limit there is no countdown, so nothing is said of zero', async () => {
        const { dialer, service } = await build({ wrapUpLimitSeconds: 0 });
        endAnswered(dialer);
        expect(service.getState().calls[0]?.wrapUp).toEqual({ saved: false, error: null, deadline: null });
    });

    it('UB-7 WU-1 at zero the confirmation says the time ran out and which disposition was saved', async () => {
        const { clock, dialer, service } = await build({});
        endAnswered(dialer);
        await pass(clock, 30_000, { step: 1_000 });
        expect(service.getState().confirmation).toMatchObject({
            action: 'WrapUpAtZero',
            contactName: 'Ada Lovelace',
            disposition: 'Completed'
        });
    });

    it('UB-7 a save by the agent is confirmed as a plain wrap-up, with no disposition named', async () => {
        const { dialer, service } = await build({});
        endAnswered(dialer);
        expect((await service.saveDisposition('call-1', 'done', '')).ok).toBe(true);
        const confirmation = service.getState().confirmation;
        expect(confirmation).toMatchObject({ action: 'WrapUp', contactName: 'Ada Lovelace' });
        expect(confirmation).not.toHaveProperty('disposition');
    });

    it('UB-7 WU-1 at zero after the agent`s save failed at the log, the confirmation names what the dialer has', async () => {
        const { clock, dialer, gateway, service } = await build({});
        endAnswered(dialer);
        gateway.failNext('logAttempt', 'Network');
        expect((await service.saveDisposition('call-1', 'refused', 'said no')).ok).toBe(false);
        await pass(clock, 30_000, { step: 1_000 });
        expect(service.getState().confirmation).toMatchObject({ action: 'WrapUpAtZero', disposition: 'Refused' });
    });

    it('WU-1 the rule that picks what happens at zero', () => {
        const settings = { ...DEFAULT_SETTINGS, wrapUpDefaultDisposition: 'done' };
        expect(dispositionAtZero(settings, DISPOSITIONS)?.id).toBe('done');
        expect(dispositionAtZero({ ...settings, wrapUpAtZero: 'Unavailable' }, DISPOSITIONS)).toBeNull();
        expect(dispositionAtZero({ ...settings, wrapUpDefaultDisposition: 'gone' }, DISPOSITIONS)).toBeNull();
        expect(dispositionAtZero(settings, [])).toBeNull();
    });
});

describe('c-pc-service the notes typed go with the default at zero (WU-1)', () => {
    it('WU-1 the notes the agent typed, unsaved, go with the default disposition to the dialer and the Task', async () => {
        const { clock, dialer, gateway, service } = await build({});
        endAnswered(dialer);
        service.draftNotes('call-1', 'draft');
        service.draftNotes('call-1', TYPED);
        await pass(clock, 30_000, { step: 1_000 });
        expect(dialer.disposition).toHaveBeenCalledWith('call-1', 'done', TYPED);
        expect(gateway.tasks().map((t) => [t.log.dispositionLabel, t.log.notes])).toEqual([['Completed', TYPED]]);
    });

    it('BX-9 WU-1 a draft is kept in this tab`s service: nothing is sent to the dialer as the agent types', async () => {
        const { dialer, service } = await build({});
        endAnswered(dialer);
        const before = JSON.stringify(service.getState());
        service.draftNotes('call-1', TYPED);
        expect(dialer.disposition).not.toHaveBeenCalled();
        expect(JSON.stringify(service.getState())).toBe(before);
        expect(JSON.stringify(service.getState())).not.toContain(TYPED);
    });

    it('WU-1 typed notes over the notes limit are cut to it at zero, so the default still saves', async () => {
        const { clock, dialer, gateway, service } = await build({ notesMaxLength: 10 });
        endAnswered(dialer);
        service.draftNotes('call-1', TYPED);
        await pass(clock, 30_000, { step: 1_000 });
        expect(dialer.disposition).toHaveBeenCalledWith('call-1', 'done', 'draft note');
        expect(gateway.tasks()[0]?.log.notes).toBe('draft note');
        expect(service.getState().calls).toEqual([]);
    });

    it('WU-1 a default that requires notes is saved at zero with the notes typed, or with none', async () => {
        const typed = await build({ wrapUpDefaultDisposition: 'refused' });
        endAnswered(typed.dialer);
        typed.service.draftNotes('call-1', TYPED);
        await pass(typed.clock, 30_000, { step: 1_000 });
        expect(typed.dialer.disposition).toHaveBeenCalledWith('call-1', 'refused', TYPED);

        const blank = await build({ wrapUpDefaultDisposition: 'refused' });
        endAnswered(blank.dialer);
        blank.service.draftNotes('call-1', '   ');
        await pass(blank.clock, 30_000, { step: 1_000 });
        expect(blank.dialer.disposition).toHaveBeenCalledWith('call-1', 'refused', '   ');
        expect(blank.service.getState().calls).toEqual([]);
    });

    it('WU-1 notes cleared before zero are not sent; another call`s draft stays its own', async () => {
        const { clock, dialer, service } = await build({});
        endAnswered(dialer, 'call-1');
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'Active', answeredAt: T0 }));
        dialer.events.emit(
            'callUpdated',
            call({ id: 'call-2', line: 2, status: 'Ended', answeredAt: T0, endedAt: T0 })
        );
        service.draftNotes('call-1', TYPED);
        service.draftNotes('call-1', '');
        service.draftNotes('call-2', 'second call');
        await pass(clock, 30_000, { step: 1_000 });
        expect(dialer.disposition).toHaveBeenCalledWith('call-1', 'done', '');
        expect(dialer.disposition).toHaveBeenCalledWith('call-2', 'done', 'second call');
    });

    it('WU-1 a draft for a call not in wrap-up is not kept: its wrap-up starts with none', async () => {
        const { clock, dialer, service } = await build({});
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        service.draftNotes('call-1', 'typed too early');
        service.draftNotes('no-such-call', 'nowhere');
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 }));
        await pass(clock, 30_000, { step: 1_000 });
        expect(dialer.disposition).toHaveBeenCalledWith('call-1', 'done', '');
    });

    it('WU-1 a saved wrap-up forgets its draft: the dialer reusing the call id starts a wrap-up without it', async () => {
        const { clock, dialer, service } = await build({});
        endAnswered(dialer);
        service.draftNotes('call-1', TYPED);
        expect((await service.saveDisposition('call-1', 'done', 'saved by hand')).ok).toBe(true);
        endAnswered(dialer);
        await pass(clock, 30_000, { step: 1_000 });
        expect(dialer.disposition).toHaveBeenLastCalledWith('call-1', 'done', '');
    });

    it('WU-1 with Unavailable at zero the draft is not sent; the agent saves it with the form', async () => {
        const { clock, dialer, service } = await build({ wrapUpAtZero: 'Unavailable' });
        endAnswered(dialer);
        service.draftNotes('call-1', TYPED);
        await pass(clock, 30_000, { step: 1_000 });
        expect(dialer.disposition).not.toHaveBeenCalled();
        expect(service.getState().calls[0]?.wrapUp).toMatchObject({ timedOut: true, saved: false });
    });

    it('WU-1 notes are cut by characters, never inside one', () => {
        expect(notesWithin('short', 10)).toBe('short');
        expect(notesWithin('0123456789', 10)).toBe('0123456789');
        expect(notesWithin('😀😀😀', 2)).toBe('😀😀');
        expect(notesWithin('abc', 0)).toBe('');
    });
});
