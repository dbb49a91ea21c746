/* eslint-disable no-await-in-loop -- each step of a sequence awaits the one before */
import fc from 'fast-check';
import { SimulatedDialer } from 'c/pcSimDialer';
import type { Call } from 'c/pcModel';
import { DialerError } from 'c/pcDialerPort';
import { flush } from 'test-support/time';
import { START } from 'test-support/simDialer';

/** One thing an agent, the dialer's admin or time can do. */
type Step =
    | { kind: 'advance'; ms: number }
    | { kind: 'force'; outcome: 'Live' | 'AnsweringMachine' | 'Fax' | 'BadNumber' | 'NoAnswer' | 'Busy' }
    | { kind: 'lines'; lines: number }
    | { kind: 'preview'; on: boolean }
    | { kind: 'failNext' }
    | { kind: 'agent'; action: 'login' | 'logout' | 'available' | 'unavailable' | 'otherSkill' }
    | { kind: 'previewAction'; action: 'accept' | 'requeue' | 'snooze' | 'reschedule' | 'disposition' | 'stale' }
    | {
          kind: 'callAction';
          action: 'override' | 'hold' | 'resume' | 'mute' | 'unmute' | 'end' | 'transfer' | 'disposition';
          pick: number;
      };

const step: fc.Arbitrary<Step> = fc.oneof(
    {
        weight: 6,
        arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 50, max: 40_000 }) })
    },
    {
        weight: 2,
        arbitrary: fc.record({
            kind: fc.constant('force' as const),
            outcome: fc.constantFrom('Live', 'AnsweringMachine', 'Fax', 'BadNumber', 'NoAnswer', 'Busy')
        })
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('lines' as const), lines: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('preview' as const), on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('failNext' as const) }) },
    {
        weight: 2,
        arbitrary: fc.record({
            kind: fc.constant('agent' as const),
            action: fc.constantFrom('login', 'logout', 'available', 'unavailable', 'otherSkill')
        })
    },
    {
        weight: 4,
        arbitrary: fc.record({
            kind: fc.constant('previewAction' as const),
            action: fc.constantFrom('accept', 'requeue', 'snooze', 'reschedule', 'disposition', 'stale')
        })
    },
    {
        weight: 5,
        arbitrary: fc.record({
            kind: fc.constant('callAction' as const),
            action: fc.constantFrom('override', 'hold', 'resume', 'mute', 'unmute', 'end', 'transfer', 'disposition'),
            pick: fc.nat()
        })
    }
);

/** Sends a command the way an agent would; returns its settled promise for the hang check. */
type ControlStep = Extract<Step, { kind: 'advance' | 'force' | 'lines' | 'preview' | 'failNext' }>;

/** Applies a step that works the dialer's controls; false for a command, which the caller sends. */
function control(dialer: SimulatedDialer, s: Step): s is ControlStep {
    if (s.kind === 'advance') dialer.control.advance(s.ms);
    else if (s.kind === 'force') dialer.control.forceNextOutcome(s.outcome);
    else if (s.kind === 'lines') dialer.control.setLines(s.lines);
    else if (s.kind === 'preview') dialer.control.setPreview(s.on);
    else if (s.kind === 'failNext') dialer.control.failNextCommand();
    else return false;
    return true;
}

function send(dialer: SimulatedDialer, s: Step): Promise<unknown> | null {
    const preview = dialer.control.preview();
    const calls = dialer.control.calls();
    const now = dialer.control.clock.now();
    switch (s.kind) {
        case 'agent':
            if (s.action === 'login') return dialer.loginToSkill('skill-collections');
            if (s.action === 'otherSkill') return dialer.loginToSkill('skill-renewals');
            if (s.action === 'logout') return dialer.logout();
            if (s.action === 'available') return dialer.setAvailable();
            return dialer.setUnavailable('code-break');
        case 'previewAction': {
            const id = s.action === 'stale' || !preview ? 'preview-1' : preview.id;
            if (s.action === 'accept' || s.action === 'stale') return dialer.acceptPreview(id);
            if (s.action === 'requeue') return dialer.requeuePreview(id);
            if (s.action === 'snooze') return dialer.snoozePreview(id);
            if (s.action === 'disposition') return dialer.dispositionPreview(id, 'disp-refused', '');
            return dialer.reschedulePreview(id, {
                number: preview?.number ?? '+13125550100',
                deliverTo: now % 2 ? 'Me' : 'Skill',
                at: now + 10 * 60_000,
                timeZone: 'America/Chicago',
                notes: ''
            });
        }
        case 'callAction': {
            const call: Call | undefined = calls[s.pick % Math.max(1, calls.length)];
            const id = call?.id ?? 'call-1';
            if (s.action === 'override') return dialer.overrideMachine(id, 'AnsweringMachine');
            if (s.action === 'hold') return dialer.hold(id);
            if (s.action === 'resume') return dialer.resume(id);
            if (s.action === 'mute') return dialer.mute(id);
            if (s.action === 'unmute') return dialer.unmute(id);
            if (s.action === 'end') return dialer.endCall(id);
            if (s.action === 'transfer') return dialer.transfer(id, { kind: 'Number', value: '+13125550199' });
            return dialer.disposition(id, 'disp-completed', '');
        }
        default:
            return null;
    }
}

describe('c-pc-sim-dialer properties', () => {
    it('CL-1 CL-5 SP-5 AV-3 hold under any sequence of commands, outcomes and settings', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 1, max: 1_000_000 }),
                fc.array(step, { minLength: 20, maxLength: 80 }),
                async (seed, steps) => {
                    const dialer = new SimulatedDialer({ seed, startAt: START, recordCount: 200, latencyMs: 100 });
                    const problems: string[] = [];
                    const set = new Map<string, Call>();
                    dialer.on('callUpdated', (c) => {
                        const lines = dialer.control.view().lines;
                        const placed = !set.has(c.id);
                        if (placed && set.size >= lines) problems.push(`call ${c.id} placed over ${lines} line(s)`);
                        set.set(c.id, c);
                        const calls = [...set.values()];
                        const pending = (x: Call): boolean => ['Dialing', 'Ringing', 'AMD'].includes(x.status);
                        if (calls.filter((x) => x.mostLikely && pending(x)).length > 1) {
                            problems.push('two calls most likely at once');
                        }
                        if (c.mostLikely && !pending(c)) problems.push(`a ${c.status} call flagged most likely`);
                        if (new Set(calls.map((x) => x.line)).size !== set.size) problems.push('two calls on a line');
                        if (calls.filter((x) => x.status === 'Active' || x.status === 'Held').length > 1) {
                            problems.push('two connected calls at once');
                        }
                        const agent = dialer.control.agent();
                        if (placed && (agent.status !== 'Working' || agent.pending !== null)) {
                            problems.push(`dialled while ${agent.status} ${agent.pending ?? ''}`);
                        }
                        if (placed && c.direction === 'Outbound') {
                            const dest = dialer.control
                                .attemptsHistory(c.record.id)!
                                .destinations.find((d) => d.id === c.destinationId)!;
                            if (dest.unavailableReason !== null) problems.push(`dialled ${dest.unavailableReason}`);
                        }
                    });
                    dialer.on('attemptsUpdated', (h) => {
                        for (const d of h.destinations) {
                            if (h.attempts.filter((a) => a.destinationId === d.id).length !== d.attempts) {
                                problems.push('attempt count and report disagree');
                            }
                        }
                    });
                    dialer.on('previewOffered', (p) => {
                        const agent = dialer.control.agent();
                        if (agent.status !== 'Working' || agent.pending !== null || set.size > 0) {
                            problems.push(`offered a preview while ${agent.status} with ${set.size} call(s)`);
                        }
                        const dest = dialer.control
                            .attemptsHistory(p.record.id)!
                            .destinations.find((d) => d.id === p.destinationId)!;
                        if (dest.unavailableReason !== null || dest.kind !== 'Phone')
                            problems.push('offered an unavailable destination');
                    });
                    dialer.on('callRemoved', (r) => set.delete(r.callId));
                    dialer.on('callRouted', (r) => set.delete(r.callId));
                    dialer.on('agentState', (a) => {
                        if (a.status === 'LoggedOut' && set.size > 0) problems.push('logged out with calls left');
                        if (a.status === 'LoggedOut' && dialer.control.preview())
                            problems.push('logged out with a preview');
                    });
                    const connect = dialer.connect();
                    dialer.control.advance(100);
                    await connect;
                    for (const s of steps) {
                        if (!control(dialer, s)) {
                            let sent: Promise<unknown> | null = null;
                            try {
                                sent = send(dialer, s);
                            } catch (e) {
                                problems.push(`${s.kind} ${s.action} threw ${String(e)}`);
                                break;
                            }
                            let settled = false;
                            let failure: unknown = null;
                            (sent as unknown as Promise<unknown>).then(
                                () => (settled = true),
                                (e: unknown) => {
                                    settled = true;
                                    failure = e;
                                }
                            );
                            dialer.control.advance(100);
                            await flush();
                            if (!settled) problems.push(`${s.kind} ${s.action} did not settle`);
                            if (failure !== null && !(failure instanceof DialerError))
                                problems.push(`untyped failure ${String(failure)}`);
                        }
                        if (problems.length) break;
                    }
                    const agent = dialer.control.agent();
                    if (agent.status === 'LoggedOut' && agent.pending === null && dialer.control.calls().length) {
                        problems.push('logged out with calls');
                    }
                    expect(problems).toEqual([]);
                }
            ),
            { numRuns: 60, seed: 20260105 }
        );
    });

    it('CL-1 the same seed and the same commands give the same event log under any sequence', async () => {
        /** Plays the steps and returns the event log. */
        async function play(seed: number, steps: readonly Step[]): Promise<string> {
            const dialer = new SimulatedDialer({ seed, startAt: START, recordCount: 200, latencyMs: 100 });
            const connect = dialer.connect();
            dialer.control.advance(100);
            await connect;
            for (const s of steps) {
                if (control(dialer, s)) continue;
                send(dialer, s)?.catch(() => undefined);
                dialer.control.advance(100);
                await flush();
            }
            return dialer.control.eventLog().join('\n');
        }
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 1, max: 1_000_000 }),
                fc.array(step, { minLength: 20, maxLength: 60 }),
                async (seed, steps) => {
                    expect(await play(seed, steps)).toBe(await play(seed, steps));
                }
            ),
            { numRuns: 15, seed: 20260105 }
        );
    });
});
