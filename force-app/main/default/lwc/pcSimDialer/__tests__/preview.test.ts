import type { Preview, RescheduleRequest } from 'c/pcModel';
import { reach } from 'test-support/time';
import type { EventRecorder } from 'test-support/recorders';
import { callWhere, send, working } from 'test-support/simDialer';
import type { SimulatedDialer } from 'c/pcSimDialer';

const MINUTE = 60_000;

async function offered(dialer: SimulatedDialer): Promise<Preview> {
    return reach(dialer.control, () => dialer.control.preview());
}

function closes(events: EventRecorder, previewId: string): string[] {
    return events
        .of('previewClosed')
        .filter((c) => c.previewId === previewId)
        .map((c) => c.reason);
}

function lastAttempt(dialer: SimulatedDialer, recordId: string): { outcome: string; destinationId: string } {
    return dialer.control.attemptsHistory(recordId)!.attempts.at(-1)!;
}

function request(dialer: SimulatedDialer, preview: Preview, patch: Partial<RescheduleRequest> = {}): RescheduleRequest {
    return {
        number: preview.number,
        deliverTo: 'Me',
        at: dialer.control.clock.now() + 30 * MINUTE,
        timeZone: 'America/Chicago',
        notes: 'Call after lunch',
        ...patch
    };
}

/**
 * Books a callback for the offered preview (to the agent or the skill), takes the next preview live and moves to
 * the callback's time: it falls due while the agent is on a call.
 */
async function callbackWhileOnCall(dialer: SimulatedDialer, deliverTo: 'Me' | 'Skill') {
    const preview = await offered(dialer);
    const callback = await send(dialer, dialer.reschedulePreview(preview.id, request(dialer, preview, { deliverTo })));
    const next = await offered(dialer);
    dialer.control.forceNextOutcome('Live');
    await send(dialer, dialer.acceptPreview(next.id));
    const active = await callWhere(dialer, (c) => c.status === 'Active');
    dialer.control.advanceToNextCallback();
    return { preview, callback, active };
}

describe('c-pc-sim-dialer preview', () => {
    it('PV-1 offers a record with its number, attempts so far, the actions and no unavailable destination', async () => {
        const { dialer } = await working({ preview: true });
        const preview = await offered(dialer);
        expect(preview.actions).toEqual(['Accept', 'Requeue', 'Reschedule', 'Snooze', 'Disposition']);
        expect(preview.timeout).toBeNull();
        const history = dialer.control.attemptsHistory(preview.record.id)!;
        const dest = history.destinations.find((d) => d.id === preview.destinationId)!;
        expect(dest.value).toBe(preview.number);
        expect(dest.unavailableReason).toBeNull();
        expect(dest.lastPresentation).toBe(preview.offeredAt);
        expect(preview.attemptsSoFar).toBe(history.attempts.length);
    });

    it('PV-1 offers only the actions the capabilities allow, and rejects the others with Unsupported', async () => {
        expect.assertions(2);
        const { dialer } = await working({ preview: true, capabilities: { previewActions: ['Accept', 'Requeue'] } });
        const preview = await offered(dialer);
        expect(preview.actions).toEqual(['Accept', 'Requeue']);
        await expect(send(dialer, dialer.snoozePreview(preview.id))).rejects.toMatchObject({ code: 'Unsupported' });
    });

    it('PV-2 Accept closes the preview and dials the previewed destination', async () => {
        const { dialer, events } = await working({ preview: true });
        const preview = await offered(dialer);
        await send(dialer, dialer.acceptPreview(preview.id));
        expect(closes(events, preview.id)).toEqual(['Accepted']);
        const call = dialer.control.calls()[0];
        expect(call).toMatchObject({ destinationId: preview.destinationId, number: preview.number, line: 1 });
        expect(call!.direction).toBe('Outbound');
    });

    it('PV-3 Requeue sends the record back to the skill queue; the destination shows Presented', async () => {
        const { dialer, events } = await working({ preview: true });
        const preview = await offered(dialer);
        await send(dialer, dialer.requeuePreview(preview.id));
        expect(closes(events, preview.id)).toEqual(['Requeued']);
        expect(lastAttempt(dialer, preview.record.id)).toMatchObject({
            outcome: 'Requeued',
            destinationId: preview.destinationId
        });
        const dest = dialer.control
            .attemptsHistory(preview.record.id)!
            .destinations.find((d) => d.id === preview.destinationId)!;
        expect(dest.unavailableReason).toBe('Presented');
        expect(dest.availableAt).toBeGreaterThan(dialer.control.clock.now());
        const next = await offered(dialer);
        expect(next.id).not.toBe(preview.id);
        expect(next.record.id).not.toBe(preview.record.id);
    });

    it('PV-5 Snooze puts the record in the personal queue and offers it to this agent again later', async () => {
        const { dialer, events } = await working({ preview: true, snoozeMinutes: 5 });
        const preview = await offered(dialer);
        await send(dialer, dialer.snoozePreview(preview.id));
        expect(closes(events, preview.id)).toEqual(['Snoozed']);
        expect(lastAttempt(dialer, preview.record.id).outcome).toBe('Snoozed');
        // Keep requeueing whatever else comes until the snoozed record is back.
        const back = await reach(
            dialer.control,
            () => {
                const p = dialer.control.preview();
                if (p && p.record.id !== preview.record.id) {
                    dialer.requeuePreview(p.id).catch(() => undefined);
                    return null;
                }
                return p;
            },
            { maxMs: 15 * MINUTE }
        );
        expect(back.record.id).toBe(preview.record.id);
        expect(back.offeredAt - preview.offeredAt).toBeGreaterThanOrEqual(5 * MINUTE);
    });

    it('BX-6 the preview counts down and requeues at zero when set to Requeue', async () => {
        const { dialer, events } = await working({ preview: true, previewTimeoutSeconds: 30 });
        const preview = await offered(dialer);
        expect(preview.timeout).toEqual({ expiresAt: preview.offeredAt + 30_000, atZero: 'Requeue' });
        dialer.control.advance(preview.timeout!.expiresAt - dialer.control.clock.now() - 1);
        expect(closes(events, preview.id)).toEqual([]);
        dialer.control.advance(1);
        expect(closes(events, preview.id)).toEqual(['TimedOut']);
        expect(lastAttempt(dialer, preview.record.id).outcome).toBe('Requeued');
        expect(dialer.control.calls()).toHaveLength(0);
    });

    it('BX-6 the preview dials at zero when set to Dial', async () => {
        const { dialer, events } = await working({ preview: true });
        dialer.control.setPreviewTimeout(10, 'Dial');
        const preview = await offered(dialer);
        expect(preview.timeout?.atZero).toBe('Dial');
        dialer.control.advance(preview.timeout!.expiresAt - dialer.control.clock.now());
        expect(closes(events, preview.id)).toEqual(['TimedOut']);
        expect(dialer.control.calls()[0]).toMatchObject({ status: 'Dialing', destinationId: preview.destinationId });
    });

    it('BX-6 an action before zero stops the countdown', async () => {
        const { dialer, events } = await working({ preview: true, previewTimeoutSeconds: 5 });
        const preview = await offered(dialer);
        await send(dialer, dialer.snoozePreview(preview.id));
        dialer.control.advance(10_000);
        expect(closes(events, preview.id)).toEqual(['Snoozed']);
    });

    it('BX-7 a disposition from the preview records the outcome without dialing', async () => {
        const { dialer, events } = await working({ preview: true });
        const preview = await offered(dialer);
        await send(dialer, dialer.dispositionPreview(preview.id, 'disp-wrong-number', ''));
        expect(closes(events, preview.id)).toEqual(['Dispositioned']);
        expect(lastAttempt(dialer, preview.record.id)).toMatchObject({
            outcome: 'WrongNumber',
            destinationId: preview.destinationId
        });
        expect(events.of('callUpdated')).toHaveLength(0);
        const dest = dialer.control
            .attemptsHistory(preview.record.id)!
            .destinations.find((d) => d.id === preview.destinationId)!;
        expect(dest.unavailableReason).toBe('LastOutcomeNotActiveForCalling');
    });

    it('BX-7 a disposition needing notes, or unknown, rejects and the preview stays', async () => {
        expect.assertions(3);
        const { dialer } = await working({ preview: true });
        const preview = await offered(dialer);
        await expect(send(dialer, dialer.dispositionPreview(preview.id, 'disp-dnc', ''))).rejects.toMatchObject({
            code: 'Rejected'
        });
        await expect(send(dialer, dialer.dispositionPreview(preview.id, 'nope', ''))).rejects.toMatchObject({
            code: 'NotFound'
        });
        expect(dialer.control.preview()?.id).toBe(preview.id);
    });

    it('PV-6 an action on a closed preview rejects with InvalidState, on an unknown one with NotFound', async () => {
        expect.assertions(2);
        const { dialer } = await working({ preview: true });
        const preview = await offered(dialer);
        await send(dialer, dialer.requeuePreview(preview.id));
        await expect(send(dialer, dialer.acceptPreview(preview.id))).rejects.toMatchObject({ code: 'InvalidState' });
        await expect(send(dialer, dialer.acceptPreview('preview-999'))).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('PV-6 failNextCommand fails the next action once with the given code and no effect', async () => {
        expect.assertions(4);
        const { dialer, events } = await working({ preview: true });
        const preview = await offered(dialer);
        dialer.control.failNextCommand('Timeout');
        expect(dialer.control.view().failNext).toBe(true);
        await expect(send(dialer, dialer.acceptPreview(preview.id))).rejects.toMatchObject({
            code: 'Timeout',
            retryable: true
        });
        expect(closes(events, preview.id)).toEqual([]);
        await send(dialer, dialer.acceptPreview(preview.id));
        expect(closes(events, preview.id)).toEqual(['Accepted']);
    });
});

describe('c-pc-sim-dialer reschedule and callbacks', () => {
    it('PV-4 RS-4 Reschedule returns the callback, and at its instant it is delivered to Me as a Callback call', async () => {
        const { dialer, events } = await working({ preview: true });
        const preview = await offered(dialer);
        const asked = request(dialer, preview, { number: '+13125550142' });
        const callback = await send(dialer, dialer.reschedulePreview(preview.id, asked));
        expect(callback).toMatchObject({
            recordId: preview.record.id,
            number: '+13125550142',
            deliverTo: 'Me',
            dueAt: asked.at,
            timeZone: 'America/Chicago',
            notes: 'Call after lunch',
            skillId: preview.skillId
        });
        expect(closes(events, preview.id)).toEqual(['Rescheduled']);
        expect(lastAttempt(dialer, preview.record.id).outcome).toBe('Rescheduled');
        expect(dialer.control.nextCallbackAt()).toBe(asked.at);
        expect(dialer.control.view().nextCallbackAt).toBe(asked.at);

        dialer.control.advance(asked.at - dialer.control.clock.now() - 1);
        expect(events.of('callbackDue')).toHaveLength(0);
        dialer.control.advance(1);
        expect(events.of('callbackDue')).toEqual([callback]);
        const due = events.all.find((e) => e.type === 'callbackDue')!;
        expect(due.at).toBe(asked.at);
        const message = events.last('agentMessage')!;
        expect(message).toMatchObject({ kind: 'Callback', number: '+13125550142', at: asked.at });
        expect(message.text).toContain('+13125550142');
        const call = dialer.control.calls()[0];
        expect(call).toMatchObject({ direction: 'Callback', number: '+13125550142', status: 'Dialing' });
        expect(call!.record.id).toBe(preview.record.id);
        expect(dialer.control.nextCallbackAt()).toBeNull();
    });

    it('RS-4 a preview on screen at the instant is withdrawn for the callback', async () => {
        const { dialer, events } = await working({ preview: true });
        const preview = await offered(dialer);
        const callback = await send(dialer, dialer.reschedulePreview(preview.id, request(dialer, preview)));
        const other = await offered(dialer);
        expect(dialer.control.advanceToNextCallback()).toBe(callback.dueAt);
        expect(closes(events, other.id)).toEqual(['Withdrawn']);
        expect(dialer.control.calls()[0]!.direction).toBe('Callback');
    });

    it('RS-4 a callback to Me waits while the agent is on a call, then comes first', async () => {
        const { dialer, events } = await working({ preview: true, contactHangsUp: false });
        const { preview, callback, active } = await callbackWhileOnCall(dialer, 'Me');
        expect(events.of('callbackDue')).toHaveLength(0);
        await send(dialer, dialer.endCall(active.id));
        await send(dialer, dialer.disposition(active.id, 'disp-refused', ''));
        const delivered = await callWhere(dialer, (c) => c.direction === 'Callback');
        expect(events.of('callbackDue')).toEqual([callback]);
        expect(delivered.record.id).toBe(preview.record.id);
    });

    it('RS-4 a callback to the skill goes to this agent when it is free', async () => {
        const { dialer, events } = await working({ preview: true });
        const preview = await offered(dialer);
        await send(dialer, dialer.reschedulePreview(preview.id, request(dialer, preview, { deliverTo: 'Skill' })));
        dialer.control.advanceToNextCallback();
        expect(events.of('callbackDue')).toHaveLength(1);
        expect(dialer.control.calls()[0]!.direction).toBe('Callback');
    });

    it('RS-4 a callback to the skill goes to another agent when this one is busy, with a message', async () => {
        const { dialer, events } = await working({ preview: true });
        const { preview } = await callbackWhileOnCall(dialer, 'Skill');
        expect(events.of('callbackDue')).toHaveLength(0);
        expect(events.last('agentMessage')).toMatchObject({ kind: 'Info', number: preview.number });
        expect(dialer.control.calls().filter((c) => c.direction === 'Callback')).toHaveLength(0);
        expect(dialer.control.nextCallbackAt()).toBeNull();
    });

    it('RS-4 a skill callback with no other agent free waits for this agent', async () => {
        const { dialer, events } = await working({ preview: true, otherAgentsAvailable: false, contactHangsUp: false });
        const { active } = await callbackWhileOnCall(dialer, 'Skill');
        expect(events.of('callbackDue')).toHaveLength(0);
        await send(dialer, dialer.endCall(active.id));
        await send(dialer, dialer.disposition(active.id, 'disp-completed', ''));
        await callWhere(dialer, (c) => c.direction === 'Callback');
        expect(events.of('callbackDue')).toHaveLength(1);
    });

    it('RS-2 a reschedule with a bad number or a past instant rejects and the preview stays', async () => {
        expect.assertions(3);
        const { dialer } = await working({ preview: true });
        const preview = await offered(dialer);
        await expect(
            send(dialer, dialer.reschedulePreview(preview.id, request(dialer, preview, { number: '555-0100' })))
        ).rejects.toMatchObject({ code: 'Rejected' });
        await expect(
            send(
                dialer,
                dialer.reschedulePreview(preview.id, request(dialer, preview, { at: dialer.control.clock.now() }))
            )
        ).rejects.toMatchObject({ code: 'Rejected' });
        expect(dialer.control.preview()?.id).toBe(preview.id);
    });

    it('RS-4 SP-5 the rescheduled destination is available again at the callback instant, not before', async () => {
        const { dialer } = await working({ preview: true });
        const preview = await offered(dialer);
        const callback = await send(dialer, dialer.reschedulePreview(preview.id, request(dialer, preview)));
        const dest = dialer.control
            .attemptsHistory(preview.record.id)!
            .destinations.find((d) => d.id === preview.destinationId)!;
        expect(dest.availableAt).toBe(callback.dueAt);
        expect(dest.unavailableReason).toBe('LastOutcomeNotActiveForCalling');
    });

    it('RS-2 SP-5 a reschedule to a number on the DNC list is refused', async () => {
        expect.assertions(3);
        const { dialer } = await working({ preview: true });
        // Requeue until a record with a DNC phone comes up (every 20th record from the 6th has one).
        const preview = await reach(dialer.control, () => {
            const p = dialer.control.preview();
            if (!p) return null;
            const history = dialer.control.attemptsHistory(p.record.id)!;
            if (history.destinations.some((d) => d.unavailableReason === 'DNC')) return p;
            dialer.requeuePreview(p.id).catch(() => undefined);
            return null;
        });
        const dnc = dialer.control
            .attemptsHistory(preview.record.id)!
            .destinations.find((d) => d.unavailableReason === 'DNC')!;
        expect(dnc.id).not.toBe(preview.destinationId);
        await expect(
            send(dialer, dialer.reschedulePreview(preview.id, request(dialer, preview, { number: dnc.value })))
        ).rejects.toMatchObject({ code: 'Rejected' });
        expect(dialer.control.preview()?.id).toBe(preview.id);
    });
});
