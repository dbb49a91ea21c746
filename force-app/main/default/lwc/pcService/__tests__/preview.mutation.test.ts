// The preview's commands at their edges (PV-2 .. PV-6, BX-7, RS-6, UB-7): what is refused before anything is
// sent, what one click shows while the dialer answers, what a failure leaves for Retry, and the confirmations.
import { ConsoleService } from 'c/pcService';
import { DialerError } from 'c/pcDialerPort';
import type { DialerCapabilities, Disposition, Preview, PreviewAction, RescheduleDraft } from 'c/pcModel';
import { flush, pass } from 'test-support/time';
import { call, CAPS, PREVIEW, RECORD, started } from 'test-support/scriptedService';
import { holdOnce } from 'test-support/hold';

const ALL: PreviewAction[] = ['Accept', 'Requeue', 'Snooze', 'Reschedule', 'Disposition'];

const DISPOSITIONS: Disposition[] = [
    { id: 'done', label: 'Completed', outcome: 'Completed', requiresNotes: false },
    { id: 'wrong', label: 'Wrong number', outcome: 'WrongNumber', requiresNotes: true }
];

/** A started service whose dialer offers every preview action, with a preview of Ada Lovelace on screen. */
async function previewing(
    settings: Record<string, unknown> = {},
    caps: Partial<DialerCapabilities> = {},
    preview: Preview = { ...PREVIEW, actions: ALL }
) {
    const rig = await started(settings, {
        prepare: (dialer) => {
            dialer.capabilities = () => ({ ...CAPS, previewActions: ALL, ...caps });
            (dialer.listDispositions as jest.Mock).mockResolvedValue(DISPOSITIONS);
        }
    });
    rig.dialer.events.emit('previewOffered', preview);
    await flush();
    return rig;
}

/** A later preview, of another record, offered in turn. */
const NEXT: Preview = { ...PREVIEW, id: 'preview-2', record: { ...RECORD, id: 'rec-2' }, actions: ALL };

/** A reschedule draft for tomorrow, 10:00 in Chicago: inside every rule's window. */
const DRAFT: RescheduleDraft = {
    number: '+13125550100',
    deliverTo: 'Me',
    date: '2027-01-12',
    time: '10:00',
    timeZone: 'America/Chicago',
    notes: 'after the meeting'
};
const DRAFT_AT = Date.UTC(2027, 0, 12, 16, 0, 0);

function errorsOf(service: ConsoleService): string[] {
    return service.getState().errors.map((e) => `${e.command}:${e.code}`);
}

describe('c-pc-service preview commands refused before anything is sent', () => {
    it('PV-6 with no preview on screen each action is refused as not found, under its own name', async () => {
        const { dialer, service } = await previewing();
        dialer.events.emit('previewClosed', { previewId: 'preview-1', reason: 'Requeued' });
        const results = [await service.acceptPreview(), await service.requeuePreview(), await service.snoozePreview()];
        expect(results.map((r) => (r.ok ? null : r.error.code))).toEqual(['NotFound', 'NotFound', 'NotFound']);
        expect(errorsOf(service)).toEqual(['accept:NotFound', 'requeue:NotFound', 'snooze:NotFound']);
        const reschedule = await service.reschedulePreview(DRAFT);
        expect(reschedule.ok).toBe(false);
        expect(errorsOf(service)).toContain('reschedule:NotFound');
        expect(dialer.acceptPreview).not.toHaveBeenCalled();
        expect(dialer.requeuePreview).not.toHaveBeenCalled();
        expect(dialer.snoozePreview).not.toHaveBeenCalled();
        expect(dialer.reschedulePreview).not.toHaveBeenCalled();
    });

    it('PV-6 an action the dialer does not offer for this preview is refused by name', async () => {
        const { dialer, service } = await previewing({}, { previewActions: ['Accept', 'Requeue'] });
        expect(service.getState().preview?.actions).toEqual(['Accept', 'Requeue']);
        const result = await service.snoozePreview();
        expect(result.ok ? null : [result.error.code, result.error.detail]).toEqual([
            'Unsupported',
            'Snooze is not offered for this preview'
        ]);
        expect(dialer.snoozePreview).not.toHaveBeenCalled();
    });

    it('PV-4 a reschedule where Reschedule is not offered is refused and nothing is sent', async () => {
        const { dialer, service } = await previewing({ rescheduleEnabled: false });
        expect(service.getState().preview?.actions).not.toContain('Reschedule');
        const result = await service.reschedulePreview(DRAFT);
        expect(result.ok).toBe(false);
        expect(errorsOf(service)).toEqual(['reschedule:Unsupported']);
        expect(dialer.reschedulePreview).not.toHaveBeenCalled();
    });

    it('PV-6 a second click while an action is on its way sends nothing more, whichever action it is', async () => {
        const { dialer, service } = await previewing();
        const answer = holdOnce(dialer.requeuePreview);
        const first = service.requeuePreview();
        expect(service.getState().preview?.pending).toBe('Requeue');
        const again = [
            await service.requeuePreview(),
            await service.snoozePreview(),
            await service.acceptPreview(),
            await service.reschedulePreview(DRAFT),
            await service.dispositionPreview('done', '')
        ];
        expect(again.map((r) => (r.ok ? null : 'error' in r ? r.error.code : null))).toEqual([
            'InFlight',
            'InFlight',
            'InFlight',
            'InFlight',
            'InFlight'
        ]);
        expect(service.getState().errors).toEqual([]);
        answer();
        expect((await first).ok).toBe(true);
        expect(dialer.requeuePreview).toHaveBeenCalledTimes(1);
        expect(dialer.snoozePreview).not.toHaveBeenCalled();
        expect(dialer.acceptPreview).not.toHaveBeenCalled();
        expect(dialer.dispositionPreview).not.toHaveBeenCalled();
    });
});

describe('c-pc-service preview commands that go through', () => {
    it('PV-3 Requeue closes the preview and its pop, and confirms with the contact and number', async () => {
        const { dialer, service } = await previewing();
        expect(service.getState().screenPop?.forId).toBe('preview-1');
        expect(await service.requeuePreview()).toEqual({ ok: true });
        expect(dialer.requeuePreview).toHaveBeenCalledWith('preview-1');
        const state = service.getState();
        expect(state.preview).toBeNull();
        expect(state.screenPop).toBeNull();
        expect(state.confirmation).toEqual({
            id: 1,
            action: 'Requeue',
            contactName: 'Ada Lovelace',
            number: '+13125550100',
            at: null,
            timeZone: null,
            contactTimeZone: null
        });
    });

    it('PV-2 Accept closes the preview but keeps its pop, which follows the call placed for that record', async () => {
        const { dialer, gateway, service } = await previewing();
        await flush();
        expect(await service.acceptPreview()).toEqual({ ok: true });
        expect(service.getState().preview).toBeNull();
        expect(service.getState().screenPop?.forId).toBe('preview-1');
        expect(service.getState().confirmation?.action).toBe('Accept');
        dialer.events.emit('callUpdated', call({ id: 'call-7', status: 'Dialing' }));
        expect(service.getState().screenPop?.forId).toBe('call-7');
        expect(service.getState().screenPop?.loading).toBe(false);
        expect(gateway.callCount('findContact')).toBe(1);
    });

    it('PV-2 after an Accept, a call for another record does not take the accepted preview`s pop', async () => {
        const { dialer, service } = await previewing();
        await service.acceptPreview();
        dialer.events.emit('callUpdated', call({ id: 'other', status: 'Dialing', record: { ...RECORD, id: 'rec-2' } }));
        expect(service.getState().screenPop?.forId).toBe('preview-1');
        // The accepted record's own call still takes it afterwards.
        dialer.events.emit('callUpdated', call({ id: 'mine', line: 2, status: 'Dialing' }));
        expect(service.getState().screenPop?.forId).toBe('mine');
    });

    it('PV-6 the dialer closing the preview before the command resolves still ends in one confirmation', async () => {
        const { dialer, service } = await previewing();
        dialer.snoozePreview.mockImplementationOnce(async () => {
            dialer.events.emit('previewClosed', { previewId: 'preview-1', reason: 'Snoozed' });
            return undefined;
        });
        expect((await service.snoozePreview()).ok).toBe(true);
        expect(service.getState().preview).toBeNull();
        expect(service.getState().confirmation?.action).toBe('Snooze');
        expect(service.getState().errors).toEqual([]);
    });

    it('UB-7 a confirmation shows for a while, and an older one`s time running out leaves a newer one', async () => {
        const { clock, dialer, service } = await previewing();
        await service.requeuePreview();
        const first = service.getState().confirmation;
        expect(first?.action).toBe('Requeue');
        await pass(clock, 5_000, { step: 1_000 });
        dialer.events.emit('previewOffered', NEXT);
        await service.snoozePreview();
        const second = service.getState().confirmation;
        expect(second?.id).toBe(first!.id + 1);
        await pass(clock, 4_000, { step: 1_000 });
        expect(service.getState().confirmation).toBe(second);
        await pass(clock, 4_000, { step: 1_000 });
        expect(service.getState().confirmation).toBeNull();
    });
});

describe('c-pc-service a preview command that failed', () => {
    it('PV-6 a refused Requeue keeps the preview with its error for Retry; Retry sends it again and clears the error', async () => {
        const { dialer, service } = await previewing();
        dialer.requeuePreview.mockRejectedValueOnce(new DialerError('Network', 'down'));
        const failed = await service.requeuePreview();
        expect(failed.ok).toBe(false);
        const ps = service.getState().preview;
        expect(ps?.pending).toBeNull();
        expect(ps?.failedAction).toBe('Requeue');
        expect(ps?.error).toMatchObject({ code: 'Network', command: 'requeue' });
        expect(errorsOf(service)).toEqual(['requeue:Network']);
        expect(await service.retryPreview()).toEqual({ ok: true });
        expect(dialer.requeuePreview).toHaveBeenCalledTimes(2);
        expect(service.getState().preview).toBeNull();
        expect(service.getState().errors).toEqual([]);
    });

    it('PV-6 Retry sends again the action that failed: Snooze, and Accept', async () => {
        const snooze = await previewing();
        snooze.dialer.snoozePreview.mockRejectedValueOnce(new DialerError('Network', 'down'));
        await snooze.service.snoozePreview();
        expect((await snooze.service.retryPreview()).ok).toBe(true);
        expect(snooze.dialer.snoozePreview).toHaveBeenCalledTimes(2);
        expect(snooze.dialer.requeuePreview).not.toHaveBeenCalled();

        const accept = await previewing();
        accept.dialer.acceptPreview.mockRejectedValueOnce(new DialerError('Network', 'down'));
        await accept.service.acceptPreview();
        expect((await accept.service.retryPreview()).ok).toBe(true);
        expect(accept.dialer.acceptPreview).toHaveBeenCalledTimes(2);
    });

    it('PV-6 with nothing that failed, Retry is refused and nothing is sent', async () => {
        const { dialer, service } = await previewing();
        const result = await service.retryPreview();
        expect(result.ok ? null : [result.error.code, result.error.command]).toEqual(['NotFound', 'retry']);
        expect(dialer.acceptPreview).not.toHaveBeenCalled();
        expect(dialer.requeuePreview).not.toHaveBeenCalled();
    });

    it('PV-6 a failure that comes back after the dialer closed the preview is reported, and no preview comes back', async () => {
        const { dialer, service } = await previewing();
        dialer.requeuePreview.mockImplementationOnce(async () => {
            dialer.events.emit('previewClosed', { previewId: 'preview-1', reason: 'TimedOut' });
            throw new DialerError('Network', 'late');
        });
        await service.requeuePreview();
        expect(service.getState().preview).toBeNull();
        expect(errorsOf(service)).toEqual(['requeue:Network']);
    });

    it('PV-6 a failure of the earlier preview does not mark the next one', async () => {
        const { dialer, service } = await previewing();
        dialer.requeuePreview.mockImplementationOnce(async () => {
            dialer.events.emit('previewOffered', NEXT);
            throw new DialerError('Network', 'late');
        });
        await service.requeuePreview();
        expect(service.getState().preview?.preview.id).toBe('preview-2');
        expect(service.getState().preview?.failedAction).toBeNull();
        expect(service.getState().preview?.error).toBeNull();
    });
});

describe('c-pc-service disposition from the preview (BX-7)', () => {
    it('BX-7 records the disposition without dialing, and a failed one is sent again with the same notes on Retry', async () => {
        const { dialer, service } = await previewing();
        dialer.dispositionPreview.mockRejectedValueOnce(new DialerError('Network', 'down'));
        await service.dispositionPreview('wrong', 'not Ada');
        expect(service.getState().preview?.failedAction).toBe('Disposition');
        expect(await service.retryPreview()).toEqual({ ok: true });
        expect(dialer.dispositionPreview.mock.calls).toEqual([
            ['preview-1', 'wrong', 'not Ada'],
            ['preview-1', 'wrong', 'not Ada']
        ]);
        expect(service.getState().confirmation?.action).toBe('Disposition');
        expect(dialer.acceptPreview).not.toHaveBeenCalled();
    });

    it('BX-7 a disposition that needs notes, or that the skill does not offer, is refused and nothing is sent', async () => {
        const { dialer, service } = await previewing();
        const blank = await service.dispositionPreview('wrong', ' ');
        expect(blank.ok ? null : blank.error.code).toBe('Rejected');
        const unknown = await service.dispositionPreview('nope', 'x');
        expect(unknown.ok ? null : unknown.error.code).toBe('NotFound');
        expect(errorsOf(service)).toEqual(['dispositionPreview:Rejected', 'dispositionPreview:NotFound']);
        expect(dialer.dispositionPreview).not.toHaveBeenCalled();
    });
});

describe('c-pc-service reschedule (RS, PV-4)', () => {
    it('PV-4 the reschedule form opens only where Reschedule is offered, and closes', async () => {
        const offered = await previewing();
        const before = offered.service.getState();
        offered.service.setRescheduling(false);
        expect(offered.service.getState()).toBe(before);
        offered.service.setRescheduling(true);
        expect(offered.service.getState().preview?.rescheduling).toBe(true);
        offered.service.setRescheduling(false);
        expect(offered.service.getState().preview?.rescheduling).toBe(false);

        const notOffered = await previewing({ rescheduleEnabled: false });
        notOffered.service.setRescheduling(true);
        expect(notOffered.service.getState().preview?.rescheduling).toBe(false);
    });

    it('RS-4 a reschedule is sent as the instant of its date, time and zone, confirmed with both zones, and counted', async () => {
        const { dialer, service } = await previewing();
        (dialer.reschedulePreview as jest.Mock).mockImplementationOnce(async () => undefined);
        expect(await service.reschedulePreview(DRAFT)).toEqual({ ok: true });
        expect(dialer.reschedulePreview).toHaveBeenCalledWith('preview-1', {
            number: '+13125550100',
            deliverTo: 'Me',
            at: DRAFT_AT,
            timeZone: 'America/Chicago',
            notes: 'after the meeting'
        });
        expect(service.getState().confirmation).toMatchObject({
            action: 'Reschedule',
            at: DRAFT_AT,
            timeZone: 'America/Chicago',
            contactTimeZone: 'America/Chicago'
        });
        expect(service.getState().scoreboard?.callbacksBooked).toBe(1);
        expect(service.getState().preview).toBeNull();
    });

    it('RS-2 a draft with errors comes back with them and nothing is sent', async () => {
        const { dialer, service } = await previewing();
        const result = await service.reschedulePreview({ ...DRAFT, time: '25:99' });
        expect(result.ok).toBe(false);
        expect('errors' in result && result.errors.length).toBeGreaterThan(0);
        expect(dialer.reschedulePreview).not.toHaveBeenCalled();
    });

    it('PV-6 a failed reschedule is sent again, the same request, on Retry; a failed one is not counted', async () => {
        const { dialer, service } = await previewing();
        dialer.reschedulePreview.mockRejectedValueOnce(new DialerError('Network', 'down'));
        await service.reschedulePreview(DRAFT);
        expect(service.getState().preview?.failedAction).toBe('Reschedule');
        expect(service.getState().scoreboard?.callbacksBooked).toBe(0);
        (dialer.reschedulePreview as jest.Mock).mockImplementationOnce(async () => undefined);
        expect(await service.retryPreview()).toEqual({ ok: true });
        expect(dialer.reschedulePreview.mock.calls[1]).toEqual(dialer.reschedulePreview.mock.calls[0]);
        expect(service.getState().confirmation).toMatchObject({ action: 'Reschedule', at: DRAFT_AT });
    });
});

describe('c-pc-service reschedules of two previews in turn (PV-6, UB-6)', () => {
    it('PV-6 a reschedule of the next preview that failed can be retried after the earlier one went through', async () => {
        const { dialer, service } = await previewing();
        let answerFirst: () => void = () => undefined;
        (dialer.reschedulePreview as jest.Mock)
            .mockImplementationOnce(() => new Promise<undefined>((r) => (answerFirst = () => r(undefined))))
            .mockRejectedValueOnce(new DialerError('Network', 'down'))
            .mockImplementationOnce(async () => undefined);
        const first = service.reschedulePreview(DRAFT);
        // The dialer moves on to the next preview while the first reschedule is still on its way.
        dialer.events.emit('previewOffered', NEXT);
        const second = { ...DRAFT, time: '11:00' };
        expect((await service.reschedulePreview(second)).ok).toBe(false);
        expect(service.getState().preview?.failedAction).toBe('Reschedule');
        answerFirst();
        expect(await first).toEqual({ ok: true });
        expect(await service.retryPreview()).toEqual({ ok: true });
        const sent = (dialer.reschedulePreview as jest.Mock).mock.calls.map((c) => [c[0], (c[1] as { at: number }).at]);
        expect(sent).toEqual([
            ['preview-1', DRAFT_AT],
            ['preview-2', DRAFT_AT + 60 * 60_000],
            ['preview-2', DRAFT_AT + 60 * 60_000]
        ]);
    });
});

describe('c-pc-service the reschedule form`s starting draft (RS-6)', () => {
    it('RS-6 with no preview there is no draft', async () => {
        const { dialer, service } = await previewing();
        dialer.events.emit('previewClosed', { previewId: 'preview-1', reason: 'Requeued' });
        expect(service.rescheduleDraftFor('America/New_York')).toBeNull();
    });

    it('RS-6 starts at the next quarter hour a quarter hour ahead, in the contact`s zone, written with two digits', async () => {
        // T0 is 09:00 in Chicago.
        const { service } = await previewing();
        expect(service.rescheduleDraftFor('Europe/London')).toEqual({
            number: '+13125550100',
            deliverTo: 'Me',
            date: '2027-01-11',
            time: '09:15',
            timeZone: 'America/Chicago',
            notes: ''
        });
    });

    it('RS-6 with no zone known for the contact the agent`s zone is used, and no valid zone leaves date and time blank', async () => {
        const record = { ...RECORD, timeZone: null };
        const preview = { ...PREVIEW, record, number: '+35312345678', actions: ALL };
        const { service } = await previewing({}, {}, preview);
        const agents = service.rescheduleDraftFor('Europe/London');
        expect(agents).toMatchObject({ timeZone: 'Europe/London' });
        expect(agents?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(service.rescheduleDraftFor('Not/AZone')).toMatchObject({ timeZone: '', date: '', time: '' });
    });

    it('RS-1 delivers to the admin`s default where the dialer allows it, else to the first target it allows', async () => {
        const both = await previewing({ defaultDeliverTo: 'Skill' });
        expect(both.service.rescheduleDraftFor('America/Chicago')?.deliverTo).toBe('Skill');
        const onlySkill = await previewing({}, { rescheduleDeliverTo: ['Skill'] });
        expect(onlySkill.service.rescheduleDraftFor('America/Chicago')?.deliverTo).toBe('Skill');
        const unsaid = await previewing({ defaultDeliverTo: 'Skill' }, { rescheduleDeliverTo: [] });
        expect(unsaid.service.rescheduleDraftFor('America/Chicago')?.deliverTo).toBe('Skill');
    });
});

describe('c-pc-service preview actions and reschedules at their edges', () => {
    it('PV-4 with Reschedule switched off by the admin, every other action the dialer offers stays offered', async () => {
        const { service } = await previewing({ rescheduleEnabled: false });
        expect(service.getState().preview?.actions).toEqual(['Accept', 'Requeue', 'Snooze', 'Disposition']);
    });

    it('WU-2 only a reschedule books a callback on the scoreboard; a requeue does not', async () => {
        const { service } = await previewing();
        expect(await service.requeuePreview()).toEqual({ ok: true });
        expect(service.getState().scoreboard?.callbacksBooked).toBe(0);
    });

    it('PV-6 a failed reschedule is reported under its own name', async () => {
        const { dialer, service } = await previewing();
        dialer.reschedulePreview.mockRejectedValueOnce(new DialerError('Network', 'down'));
        const result = await service.reschedulePreview(DRAFT);
        expect(result.ok ? null : 'error' in result ? result.error.command : 'validation').toBe('reschedule');
        expect(errorsOf(service)).toEqual(['reschedule:Network']);
    });

    it('PV-6 a second reschedule while one is on its way is refused by name, and Retry sends the first one again', async () => {
        const { dialer, service } = await previewing();
        let fail: () => void = () => undefined;
        (dialer.reschedulePreview as jest.Mock)
            .mockImplementationOnce(
                () => new Promise<never>((_, reject) => (fail = () => reject(new DialerError('Network', 'down'))))
            )
            .mockImplementationOnce(async () => undefined);
        const first = service.reschedulePreview(DRAFT);
        const again = await service.reschedulePreview({ ...DRAFT, time: '11:00' });
        expect(again.ok ? null : 'error' in again ? [again.error.code, again.error.command] : 'validation').toEqual([
            'InFlight',
            'reschedule'
        ]);
        fail();
        expect((await first).ok).toBe(false);
        expect(await service.retryPreview()).toEqual({ ok: true });
        const sent = (dialer.reschedulePreview as jest.Mock).mock.calls.map((c) => (c[1] as { at: number }).at);
        expect(sent).toEqual([DRAFT_AT, DRAFT_AT]);
    });

    it('RS-6 a zone on the contact that is no zone at all gives way to the zone of the number', async () => {
        const record = { ...RECORD, timeZone: 'Not/AZone' };
        const { service } = await previewing({}, {}, { ...PREVIEW, record, actions: ALL });
        expect(service.rescheduleDraftFor('Europe/London')?.timeZone).toBe('America/Chicago');
    });

    it('RS-6 a starting date early in the month is written with a two-digit day', async () => {
        // 2027-01-05 15:00 UTC is 09:00 in Chicago.
        const rig = await started(
            {},
            {
                startAt: Date.UTC(2027, 0, 5, 15, 0, 0),
                prepare: (d) => (d.capabilities = () => ({ ...CAPS, previewActions: ALL }))
            }
        );
        rig.dialer.events.emit('previewOffered', { ...PREVIEW, actions: ALL });
        await flush();
        expect(rig.service.rescheduleDraftFor('Europe/London')).toMatchObject({ date: '2027-01-05', time: '09:15' });
    });
});
