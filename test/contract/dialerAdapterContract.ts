/**
 * The DialerAdapter contract: what every dialer adapter must do, written once and run against each
 * (the simulated dialer, the CXone adapter on its fake server). Every wait is bounded in dialer time,
 * so a command that never settles fails the test instead of hanging it.
 */
import { DIALER_EVENT_NAMES, DialerError } from 'c/pcDialerPort';
import type { DialerAdapter, DialerEventMap, DialerEventName, SessionInfo } from 'c/pcDialerPort';
import { isAgentStatus, isCallStatus, isOutcome, OVERRIDABLE_STATUSES } from 'c/pcModel';
import type { Call, Disposition, MachineOverride, Preview, Skill } from 'c/pcModel';
import type { ContractHarness, ForcedOutcome, HarnessFactory } from './harness';
import { EventRecorder } from 'test-support/recorders';
import { pass as passIn, reach, settle as settleIn } from 'test-support/time';
import type { StepOptions } from 'test-support/time';

/** Dialer time per driver step while waiting. */
const STEP_MS = 100;
/** The longest any single wait may take, in dialer time. */
const MAX_WAIT_MS = 120_000;

/** Every wait of the contract: bounded in dialer time, letting the harness's own I/O run between steps. */
const WAIT: StepOptions = { step: STEP_MS, maxMs: MAX_WAIT_MS, turns: 5, timers: 1 };

/** Waits for a command while dialer time passes; fails (never hangs) if it does not settle. */
function settle<T>(h: ContractHarness, command: Promise<T>): Promise<T> {
    return settleIn(h.driver, command, WAIT);
}

/** Advances dialer time until an event of `type` matching `match` arrives after index `since`. */
function waitFor<K extends DialerEventName>(
    h: ContractHarness,
    rec: EventRecorder,
    type: K,
    match: (payload: DialerEventMap[K]) => boolean = () => true,
    since = 0,
    maxMs = MAX_WAIT_MS
): Promise<DialerEventMap[K]> {
    return reach(h.driver, () => rec.of(type, since).find(match), { ...WAIT, maxMs });
}

/** Lets `ms` of dialer time pass. */
function pass(h: ContractHarness, ms: number): Promise<void> {
    return passIn(h.driver, ms, WAIT);
}

/** Sends a command that must fail: never synchronously, always with a typed DialerError. */
async function expectDialerError(h: ContractHarness, send: () => Promise<unknown>): Promise<DialerError> {
    let command: Promise<unknown> | undefined;
    expect(() => {
        command = send();
    }).not.toThrow();
    expect(command).toBeInstanceOf(Promise);
    try {
        await settle(h, command as Promise<unknown>);
    } catch (e) {
        expect(e).toBeInstanceOf(DialerError);
        return e as DialerError;
    }
    throw new Error('the command succeeded where it must fail');
}

interface Working {
    readonly rec: EventRecorder;
    readonly session: SessionInfo;
    readonly skill: Skill;
}

async function connect(h: ContractHarness): Promise<{ rec: EventRecorder; session: SessionInfo }> {
    const rec = new EventRecorder(h.adapter);
    const session = await settle(h, h.adapter.connect());
    return { rec, session };
}

async function pcSkill(h: ContractHarness): Promise<Skill> {
    const skills = await settle(h, h.adapter.listSkills());
    const skill = skills.find((s) => s.isPersonalConnection);
    if (!skill) throw new Error('the dialer lists no Personal Connection skill');
    return skill;
}

/** Connects and logs into the first PC skill in the given mode. */
async function working(
    h: ContractHarness,
    mode: { preview: boolean; lines?: number; force?: ForcedOutcome }
): Promise<Working> {
    await h.driver.setPreviewMode(mode.preview);
    await h.driver.setLines(mode.lines ?? 1);
    if (mode.force) await h.driver.forceNextOutcome(mode.force);
    const { rec, session } = await connect(h);
    const skill = await pcSkill(h);
    await settle(h, h.adapter.loginToSkill(skill.id));
    await waitFor(h, rec, 'agentState', (a) => a.status === 'Working' && a.skillId === skill.id);
    return { rec, session, skill };
}

/** The first call update matching `match`. */
function callWhere(h: ContractHarness, w: Working, match: (c: Call) => boolean, since = 0): Promise<Call> {
    return waitFor(h, w.rec, 'callUpdated', match, since);
}

/** A disposition that needs no notes, for wrap-ups. */
async function plainDisposition(h: ContractHarness, skillId: string): Promise<Disposition> {
    const dispositions = await settle(h, h.adapter.listDispositions(skillId));
    const plain = dispositions.find((d) => !d.requiresNotes) ?? dispositions[0];
    if (!plain) throw new Error('the skill has no disposition');
    return plain;
}

/** Ends and wraps up a live call. */
async function wrapUp(h: ContractHarness, w: Working, call: Call): Promise<void> {
    const disposition = await plainDisposition(h, call.skillId);
    await settle(h, h.adapter.endCall(call.id));
    await callWhere(h, w, (c) => c.id === call.id && c.status === 'Ended');
    await settle(h, h.adapter.disposition(call.id, disposition.id, 'contract test'));
    await waitFor(h, w.rec, 'callRemoved', (r) => r.callId === call.id);
}

/** Defines the contract suite for one adapter; `factory` builds a fresh harness per test. */
export function describeDialerAdapterContract(name: string, factory: HarnessFactory): void {
    describe(`DialerAdapter contract: ${name}`, () => {
        let h: ContractHarness;

        beforeEach(async () => {
            h = await factory();
        });

        afterEach(async () => {
            await h.dispose();
        });

        describe('session and agent', () => {
            it('BX-2 connect returns a session with the agent state, and reports Connected', async () => {
                const { rec, session } = await connect(h);
                expect(typeof session.sessionId).toBe('string');
                expect(session.sessionId).not.toBe('');
                expect(session.agentId).not.toBe('');
                expect(isAgentStatus(session.agent.status)).toBe(true);
                expect(Array.isArray(session.calls)).toBe(true);
                const live = h.mirror ? 'Mirroring' : 'Connected';
                expect(rec.of('connection').some((c) => c.status === live)).toBe(true);
            });

            it('AV-2 lists skills with Personal Connection skills, unavailable codes and dispositions', async () => {
                await connect(h);
                const skill = await pcSkill(h);
                const codes = await settle(h, h.adapter.listUnavailableCodes());
                expect(codes.length).toBeGreaterThan(0);
                const dispositions = await settle(h, h.adapter.listDispositions(skill.id));
                expect(dispositions.length).toBeGreaterThan(0);
                expect(dispositions.every((d) => isOutcome(d.outcome))).toBe(true);
            });

            it('AV-1 AV-2 login to a Personal Connection skill makes the agent Working on it', async () => {
                const w = await working(h, { preview: true });
                const state = w.rec.of('agentState').at(-1)!;
                expect(state.status).toBe('Working');
                expect(state.skillId).toBe(w.skill.id);
                expect(state.skillName).toBe(w.skill.name);
            });

            it('AV-2 login to a skill that is not Personal Connection rejects with InvalidState', async () => {
                await connect(h);
                const skills = await settle(h, h.adapter.listSkills());
                const other = skills.find((s) => !s.isPersonalConnection);
                const target = other?.id ?? 'no-such-skill';
                const error = await expectDialerError(h, () => h.adapter.loginToSkill(target));
                expect(other ? ['InvalidState'] : ['NotFound', 'InvalidState', 'Rejected']).toContain(error.code);
            });

            it('AV-3 AG-2 logout from an idle agent ends Logged out, and nothing is delivered after', async () => {
                const w = await working(h, { preview: true });
                await settle(h, h.adapter.logout());
                await waitFor(h, w.rec, 'agentState', (a) => a.status === 'LoggedOut');
                const after = w.rec.all.length;
                await pass(h, 30_000);
                expect(w.rec.of('previewOffered', after)).toHaveLength(0);
                expect(w.rec.of('callUpdated', after).filter((c) => c.status === 'Dialing')).toHaveLength(0);
            });

            it('AV-3 logout during a live call waits for the call, then Logged out with no stale calls', async () => {
                const w = await working(h, { preview: false, force: 'Live' });
                const active = await callWhere(h, w, (c) => c.status === 'Active');
                await settle(h, h.adapter.logout());
                await pass(h, 500);
                expect(w.rec.of('agentState').at(-1)!.status).not.toBe('LoggedOut');
                await wrapUp(h, w, active);
                await waitFor(h, w.rec, 'agentState', (a) => a.status === 'LoggedOut');
                expect(w.rec.liveCalls().size).toBe(0);
            });

            it('AV-4 unavailable during a live call pauses deliveries after the call', async () => {
                const w = await working(h, { preview: false, force: 'Live' });
                const codes = await settle(h, h.adapter.listUnavailableCodes());
                const active = await callWhere(h, w, (c) => c.status === 'Active');
                await settle(h, h.adapter.setUnavailable(codes[0]!.id));
                await pass(h, 500);
                expect(w.rec.of('agentState').at(-1)!.status).toBe('Working');
                await wrapUp(h, w, active);
                const state = await waitFor(h, w.rec, 'agentState', (a) => a.status === 'Unavailable');
                expect(state.unavailableCode?.id).toBe(codes[0]!.id);
                const after = w.rec.all.length;
                await pass(h, 30_000);
                expect(w.rec.of('callUpdated', after).filter((c) => c.status === 'Dialing')).toHaveLength(0);
                expect(w.rec.liveCalls().size).toBe(0);
            });
        });

        describe('preview', () => {
            it('PV-1 PV-2 offers a preview, and Accept dials its destination', async () => {
                const w = await working(h, { preview: true });
                const preview = await waitFor(h, w.rec, 'previewOffered');
                // A mirroring tab is told ids and states only: the number stays in the driving tab.
                expect(preview.number === '').toBe(h.mirror === true);
                const mark = w.rec.all.length;
                await settle(h, h.adapter.acceptPreview(preview.id));
                const closed = await waitFor(h, w.rec, 'previewClosed', (c) => c.previewId === preview.id, mark);
                expect(closed.reason).toBe('Accepted');
                const call = await callWhere(h, w, () => true, mark);
                expect(call.status).toBe('Dialing');
                expect(call.record.id).toBe(preview.record.id);
                expect(call.destinationId).toBe(preview.destinationId);
            });

            const closers: ReadonlyArray<{
                action: 'Requeue' | 'Snooze';
                reason: string;
                send: (a: DialerAdapter, p: Preview) => Promise<void>;
            }> = [
                { action: 'Requeue', reason: 'Requeued', send: (a, p) => a.requeuePreview(p.id) },
                { action: 'Snooze', reason: 'Snoozed', send: (a, p) => a.snoozePreview(p.id) }
            ];
            for (const closer of closers) {
                it(`PV-3 PV-5 ${closer.action} closes the preview exactly once; a second ${closer.action} rejects`, async () => {
                    const w = await working(h, { preview: true });
                    const preview = await waitFor(h, w.rec, 'previewOffered');
                    if (!h.adapter.capabilities().previewActions.includes(closer.action)) {
                        const error = await expectDialerError(h, () => closer.send(h.adapter, preview));
                        expect(error.code).toBe('Unsupported');
                        return;
                    }
                    await settle(h, closer.send(h.adapter, preview));
                    await waitFor(h, w.rec, 'previewClosed', (c) => c.previewId === preview.id);
                    await expectDialerError(h, () => closer.send(h.adapter, preview));
                    await pass(h, 2_000);
                    const closes = w.rec.of('previewClosed').filter((c) => c.previewId === preview.id);
                    expect(closes).toEqual([{ previewId: preview.id, reason: closer.reason }]);
                    const dialed = w.rec.of('callUpdated').filter((c) => c.record.id === preview.record.id);
                    expect(dialed).toHaveLength(0);
                });
            }

            it('PV-6 a preview action against an unknown preview rejects with a DialerError', async () => {
                await working(h, { preview: true });
                await expectDialerError(h, () => h.adapter.acceptPreview('no-such-preview'));
            });
        });

        describe('calls', () => {
            const overrides: ReadonlyArray<{
                status: 'Dialing' | 'Ringing' | 'AMD';
                force: ForcedOutcome;
                kind: MachineOverride;
            }> = [
                { status: 'Dialing', force: 'NoAnswer', kind: 'BadNumber' },
                { status: 'Ringing', force: 'NoAnswer', kind: 'AnsweringMachine' },
                { status: 'AMD', force: 'AnsweringMachine', kind: 'Fax' }
            ];
            for (const o of overrides) {
                it(`AM-1 AM-3 ${o.kind} while ${o.status} ends the call with that outcome; a second override rejects`, async () => {
                    const w = await working(h, { preview: false, force: o.force });
                    const call = await callWhere(h, w, (c) => c.status === o.status);
                    if (!h.adapter.capabilities().machineOverrides.includes(o.kind)) {
                        const error = await expectDialerError(h, () => h.adapter.overrideMachine(call.id, o.kind));
                        expect(error.code).toBe('Unsupported');
                        return;
                    }
                    await settle(h, h.adapter.overrideMachine(call.id, o.kind));
                    const ended = await callWhere(h, w, (c) => c.id === call.id && c.status === 'Ended');
                    expect(ended.outcome).toBe(o.kind);
                    await expectDialerError(h, () => h.adapter.overrideMachine(call.id, o.kind));
                });
            }

            it('AM-2 after an override the dialer delivers the next call', async () => {
                const w = await working(h, { preview: false, force: 'NoAnswer' });
                const first = await callWhere(h, w, (c) => c.status === 'Dialing');
                await settle(h, h.adapter.overrideMachine(first.id, 'BadNumber'));
                const next = await callWhere(h, w, (c) => c.id !== first.id && c.status === 'Dialing');
                expect(next.id).not.toBe(first.id);
            });

            it('CL-3 a live answer becomes the Active call, and AM-3 an override on it rejects', async () => {
                const w = await working(h, { preview: false, force: 'Live' });
                const active = await callWhere(h, w, (c) => c.status === 'Active');
                expect(active.answeredAt).not.toBeNull();
                expect(OVERRIDABLE_STATUSES).not.toContain(active.status);
                const error = await expectDialerError(h, () =>
                    h.adapter.overrideMachine(active.id, 'AnsweringMachine')
                );
                expect(error.code).toBe('InvalidState');
            });

            it('CL-4 hold, resume, mute, unmute and end an Active call', async () => {
                const w = await working(h, { preview: false, force: 'Live' });
                const caps = h.adapter.capabilities();
                const active = await callWhere(h, w, (c) => c.status === 'Active');
                const id = active.id;
                let mark = w.rec.all.length;
                if (caps.hold) {
                    await settle(h, h.adapter.hold(id));
                    await callWhere(h, w, (c) => c.id === id && c.status === 'Held', mark);
                    await expectDialerError(h, () => h.adapter.hold(id));
                    mark = w.rec.all.length;
                    await settle(h, h.adapter.resume(id));
                    await callWhere(h, w, (c) => c.id === id && c.status === 'Active', mark);
                } else {
                    expect((await expectDialerError(h, () => h.adapter.hold(id))).code).toBe('Unsupported');
                }
                if (caps.mute) {
                    mark = w.rec.all.length;
                    await settle(h, h.adapter.mute(id));
                    await callWhere(h, w, (c) => c.id === id && c.muted, mark);
                    mark = w.rec.all.length;
                    await settle(h, h.adapter.unmute(id));
                    await callWhere(h, w, (c) => c.id === id && !c.muted, mark);
                } else {
                    expect((await expectDialerError(h, () => h.adapter.mute(id))).code).toBe('Unsupported');
                }
                mark = w.rec.all.length;
                await settle(h, h.adapter.endCall(id));
                const ended = await callWhere(h, w, (c) => c.id === id && c.status === 'Ended', mark);
                expect(ended.endedAt).not.toBeNull();
                await expectDialerError(h, () => h.adapter.hold(id));
            });

            it('CL-4 a disposition on an Ended call records it and the call leaves; on an Active call it rejects', async () => {
                const w = await working(h, { preview: false, force: 'Live' });
                const active = await callWhere(h, w, (c) => c.status === 'Active');
                const disposition = await plainDisposition(h, active.skillId);
                const error = await expectDialerError(h, () => h.adapter.disposition(active.id, disposition.id, ''));
                expect(error.code).toBe('InvalidState');
                await wrapUp(h, w, active);
                expect(w.rec.liveCalls().has(active.id)).toBe(false);
            });

            it('CL-1 calls carry a known status and never more than one is most likely to be answered next', async () => {
                const w = await working(h, { preview: false, lines: Math.min(3, h.adapter.capabilities().maxLines) });
                await pass(h, 20_000);
                expect(w.rec.of('callUpdated').length).toBeGreaterThan(0);
                expect(w.rec.of('callUpdated').every((c) => isCallStatus(c.status))).toBe(true);
                // Replay the events: at no point do two unanswered calls both carry mostLikely.
                const calls = new Map<string, Call>();
                for (const e of w.rec.all) {
                    if (e.type === 'callUpdated') calls.set((e.payload as Call).id, e.payload as Call);
                    if (e.type === 'callRemoved' || e.type === 'callRouted')
                        calls.delete((e.payload as { callId: string }).callId);
                    const likely = [...calls.values()].filter(
                        (c) => c.mostLikely && OVERRIDABLE_STATUSES.includes(c.status)
                    );
                    expect(likely.length).toBeLessThanOrEqual(1);
                }
            });

            for (const lines of [1, 2, 3]) {
                it(`CL-1 with ${lines} line(s) the agent never has more than ${lines} call(s) at once`, async () => {
                    const n = Math.min(lines, h.adapter.capabilities().maxLines);
                    const w = await working(h, { preview: false, lines: n });
                    const handled = new Set<string>();
                    let most = 0;
                    for (let t = 0; t < 120_000; t += 1_000) {
                        await pass(h, 1_000);
                        const live = w.rec.liveCalls();
                        most = Math.max(most, live.size);
                        for (const call of live.values()) {
                            if (call.status === 'Active' && !handled.has(call.id)) {
                                handled.add(call.id);
                                await wrapUp(h, w, call);
                            }
                        }
                    }
                    // Replay every event: the set never held more than n calls, not even between samples.
                    const set = new Set<string>();
                    let peak = 0;
                    for (const e of w.rec.all) {
                        if (e.type === 'callUpdated') set.add((e.payload as Call).id);
                        if (e.type === 'callRemoved' || e.type === 'callRouted') {
                            set.delete((e.payload as { callId: string }).callId);
                        }
                        peak = Math.max(peak, set.size);
                    }
                    expect(peak).toBeLessThanOrEqual(n);
                    expect(most).toBeGreaterThanOrEqual(1);
                    expect(w.rec.of('callUpdated').every((c) => c.line >= 1 && c.line <= n)).toBe(true);
                });
            }
        });

        describe('failures and subscriptions', () => {
            it('PV-6 failNextCommand: the command rejects with a DialerError, a retry succeeds once', async () => {
                const { rec } = await connect(h);
                const skill = await pcSkill(h);
                await h.driver.failNextCommand();
                const error = await expectDialerError(h, () => h.adapter.loginToSkill(skill.id));
                expect(error.retryable).toBe(true);
                await pass(h, 1_000);
                expect(rec.of('agentState').filter((a) => a.status === 'Working')).toHaveLength(0);
                await settle(h, h.adapter.loginToSkill(skill.id));
                await waitFor(h, rec, 'agentState', (a) => a.status === 'Working');
                await pass(h, 1_000);
                expect(rec.of('agentState').filter((a) => a.status === 'Working')).toHaveLength(1);
            });

            it('PV-6 a failed Requeue keeps the preview; the retry closes it exactly once', async () => {
                const w = await working(h, { preview: true });
                const preview = await waitFor(h, w.rec, 'previewOffered');
                await h.driver.failNextCommand();
                await expectDialerError(h, () => h.adapter.requeuePreview(preview.id));
                await pass(h, 500);
                expect(w.rec.of('previewClosed')).toHaveLength(0);
                await settle(h, h.adapter.requeuePreview(preview.id));
                await waitFor(h, w.rec, 'previewClosed', (c) => c.previewId === preview.id);
                await pass(h, 500);
                expect(w.rec.of('previewClosed').filter((c) => c.previewId === preview.id)).toHaveLength(1);
            });

            it('BX-5 every on() returns a working unsubscribe, harmless to call twice', async () => {
                const dropped = jest.fn();
                const kept = jest.fn();
                for (const type of DIALER_EVENT_NAMES) {
                    const off = h.adapter.on(type, dropped);
                    expect(typeof off).toBe('function');
                    off();
                    off();
                }
                h.adapter.on('agentState', kept);
                h.adapter.on('connection', kept);
                await working(h, { preview: true });
                await pass(h, 5_000);
                expect(dropped).not.toHaveBeenCalled();
                expect(kept).toHaveBeenCalled();
            });

            it('BX-5 commands before connect, and against unknown calls, reject with a DialerError (never throw, never hang)', async () => {
                await expectDialerError(h, () => h.adapter.loginToSkill('any-skill'));
                await connect(h);
                await expectDialerError(h, () => h.adapter.hold('no-such-call'));
                await expectDialerError(h, () => h.adapter.endCall('no-such-call'));
                await expectDialerError(h, () => h.adapter.overrideMachine('no-such-call', 'Fax'));
                await expectDialerError(h, () => h.adapter.disposition('no-such-call', 'x', ''));
                await expectDialerError(h, () => h.adapter.requeuePreview('no-such-preview'));
            });

            it('SP-2 Attempts History of a previewed record lists its destinations, or says Unsupported', async () => {
                const w = await working(h, { preview: true });
                const preview = await waitFor(h, w.rec, 'previewOffered');
                if (!h.adapter.capabilities().attemptsHistory) {
                    const error = await expectDialerError(h, () => h.adapter.getAttemptsHistory(preview.record.id));
                    expect(error.code).toBe('Unsupported');
                    return;
                }
                const history = await settle(h, h.adapter.getAttemptsHistory(preview.record.id));
                expect(history.recordId).toBe(preview.record.id);
                const offered = history.destinations.find((d) => d.id === preview.destinationId);
                expect(offered).toBeDefined();
                // SP-5: the destination offered can be attempted now (Presented is the offer itself).
                expect([null, 'Presented']).toContain(offered!.unavailableReason);
            });
        });
    });
}
