/**
 * SPEC-level tests of the console service: the real service on the simulated dialer and the in-memory
 * Salesforce, driven through ConsoleApi, asserting on what the agent would see in ConsoleState.
 */
/* eslint-disable no-await-in-loop -- scenario steps run one after another on one virtual clock */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_RETRY_MS, MARQUEE_MS, ROUTED_NOTICE_MS } from 'c/pcService';
import type { CallView, ConsoleState, DestinationUnavailableReason, RescheduleDraft } from 'c/pcModel';
import { recordName } from 'c/pcModel';
import { pass, settle, until } from 'test-support/time';
import { makeRig, startWorking, work } from 'test-support/serviceRig';
import type { Rig, RigOptions } from 'test-support/serviceRig';

const table = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'pcSchedule', '__tests__', 'data', 'badDrafts.json'), 'utf8')
) as {
    base: RescheduleDraft;
    cases: Array<{ name: string; draft: Record<string, unknown>; code: string }>;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function live(state: ConsoleState): readonly CallView[] {
    return state.calls.filter((v) => v.call.status !== 'Ended');
}

async function working(options: RigOptions = {}): Promise<Rig> {
    const rig = makeRig(options);
    await startWorking(rig);
    return rig;
}

const EASTERN_OR_CENTRAL = ['America/New_York', 'America/Chicago', null];

/**
 * Waits for a preview of a North American number in the Eastern or Central zone, requeueing others: the
 * shared bad-input table assumes a US calling list and a contact for whom 22:15 Chicago is after hours.
 */
async function usPreview(rig: Rig): Promise<void> {
    const fits = (): boolean => {
        const p = rig.state().preview;
        return !!p && p.preview.number.startsWith('+1') && EASTERN_OR_CENTRAL.includes(p.preview.record.timeZone);
    };
    expect(await work(rig, fits, 6 * 60 * MINUTE)).toBe(true);
}

async function firstCall(rig: Rig, status: string): Promise<CallView> {
    expect(await until(rig.clock, () => rig.state().calls.some((v) => v.call.status === status))).toBe(true);
    return rig.state().calls.find((v) => v.call.status === status)!;
}

function sentNamed(rig: Rig, name: string): number {
    return rig.sent.filter((c) => c.name === name).length;
}

describe('c-pc-service on the simulated dialer', () => {
    describe('AV availability and skills', () => {
        it('AV-1 shows Logged out, then Working with the skill name', async () => {
            const rig = makeRig();
            await settle(rig.clock, rig.service.start());
            expect(rig.state().agent.status).toBe('LoggedOut');
            await settle(rig.clock, rig.service.loginToSkill('skill-renewals'));
            expect(rig.state().agent).toMatchObject({ status: 'Working', skillName: 'PC Renewals' });
            await settle(rig.clock, rig.service.setUnavailable('code-lunch'));
            expect(rig.state().agent).toMatchObject({ status: 'Unavailable', unavailableCode: { label: 'Lunch' } });
        });

        it('AV-2 lists the skills from the dialer and logs in only to a Personal Connection skill', async () => {
            const rig = makeRig();
            await settle(rig.clock, rig.service.start());
            expect(
                rig
                    .state()
                    .skills.filter((s) => s.isPersonalConnection)
                    .map((s) => s.name)
            ).toEqual(['PC Collections', 'PC Renewals', 'PC Win-back']);
            const refused = await settle(rig.clock, rig.service.loginToSkill('skill-inbound'));
            expect(refused.ok).toBe(false);
            expect(sentNamed(rig, 'loginToSkill')).toBe(0);
            await settle(rig.clock, rig.service.loginToSkill('skill-collections'));
            expect(await until(rig.clock, () => rig.state().preview !== null)).toBe(true);
            expect(rig.state().dispositions.map((d) => d.label)).toContain('Promise to pay');
        });

        it('AV-3 logout waits for the call in progress, then leaves no stale calls or preview', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('Live');
            const active = await firstCall(rig, 'Active');
            await settle(rig.clock, rig.service.logout());
            expect(rig.state().agent).toMatchObject({ status: 'Working', pending: 'Logout' });
            expect(rig.state().calls.map((v) => v.call.id)).toContain(active.call.id);
            await settle(rig.clock, rig.service.endCall(active.call.id));
            await settle(rig.clock, rig.service.saveDisposition(active.call.id, 'disp-completed', ''));
            expect(await until(rig.clock, () => rig.state().agent.status === 'LoggedOut')).toBe(true);
            await pass(rig.clock, 2 * MINUTE);
            expect(rig.state()).toMatchObject({ calls: [], preview: null, screenPop: null });
            expect(rig.state().agent.pending).toBeNull();
        });

        it('UB-7 a saved wrap-up is confirmed with the contact it was for', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('Live');
            const active = await firstCall(rig, 'Active');
            await settle(rig.clock, rig.service.endCall(active.call.id));
            expect(
                (await settle(rig.clock, rig.service.saveDisposition(active.call.id, 'disp-completed', ''))).ok
            ).toBe(true);
            expect(rig.state().confirmation).toMatchObject({
                action: 'WrapUp',
                contactName: recordName(active.call.record),
                number: active.call.number
            });
        });

        it('AV-4 going Unavailable pauses deliveries after the current call', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('Live');
            const active = await firstCall(rig, 'Active');
            await settle(rig.clock, rig.service.setUnavailable('code-break'));
            expect(rig.state().agent.pending).toBe('Unavailable');
            await settle(rig.clock, rig.service.endCall(active.call.id));
            await settle(rig.clock, rig.service.saveDisposition(active.call.id, 'disp-completed', ''));
            expect(await until(rig.clock, () => rig.state().agent.status === 'Unavailable')).toBe(true);
            await pass(rig.clock, 5 * MINUTE, { step: 500 });
            expect(rig.state().calls).toEqual([]);
            expect(rig.state().agent).toMatchObject({ unavailableCode: { label: 'Break' }, pending: null });
        });
    });

    describe('CL calls on up to three lines', () => {
        it('CL-1 shows at most the lines setting, each call with name, number and status', async () => {
            const rig = await working({ preview: false, lines: 3 });
            let most = 0;
            const off = rig.service.subscribe((s) => {
                most = Math.max(most, live(s).length);
            });
            await pass(rig.clock, 3 * MINUTE, { step: 200 });
            off();
            expect(most).toBe(3);
            const view = rig.state().calls[0];
            expect(view!.call.record.lastName).toEqual(expect.any(String));
            expect(view!.call.number).toMatch(/^\+\d+$/);
            expect(['Dialing', 'Ringing', 'AMD', 'Active', 'Held', 'Ended']).toContain(view!.call.status);
        });

        it('CL-1 never shows more calls than the admin allows, even when the dialer places more', async () => {
            const rig = makeRig({ preview: false, lines: 3, settings: { linesPerAgent: 2 } });
            await startWorking(rig);
            let most = 0;
            rig.service.subscribe((s) => {
                most = Math.max(most, live(s).length);
            });
            await pass(rig.clock, 2 * MINUTE, { step: 200 });
            expect(most).toBe(2);
            expect(rig.state().errors.some((e) => e.code === 'Protocol')).toBe(true);
        });

        it('CL-1 shows each status change of a call in the next snapshot', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('Live');
            const seen: string[] = [];
            rig.service.subscribe((s) => {
                const status = s.calls[0]?.call.status;
                if (status && seen[seen.length - 1] !== status) seen.push(status);
            });
            await firstCall(rig, 'Active');
            expect(seen).toEqual(['Dialing', 'Ringing', 'AMD', 'Active']);
        });

        it('CL-2 pops the contact with Value one and Value two when a call reaches AMD', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('AnsweringMachine');
            const amd = await firstCall(rig, 'AMD');
            await pass(rig.clock, 0);
            const pop = rig.state().screenPop!;
            expect(pop.forId).toBe(amd.call.id);
            expect(pop.loading).toBe(false);
            expect(pop.valueOne.label).toBe('Account');
            expect(pop.valueOne.value).toBe(pop.contact?.accountName ?? '');
            expect(pop.valueTwo).toEqual({ label: 'Balance due', value: amd.call.record.fields.BalanceDue });
        });

        it('CL-3 a second answer is routed away: shown briefly, then gone', async () => {
            const rig = await working({ preview: false, lines: 2 });
            rig.dialer.control.forceNextOutcome('Live');
            rig.dialer.control.forceNextOutcome('Live');
            let routedAt = 0;
            rig.service.subscribe((s) => {
                if (!routedAt && s.routed.length) routedAt = s.now;
            });
            expect(await until(rig.clock, () => rig.state().routed.length > 0)).toBe(true);
            const notice = rig.state().routed[0];
            expect(notice!.contactName).toEqual(expect.any(String));
            expect(rig.state().calls.some((v) => v.call.id === notice!.callId)).toBe(false);
            expect(rig.state().calls.filter((v) => v.call.status === 'Active')).toHaveLength(1);
            expect(notice!.until).toBe(routedAt + ROUTED_NOTICE_MS);
            rig.clock.advanceTo(routedAt + ROUTED_NOTICE_MS - 1);
            expect(rig.state().routed).toHaveLength(1);
            await pass(rig.clock, 1);
            expect(rig.state().routed).toEqual([]);
        });

        it('CL-4 hold, resume, mute, unmute and end reach the call; the wrap-up saves the disposition and notes', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('Live');
            const { call } = await firstCall(rig, 'Active');
            await settle(rig.clock, rig.service.hold(call.id));
            expect(rig.state().calls[0]!.call.status).toBe('Held');
            await settle(rig.clock, rig.service.resume(call.id));
            await settle(rig.clock, rig.service.mute(call.id));
            expect(rig.state().calls[0]!.call).toMatchObject({ status: 'Active', muted: true });
            await settle(rig.clock, rig.service.unmute(call.id));
            await pass(rig.clock, 30 * SECOND);
            await settle(rig.clock, rig.service.endCall(call.id));
            expect(rig.state().calls[0]).toMatchObject({ call: { status: 'Ended' }, wrapUp: { saved: false } });
            const missingNotes = await settle(
                rig.clock,
                rig.service.saveDisposition(call.id, 'disp-promise-to-pay', ' ')
            );
            expect(missingNotes.ok).toBe(false);
            const saved = await settle(
                rig.clock,
                rig.service.saveDisposition(call.id, 'disp-promise-to-pay', 'Pays Friday')
            );
            expect(saved.ok).toBe(true);
            expect(rig.state().calls.some((v) => v.call.id === call.id)).toBe(false);
            const [task] = rig.gateway.tasks();
            expect(task!.log).toMatchObject({
                dialerContactId: call.id,
                outcome: 'Sale',
                dispositionLabel: 'Promise to pay',
                notes: 'Pays Friday',
                number: call.number
            });
            expect(task!.log.durationSeconds).toBeGreaterThanOrEqual(30);
        });

        it('CL-4 transfers an answered call to a number typed as agents type it', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('Live');
            const { call } = await firstCall(rig, 'Active');
            const result = await settle(
                rig.clock,
                rig.service.transfer(call.id, { kind: 'Number', value: '(312) 555-0188' })
            );
            expect(result.ok).toBe(true);
            expect(rig.sent.find((c) => c.name === 'transfer')?.args[1]).toEqual({
                kind: 'Number',
                value: '+13125550188'
            });
            expect(rig.state().calls[0]!.call.status).toBe('Ended');
        });

        it('CL-5 exactly one unanswered call is the most likely, and the next call follows a finished one', async () => {
            const rig = await working({ preview: false, lines: 3 });
            const flagged: number[] = [];
            const ids = new Set<string>();
            rig.service.subscribe((s) => s.calls.forEach((v) => ids.add(v.call.id)));
            // Sampled between dialer steps: within one step the flag moves from one call to another.
            for (let i = 0; i < 60; i += 1) {
                await work(rig, () => false, 2 * SECOND);
                const dialing = rig.state().calls.filter((v) => ['Dialing', 'Ringing', 'AMD'].includes(v.call.status));
                if (dialing.length) flagged.push(dialing.filter((v) => v.call.mostLikely).length);
            }
            expect(flagged.length).toBeGreaterThan(0);
            expect(new Set(flagged)).toEqual(new Set([1]));
            expect(ids.size).toBeGreaterThan(3);
        });
    });

    describe('AM answering machine, fax, bad number', () => {
        it.each(['AnsweringMachine', 'Fax', 'BadNumber'] as const)(
            'AM-1 AM-2 closes a ringing call as %s, records it and the dialer delivers the next call',
            async (kind) => {
                const rig = await working({ preview: false });
                rig.dialer.control.forceNextOutcome('NoAnswer');
                const ringing = await firstCall(rig, 'Ringing');
                const result = await settle(rig.clock, rig.service.overrideMachine(ringing.call.id, kind));
                expect(result.ok).toBe(true);
                expect(sentNamed(rig, 'overrideMachine')).toBe(1);
                const history = rig.dialer.control.attemptsHistory(ringing.call.record.id)!;
                expect(history.attempts[history.attempts.length - 1]!.outcome).toBe(kind);
                expect(
                    await until(rig.clock, () =>
                        rig.gateway.tasks().some((t) => t.log.dialerContactId === ringing.call.id)
                    )
                ).toBe(true);
                expect(rig.gateway.tasks().find((t) => t.log.dialerContactId === ringing.call.id)?.log.outcome).toBe(
                    kind
                );
                expect(await until(rig.clock, () => rig.state().calls.some((v) => v.call.id !== ringing.call.id))).toBe(
                    true
                );
            }
        );

        it('AM-3 a second click while the first is in flight sends nothing', async () => {
            const rig = await working({ preview: false, latencyMs: 150 });
            rig.dialer.control.forceNextOutcome('NoAnswer');
            const ringing = await firstCall(rig, 'Ringing');
            const first = rig.service.overrideMachine(ringing.call.id, 'Fax');
            expect(rig.state().calls[0]!.pending).toEqual(['override']);
            const second = await rig.service.overrideMachine(ringing.call.id, 'Fax');
            expect(second).toMatchObject({ ok: false, error: { code: 'InFlight' } });
            expect((await settle(rig.clock, first)).ok).toBe(true);
            expect(sentNamed(rig, 'overrideMachine')).toBe(1);
        });

        it('AM-3 after the call is Active an override is refused locally and nothing is sent', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('Live');
            const active = await firstCall(rig, 'Active');
            const result = await settle(rig.clock, rig.service.overrideMachine(active.call.id, 'AnsweringMachine'));
            expect(result).toMatchObject({ ok: false, error: { code: 'InvalidState' } });
            await settle(rig.clock, rig.service.endCall(active.call.id));
            const ended = await settle(rig.clock, rig.service.overrideMachine(active.call.id, 'Fax'));
            expect(ended).toMatchObject({ ok: false, error: { code: 'InvalidState' } });
            expect(sentNamed(rig, 'overrideMachine')).toBe(0);
        });
    });

    describe('PV preview dialing', () => {
        it('PV-1 shows the record, number, Value one and Value two, attempts so far and the actions', async () => {
            const rig = await working();
            expect(await until(rig.clock, () => rig.state().screenPop?.loading === false)).toBe(true);
            const { preview, screenPop } = rig.state();
            expect(preview!.preview.record.lastName).toEqual(expect.any(String));
            expect(preview!.preview.number).toMatch(/^\+\d+$/);
            expect(preview!.preview.attemptsSoFar).toEqual(expect.any(Number));
            expect(preview!.actions).toEqual(['Accept', 'Requeue', 'Reschedule', 'Snooze', 'Disposition']);
            expect(screenPop!.forId).toBe(preview!.preview.id);
            expect(screenPop!.valueTwo.value).toBe(preview!.preview.record.fields.BalanceDue);
        });

        it('PV-2 Accept places the call to the contact and the pop follows the call', async () => {
            const rig = await working();
            await until(rig.clock, () => rig.state().preview !== null);
            const record = rig.state().preview!.preview.record;
            expect((await settle(rig.clock, rig.service.acceptPreview())).ok).toBe(true);
            expect(rig.state().preview).toBeNull();
            expect(rig.state().calls[0]!.call.record.id).toBe(record.id);
            expect(rig.state().screenPop?.forId).toBe(rig.state().calls[0]!.call.id);
        });

        it('PV-3 Requeue sends the record back and closes the window', async () => {
            const rig = await working();
            await until(rig.clock, () => rig.state().preview !== null);
            const record = rig.state().preview!.preview.record;
            expect((await settle(rig.clock, rig.service.requeuePreview())).ok).toBe(true);
            expect(rig.state().preview).toBeNull();
            const attempts = rig.dialer.control.attemptsHistory(record.id)!.attempts;
            expect(attempts[attempts.length - 1]!.outcome).toBe('Requeued');
        });

        it('PV-4 Reschedule is offered only where the admin enabled it, and opens the form', async () => {
            const off = await working({ settings: { rescheduleEnabled: false } });
            await until(off.clock, () => off.state().preview !== null);
            expect(off.state().preview!.actions).not.toContain('Reschedule');
            off.service.setRescheduling(true);
            expect(off.state().preview!.rescheduling).toBe(false);
            const on = await working();
            await until(on.clock, () => on.state().preview !== null);
            on.service.setRescheduling(true);
            expect(on.state().preview!.rescheduling).toBe(true);
        });

        it("PV-5 Snooze returns the record to the agent's personal queue and it comes back", async () => {
            const rig = await working();
            await until(rig.clock, () => rig.state().preview !== null);
            const record = rig.state().preview!.preview.record;
            expect((await settle(rig.clock, rig.service.snoozePreview())).ok).toBe(true);
            expect(rig.state().preview).toBeNull();
            // Requeue whatever else comes until the snoozed record is offered again.
            const back = await work(rig, () => rig.state().preview?.preview.record.id === record.id);
            expect(back).toBe(true);
        });

        it('PV-6 each action is sent once and the window closes only when the dialer confirmed it', async () => {
            const rig = await working({ latencyMs: 150 });
            await until(rig.clock, () => rig.state().preview !== null);
            const first = rig.service.acceptPreview();
            expect(rig.state().preview!.pending).toBe('Accept');
            expect(await rig.service.acceptPreview()).toMatchObject({ ok: false, error: { code: 'InFlight' } });
            expect(await rig.service.requeuePreview()).toMatchObject({ ok: false, error: { code: 'InFlight' } });
            expect(rig.state().preview).not.toBeNull();
            expect((await settle(rig.clock, first)).ok).toBe(true);
            expect(rig.state().preview).toBeNull();
            expect(sentNamed(rig, 'acceptPreview') + sentNamed(rig, 'requeuePreview')).toBe(1);
        });

        it('PV-6 a failure keeps the window open with the error, and Retry sends it again', async () => {
            const rig = await working();
            await until(rig.clock, () => rig.state().preview !== null);
            rig.dialer.control.failNextCommand('Timeout');
            const failed = await settle(rig.clock, rig.service.requeuePreview());
            expect(failed).toMatchObject({ ok: false, error: { code: 'Timeout', source: 'Dialer' } });
            expect(rig.state().preview).toMatchObject({
                pending: null,
                failedAction: 'Requeue',
                error: { code: 'Timeout' }
            });
            expect(rig.state().errors.map((e) => e.code)).toContain('Timeout');
            expect((await settle(rig.clock, rig.service.retryPreview())).ok).toBe(true);
            expect(rig.state().preview).toBeNull();
            expect(sentNamed(rig, 'requeuePreview')).toBe(2);
        });

        it('PV-6 the console error of a preview action goes once its Retry went through', async () => {
            const rig = await working();
            await until(rig.clock, () => rig.state().preview !== null);
            rig.dialer.control.failNextCommand('Timeout');
            await settle(rig.clock, rig.service.requeuePreview());
            rig.dialer.control.failNextCommand('Rejected');
            await settle(rig.clock, rig.service.logout());
            expect(rig.state().errors.map((e) => e.command)).toEqual(['requeue', 'logout']);
            expect((await settle(rig.clock, rig.service.retryPreview())).ok).toBe(true);
            // Only the command that went through loses its errors; the failed logout still says so.
            expect(rig.state().errors.map((e) => e.command)).toEqual(['logout']);
        });

        it('BX-6 a preview countdown is shown and the dialer closes the window at zero', async () => {
            const rig = await working({ previewTimeoutSeconds: 30 });
            await until(rig.clock, () => rig.state().preview !== null);
            const { timeout, offeredAt } = rig.state().preview!.preview;
            expect(timeout).toEqual({ expiresAt: offeredAt + 30 * SECOND, atZero: 'Requeue' });
            const id = rig.state().preview!.preview.id;
            await pass(rig.clock, 30 * SECOND);
            expect(rig.state().preview?.preview.id).not.toBe(id);
        });

        it('BX-7 records a disposition from the preview without dialing', async () => {
            const rig = await working();
            await until(rig.clock, () => rig.state().preview !== null);
            const record = rig.state().preview!.preview.record;
            expect((await settle(rig.clock, rig.service.dispositionPreview('disp-wrong-number', ''))).ok).toBe(true);
            expect(rig.state().preview).toBeNull();
            expect(sentNamed(rig, 'acceptPreview')).toBe(0);
            const attempts = rig.dialer.control.attemptsHistory(record.id)!.attempts;
            expect(attempts[attempts.length - 1]!.outcome).toBe('WrongNumber');
        });
    });

    describe('RS reschedule and callbacks', () => {
        it("RS-1 RS-6 CP-1 prefills the form from the preview: its number, Me, the contact's zone, the next legal time", async () => {
            const rig = await working();
            await until(rig.clock, () => rig.state().preview !== null);
            const draft = rig.service.rescheduleDraftFor('America/Chicago')!;
            const record = rig.state().preview!.preview.record;
            expect(record.timeZone).toBeTruthy();
            expect(draft).toMatchObject({
                number: rig.state().preview!.preview.number,
                deliverTo: 'Me',
                timeZone: record.timeZone,
                notes: ''
            });
            // RS-6, CP-1: the default instant is the next quarter hour the rules allow: no warning to dismiss.
            const checked = rig.service.validateReschedule(draft);
            expect(checked).toMatchObject({ ok: true, warnings: [], compliance: null });
            expect(checked.ok && checked.request.at).toBeGreaterThan(rig.clock.now());
        });

        it.each(table.cases.map((c) => [c.name, c] as const))(
            'RS-2 %s: a clear field issue and nothing is sent',
            async (_name, c) => {
                const rig = await working();
                await usPreview(rig);
                const { notesRepeat, ...rest } = c.draft as { notesRepeat?: number };
                const draft = { ...table.base, ...rest, ...(notesRepeat ? { notes: 'n'.repeat(notesRepeat) } : {}) };
                const result = await settle(rig.clock, rig.service.reschedulePreview(draft as RescheduleDraft));
                expect(result.ok).toBe(false);
                expect('errors' in result && result.errors.map((e) => e.code)).toContain(c.code);
                expect(sentNamed(rig, 'reschedulePreview')).toBe(0);
                expect(rig.state().preview).not.toBeNull();
            }
        );

        it('RS-2 a failed save keeps the window open, and Retry sends the same request', async () => {
            const rig = await working();
            await usPreview(rig);
            const draft = { ...table.base, number: rig.state().preview!.preview.number };
            rig.dialer.control.failNextCommand('Network');
            const failed = await settle(rig.clock, rig.service.reschedulePreview(draft));
            expect(failed.ok).toBe(false);
            expect(rig.state().preview).toMatchObject({ failedAction: 'Reschedule', error: { code: 'Network' } });
            expect((await settle(rig.clock, rig.service.retryPreview())).ok).toBe(true);
            const [a, b] = rig.sent.filter((s) => s.name === 'reschedulePreview');
            expect(b!.args).toEqual(a!.args);
        });

        it('RS-3 sends the instant of date + time + zone: 09:00 Chicago in July is 14:00 UTC', async () => {
            const rig = await working();
            await usPreview(rig);
            const draft: RescheduleDraft = { ...table.base, date: '2027-07-15', time: '09:00' };
            expect((await settle(rig.clock, rig.service.reschedulePreview(draft))).ok).toBe(true);
            const request = rig.sent.find((s) => s.name === 'reschedulePreview')!.args[1] as {
                at: number;
                number: string;
            };
            expect(new Date(request.at).toISOString()).toBe('2027-07-15T14:00:00.000Z');
            expect(request.number).toBe('+13125550100');
        });

        it('RS-4 the callback arrives at its instant with a five-second marquee that stays in Agent Messages', async () => {
            const rig = await working();
            await usPreview(rig);
            const draft: RescheduleDraft = { ...table.base, date: '2027-01-11', time: '11:00' };
            expect((await settle(rig.clock, rig.service.reschedulePreview(draft))).ok).toBe(true);
            // Keep the agent free for the callback: requeue previews until it is due.
            const due = Date.parse('2027-01-11T17:00:00Z');
            expect(await work(rig, () => rig.state().marquee !== null, 3 * 60 * MINUTE)).toBe(true);
            const marquee = rig.state().marquee!;
            const shownAt = marquee.at;
            expect(marquee).toMatchObject({ kind: 'Callback', number: '+13125550100' });
            expect(shownAt).toBeGreaterThanOrEqual(due);
            expect(rig.state().calls.some((v) => v.call.direction === 'Callback')).toBe(true);
            rig.clock.advanceTo(shownAt + MARQUEE_MS - 1);
            expect(rig.state().marquee).toBe(marquee);
            rig.clock.advanceTo(shownAt + MARQUEE_MS);
            expect(rig.state().marquee).toBeNull();
            expect(rig.state().messages[0]).toBe(marquee);
        });

        it('UB-7 RS-4 a booked callback is confirmed, and its notes come back with it (marquee, Agent Messages, call)', async () => {
            const rig = await working();
            await usPreview(rig);
            const draft: RescheduleDraft = { ...table.base, date: '2027-01-11', time: '11:00', notes: 'Ask for Grace' };
            expect((await settle(rig.clock, rig.service.reschedulePreview(draft))).ok).toBe(true);
            expect(rig.state().confirmation).toMatchObject({
                action: 'Reschedule',
                at: Date.parse('2027-01-11T17:00:00Z'),
                timeZone: 'America/Chicago'
            });
            expect(await work(rig, () => rig.state().marquee !== null, 3 * 60 * MINUTE)).toBe(true);
            expect(rig.state().marquee).toMatchObject({ kind: 'Callback', notes: 'Ask for Grace' });
            expect(rig.state().messages[0]).toMatchObject({ notes: 'Ask for Grace' });
            const call = rig.state().calls.find((v) => v.call.direction === 'Callback');
            expect(call?.callbackNotes).toBe('Ask for Grace');
        });

        it('UB-7 requeue and snooze are confirmed too, then the confirmation goes', async () => {
            const rig = await working();
            await usPreview(rig);
            expect((await settle(rig.clock, rig.service.requeuePreview())).ok).toBe(true);
            const confirmation = rig.state().confirmation!;
            expect(confirmation).toMatchObject({ action: 'Requeue', at: null });
            rig.clock.advanceTo(rig.clock.now() + 8_000);
            expect(rig.state().confirmation).toBeNull();
        });

        it('RS-2 after a failed save, one Save again sends exactly one more reschedule', async () => {
            const rig = await working();
            await usPreview(rig);
            const draft = { ...table.base, number: rig.state().preview!.preview.number };
            rig.dialer.control.failNextCommand('Network');
            expect((await settle(rig.clock, rig.service.reschedulePreview(draft))).ok).toBe(false);
            expect((await settle(rig.clock, rig.service.reschedulePreview(draft))).ok).toBe(true);
            expect(rig.sent.filter((c) => c.name === 'reschedulePreview')).toHaveLength(2);
            expect(rig.dialer.control.nextCallbackAt()).not.toBeNull();
        });
    });

    describe('SP screen pop, Contact History and Attempts History', () => {
        it('SP-1 Contact History shows the matched contact and earlier interactions, newest first', async () => {
            const rig = await working();
            expect(await until(rig.clock, () => rig.state().screenPop?.loading === false)).toBe(true);
            const pop = rig.state().screenPop!;
            expect(pop.contact?.name).toBe(`${pop.record.firstName} ${pop.record.lastName}`);
            expect(pop.history.length).toBeGreaterThan(0);
            const times = pop.history.map((h) => h.at);
            expect(times).toEqual([...times].sort((a, b) => b - a));
        });

        it('SP-2 Attempts History has one row per destination with attempts of max', async () => {
            const rig = await working();
            expect(await until(rig.clock, () => rig.state().screenPop?.attemptsHistory != null)).toBe(true);
            const history = rig.state().screenPop!.attemptsHistory!;
            expect(history.destinations.map((d) => d.kind)).toEqual(expect.arrayContaining(['Phone', 'Sms', 'Email']));
            for (const d of history.destinations) {
                // The dialer always knows its maximum: null (unknown) would fail here.
                expect(d.attempts).toBeLessThanOrEqual(d.maxAttempts ?? -1);
                expect(d.description).toEqual(expect.any(String));
                expect(d.value).toEqual(expect.any(String));
            }
        });

        it('SP-2 no Attempts History where the admin turned it off', async () => {
            const rig = await working({ settings: { attemptsHistoryEnabled: false } });
            expect(await until(rig.clock, () => rig.state().screenPop?.loading === false)).toBe(true);
            expect(rig.state().screenPop!.attemptsHistory).toBeNull();
        });

        it('SP-3 SP-4 every unavailable reason is one of the eight and attempts are numbered per destination', async () => {
            const rig = await working();
            const reasons = new Set<DestinationUnavailableReason>();
            let checked = 0;
            for (let i = 0; i < 15; i += 1) {
                await until(
                    rig.clock,
                    () => rig.state().screenPop?.attemptsHistory != null && rig.state().preview?.pending === null
                );
                const history = rig.state().screenPop!.attemptsHistory!;
                history.destinations.forEach((d) => d.unavailableReason && reasons.add(d.unavailableReason));
                const perDestination = new Map<string, number>();
                for (const a of history.attempts) {
                    const n = (perDestination.get(a.destinationId) ?? 0) + 1;
                    perDestination.set(a.destinationId, n);
                    expect(a.number).toBe(n);
                    expect(history.destinations.find((d) => d.id === a.destinationId)?.description).toBe(
                        a.destinationDescription
                    );
                    checked += 1;
                }
                await settle(rig.clock, rig.service.requeuePreview());
            }
            const eight = [
                'Exhausted',
                'Finalized',
                'DNC',
                'LastOutcomeNotActiveForCalling',
                'DestinationNotActive',
                'MaxAnsweringMachineDetections',
                'DestinationNotInCadence',
                'Presented'
            ];
            expect([...reasons].every((r) => eight.includes(r))).toBe(true);
            expect(reasons.size).toBeGreaterThan(0);
            expect(checked).toBeGreaterThan(0);
        });

        it('SP-5 a destination that cannot be called now is never the one offered for dialing', async () => {
            const rig = await working({ recordCount: 40 });
            for (let i = 0; i < 20; i += 1) {
                await until(
                    rig.clock,
                    () => rig.state().screenPop?.attemptsHistory != null && rig.state().preview?.pending === null
                );
                const { preview, screenPop } = rig.state();
                const destination = screenPop!.attemptsHistory!.destinations.find(
                    (d) => d.id === preview!.preview.destinationId
                )!;
                expect(destination.unavailableReason).toBeNull();
                await settle(rig.clock, rig.service.requeuePreview());
            }
        });
    });

    describe('AG agent messages', () => {
        it('AG-1 lists every message of the session newest first, with its time', async () => {
            const rig = await working();
            for (const time of ['10:30', '11:00']) {
                await usPreview(rig);
                const draft: RescheduleDraft = { ...table.base, date: '2027-01-11', time };
                expect((await settle(rig.clock, rig.service.reschedulePreview(draft))).ok).toBe(true);
            }
            expect(await work(rig, () => rig.state().messages.length >= 2, 3 * 60 * MINUTE)).toBe(true);
            const messages = rig.state().messages;
            expect(messages.map((m) => m.kind)).toEqual(['Callback', 'Callback']);
            expect(messages[0]!.at).toBeGreaterThan(messages[1]!.at);
            expect(new Date(messages[1]!.at).toISOString()).toBe('2027-01-11T16:30:00.000Z');
            rig.service.dismissMarquee();
            expect(rig.state().marquee).toBeNull();
            expect(rig.state().messages).toHaveLength(2);
        });
    });

    describe('BX and AD', () => {
        it('BX-1 a retry after a failed log sends the disposition once and creates one Task', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('Live');
            const { call } = await firstCall(rig, 'Active');
            await settle(rig.clock, rig.service.endCall(call.id));
            rig.gateway.failNext('logAttempt', 'Network');
            const failed = await settle(rig.clock, rig.service.saveDisposition(call.id, 'disp-completed', 'ok'));
            expect(failed).toMatchObject({ ok: false, error: { source: 'Salesforce', code: 'Network' } });
            expect(rig.state().calls.find((v) => v.call.id === call.id)?.wrapUp).toMatchObject({
                saved: false,
                error: { code: 'Network' }
            });
            const retried = await settle(rig.clock, rig.service.saveDisposition(call.id, 'disp-completed', 'ok'));
            expect(retried.ok).toBe(true);
            expect(sentNamed(rig, 'disposition')).toBe(1);
            expect(rig.gateway.tasks().filter((t) => t.log.dialerContactId === call.id)).toHaveLength(1);
            expect(rig.gateway.callCount('logAttempt')).toBe(2);
        });

        it('BX-1 an unanswered attempt whose log failed is logged later, once', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('NoAnswer');
            const ringing = await firstCall(rig, 'Ringing');
            rig.gateway.failNext('logAttempt', 'Network');
            await settle(rig.clock, rig.service.overrideMachine(ringing.call.id, 'BadNumber'));
            await pass(rig.clock, 0);
            const mine = () => rig.gateway.tasks().filter((t) => t.log.dialerContactId === ringing.call.id);
            expect(mine()).toHaveLength(0);
            expect(rig.state().errors).toContainEqual(
                expect.objectContaining({ command: 'logAttempt', code: 'Network' })
            );
            await pass(rig.clock, LOG_RETRY_MS[0]!, { step: 1000 });
            expect(mine().map((t) => t.log.outcome)).toEqual(['BadNumber']);
            await pass(rig.clock, LOG_RETRY_MS[1]! + LOG_RETRY_MS[2]!, { step: 10_000 });
            expect(mine()).toHaveLength(1);
        });

        it('BX-2 a refreshed page rebuilds the session from the dialer, wrap-up included, and logs once', async () => {
            const rig = await working({ preview: false });
            rig.dialer.control.forceNextOutcome('Live');
            const { call } = await firstCall(rig, 'Active');
            await settle(rig.clock, rig.service.endCall(call.id));
            await rig.service.stop();
            const { ConsoleService } = await import('c/pcService');
            const fresh = new ConsoleService({
                adapter: rig.dialer,
                gateway: rig.gateway,
                clock: rig.clock,
                settings: rig.state().settings
            });
            await settle(rig.clock, fresh.start());
            expect(fresh.getState().agent).toMatchObject({ status: 'Working', skillId: 'skill-collections' });
            expect(fresh.getState().calls.map((v) => v.call.id)).toEqual([call.id]);
            expect(fresh.getState().calls[0]!.wrapUp).toEqual({ saved: false, error: null });
            expect(fresh.getState().dispositions.length).toBeGreaterThan(0);
            expect((await settle(rig.clock, fresh.saveDisposition(call.id, 'disp-completed', ''))).ok).toBe(true);
            expect(rig.gateway.tasks().map((t) => t.log.dialerContactId)).toEqual([call.id]);
            expect(fresh.getState().calls).toEqual([]);
        });

        it('BX-5 the connection state is shown as the dialer reports it', async () => {
            const rig = makeRig();
            const statuses: string[] = [];
            rig.service.subscribe(
                (s) => statuses[statuses.length - 1] !== s.connection.status && statuses.push(s.connection.status)
            );
            await settle(rig.clock, rig.service.start());
            await rig.service.stop();
            expect(statuses).toEqual(['Connecting', 'Connected', 'Disconnected']);
        });

        it('AD-3 bad settings are reported and the console starts on the simulated dialer with safe defaults', async () => {
            const rig = makeRig({ settings: { linesPerAgent: 7, callingHoursGuard: 'Sometimes' } });
            const result = await settle(rig.clock, rig.service.start());
            expect(result.ok).toBe(true);
            expect(rig.state().settings).toMatchObject({ linesPerAgent: 1, callingHoursGuard: 'Warn' });
            expect(rig.state().settingsProblems).toEqual([
                { setting: 'linesPerAgent', code: 'OutOfRange', usedInstead: '1' },
                { setting: 'callingHoursGuard', code: 'Invalid', usedInstead: 'Warn' }
            ]);
            expect(rig.state().connection.status).toBe('Connected');
        });
    });
});
