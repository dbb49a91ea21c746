/**
 * Property and determinism tests of the console service on the simulated dialer: random sequences of agent
 * commands, dialer controls and time never bring the store to a state the agent must never see.
 */
/* eslint-disable no-await-in-loop -- the steps of one run happen one after another on one virtual clock */
import fc from 'fast-check';
import type { ConsoleState, DestinationUnavailableReason, MachineOverride } from 'c/pcModel';
import { OVERRIDABLE_STATUSES } from 'c/pcModel';
import type { ForcedOutcome } from 'c/pcSimDialer';
import { flush, pass, settle } from 'test-support/time';
import { makeRig, startWorking } from 'test-support/serviceRig';
import type { Rig } from 'test-support/serviceRig';

/** Reasons that forbid dialing a destination (Presented only marks the record on screen now). */
const UNDIALABLE: readonly DestinationUnavailableReason[] = [
    'Exhausted',
    'Finalized',
    'DNC',
    'DestinationNotActive',
    'MaxAnsweringMachineDetections',
    'DestinationNotInCadence'
];

type Step =
    | { readonly kind: 'advance'; readonly ms: number }
    | { readonly kind: 'force'; readonly outcome: ForcedOutcome }
    | {
          readonly kind: 'preview';
          readonly action: 'accept' | 'requeue' | 'snooze' | 'disposition' | 'reschedule' | 'retry';
      }
    | { readonly kind: 'double'; readonly action: 'accept' | 'requeue' }
    | { readonly kind: 'override'; readonly line: number; readonly override: MachineOverride; readonly twice: boolean }
    | { readonly kind: 'call'; readonly line: number; readonly action: 'hold' | 'resume' | 'mute' | 'end' | 'save' }
    | { readonly kind: 'failNext' }
    | { readonly kind: 'dialerLines'; readonly lines: number }
    | { readonly kind: 'dialerPreview'; readonly on: boolean }
    | { readonly kind: 'agent'; readonly action: 'unavailable' | 'available' };

const OUTCOMES: readonly ForcedOutcome[] = ['Live', 'AnsweringMachine', 'Fax', 'BadNumber', 'NoAnswer', 'Busy'];

const stepArb: fc.Arbitrary<Step> = fc.oneof(
    {
        weight: 6,
        arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 40_000 }) })
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('force' as const), outcome: fc.constantFrom(...OUTCOMES) }) },
    {
        weight: 4,
        arbitrary: fc.record({
            kind: fc.constant('preview' as const),
            action: fc.constantFrom('accept', 'requeue', 'snooze', 'disposition', 'reschedule', 'retry' as const)
        })
    },
    {
        weight: 1,
        arbitrary: fc.record({
            kind: fc.constant('double' as const),
            action: fc.constantFrom('accept', 'requeue' as const)
        })
    },
    {
        weight: 3,
        arbitrary: fc.record({
            kind: fc.constant('override' as const),
            line: fc.integer({ min: 0, max: 2 }),
            override: fc.constantFrom<MachineOverride>('AnsweringMachine', 'Fax', 'BadNumber'),
            twice: fc.boolean()
        })
    },
    {
        weight: 3,
        arbitrary: fc.record({
            kind: fc.constant('call' as const),
            line: fc.integer({ min: 0, max: 2 }),
            action: fc.constantFrom('hold', 'resume', 'mute', 'end', 'save' as const)
        })
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'failNext' as const }) },
    {
        weight: 1,
        arbitrary: fc.record({ kind: fc.constant('dialerLines' as const), lines: fc.integer({ min: 1, max: 3 }) })
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('dialerPreview' as const), on: fc.boolean() }) },
    {
        weight: 1,
        arbitrary: fc.record({
            kind: fc.constant('agent' as const),
            action: fc.constantFrom('unavailable', 'available' as const)
        })
    }
);

/** Sends one step; the service's promises are collected, never awaited here (the agent does not wait either). */
function run(rig: Rig, step: Step, results: Array<Promise<unknown>>): void {
    const s = rig.service;
    const state = s.getState();
    const callAt = (line: number): string | null => state.calls[line]?.call.id ?? null;
    switch (step.kind) {
        case 'advance':
            return;
        case 'force':
            rig.dialer.control.forceNextOutcome(step.outcome);
            return;
        case 'failNext':
            rig.dialer.control.failNextCommand('Network');
            return;
        case 'dialerLines':
            rig.dialer.control.setLines(step.lines);
            return;
        case 'dialerPreview':
            rig.dialer.control.setPreview(step.on);
            return;
        case 'agent':
            results.push(step.action === 'unavailable' ? s.setUnavailable('code-break') : s.setAvailable());
            return;
        case 'preview': {
            const action = {
                accept: () => s.acceptPreview(),
                requeue: () => s.requeuePreview(),
                snooze: () => s.snoozePreview(),
                disposition: () => s.dispositionPreview('disp-wrong-number', ''),
                retry: () => s.retryPreview(),
                reschedule: () => {
                    const draft = s.rescheduleDraftFor('America/New_York');
                    return draft ? s.reschedulePreview(draft) : Promise.resolve(null);
                }
            }[step.action];
            results.push(action());
            return;
        }
        case 'double': {
            const send = step.action === 'accept' ? () => s.acceptPreview() : () => s.requeuePreview();
            results.push(send(), send());
            return;
        }
        case 'override': {
            const id = callAt(step.line);
            if (!id) return;
            results.push(s.overrideMachine(id, step.override));
            if (step.twice) results.push(s.overrideMachine(id, step.override));
            return;
        }
        case 'call': {
            const id = callAt(step.line);
            if (!id) return;
            const send = {
                hold: () => s.hold(id),
                resume: () => s.resume(id),
                mute: () => s.mute(id),
                end: () => s.endCall(id),
                save: () => s.saveDisposition(id, 'disp-completed', '')
            }[step.action];
            results.push(send());
            break;
        }
        default:
            break;
    }
}

/** Every way the store could show the agent something impossible, as readable findings (empty when sound). */
function impossibilities(rig: Rig, state: ConsoleState, seenCalls: Set<string>): string[] {
    const found: string[] = [];
    const lines = Math.min(state.settings.linesPerAgent, state.capabilities.maxLines);
    const live = state.calls.filter((v) => v.call.status !== 'Ended');
    if (live.length > lines) found.push(`${live.length} calls shown on ${lines} lines`);
    if (new Set(live.map((v) => v.call.line)).size !== live.length) found.push('two live calls on one line');
    const preview = state.preview;
    if (preview && preview.actions.includes('Accept')) {
        const history = rig.dialer.control.attemptsHistory(preview.preview.record.id);
        const d = history?.destinations.find((x) => x.id === preview.preview.destinationId);
        if (d?.unavailableReason && UNDIALABLE.includes(d.unavailableReason)) {
            found.push(`preview offers ${d.unavailableReason} destination for dialing`);
        }
    }
    for (const v of state.calls) {
        if (seenCalls.has(v.call.id)) continue;
        seenCalls.add(v.call.id);
        if (v.call.direction !== 'Outbound') continue;
        const history = rig.dialer.control.attemptsHistory(v.call.record.id);
        const d = history?.destinations.find((x) => x.id === v.call.destinationId);
        const attemptsBefore = (history?.attempts ?? []).filter(
            (a) => a.destinationId === v.call.destinationId && a.at < v.call.startedAt
        );
        if (
            d &&
            (d.unavailableReason === 'DNC' || (d.maxAttempts !== null && attemptsBefore.length >= d.maxAttempts))
        ) {
            found.push(`call placed to a ${d.unavailableReason ?? 'exhausted'} destination`);
        }
    }
    if (state.agent.status === 'LoggedOut' && (state.calls.length || state.preview)) {
        found.push('stale calls or preview after logout');
    }
    return found;
}

function commandFindings(rig: Rig): string[] {
    const found: string[] = [];
    for (const c of rig.sent) {
        if (c.name === 'overrideMachine' && !OVERRIDABLE_STATUSES.some((s) => s === c.callStatus)) {
            found.push(`override sent for a ${c.callStatus ?? 'unknown'} call`);
        }
        if (c.repeat) found.push(`${c.name} sent twice for ${String(c.args[0])}`);
    }
    return found;
}

async function runScenario(
    seed: number,
    lines: number,
    steps: readonly Step[]
): Promise<{ rig: Rig; findings: string[] }> {
    const rig = makeRig({ seed, lines, preview: seed % 2 === 0, latencyMs: 150, recordCount: 30 });
    const findings: string[] = [];
    const seenCalls = new Set<string>();
    rig.service.subscribe((state) => findings.push(...impossibilities(rig, state, seenCalls)));
    await startWorking(rig);
    const results: Array<Promise<unknown>> = [];
    for (const step of steps) {
        run(rig, step, results);
        await pass(rig.clock, step.kind === 'advance' ? step.ms : 100, { step: 250 });
    }
    let rejected = 0;
    const all = Promise.all(results.map((p) => p.catch(() => (rejected += 1))));
    await settle(rig.clock, all, { maxMs: 60_000, step: 250 });
    if (rejected) findings.push(`${rejected} commands rejected instead of resolving`);
    findings.push(...commandFindings(rig));
    return { rig, findings };
}

describe('c-pc-service properties on the simulated dialer', () => {
    it('CL-1 AM-3 PV-6 SP-5 no sequence of commands, dialer events and time reaches an impossible state', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 1, max: 1_000_000 }),
                fc.integer({ min: 1, max: 3 }),
                fc.array(stepArb, { minLength: 5, maxLength: 40 }),
                async (seed, lines, steps) => {
                    const { findings } = await runScenario(seed, lines, steps);
                    expect([...new Set(findings)]).toEqual([]);
                }
            ),
            { numRuns: 40, seed: 20270111 }
        );
    });

    it('CL-1 the property can fail: a store that shows an extra call is caught', () => {
        const rig = makeRig({ lines: 1 });
        const state = rig.service.getState();
        const call = {
            id: 'c',
            line: 1,
            record: { id: 'r' },
            destinationId: 'd',
            direction: 'Outbound',
            status: 'Dialing',
            startedAt: 0
        };
        const fake = {
            ...state,
            calls: [0, 1].map((i) => ({ call: { ...call, id: `c${i}`, line: i + 1 }, pending: [], wrapUp: null }))
        } as unknown as ConsoleState;
        expect(impossibilities(rig, fake, new Set())).toContain('2 calls shown on 1 lines');
    });

    it('same seed and same commands give an identical event log and identical final state', async () => {
        const steps: Step[] = [
            { kind: 'force', outcome: 'Live' },
            { kind: 'advance', ms: 20_000 },
            { kind: 'preview', action: 'accept' },
            { kind: 'advance', ms: 30_000 },
            { kind: 'call', line: 0, action: 'end' },
            { kind: 'advance', ms: 500 },
            { kind: 'call', line: 0, action: 'save' },
            { kind: 'advance', ms: 15_000 },
            { kind: 'preview', action: 'reschedule' },
            { kind: 'advance', ms: 20_000 },
            { kind: 'failNext' },
            { kind: 'preview', action: 'requeue' },
            { kind: 'preview', action: 'retry' },
            { kind: 'advance', ms: 60_000 }
        ];
        const a = await runScenario(77, 2, steps);
        const b = await runScenario(77, 2, steps);
        const c = await runScenario(78, 2, steps);
        const log = (r: Rig): readonly string[] => r.dialer.control.eventLog();
        expect(log(a.rig).length).toBeGreaterThan(10);
        expect(log(b.rig)).toEqual(log(a.rig));
        expect(JSON.stringify(b.rig.service.getState())).toBe(JSON.stringify(a.rig.service.getState()));
        expect(b.rig.gateway.tasks()).toEqual(a.rig.gateway.tasks());
        // A different seed gives a different shift, so the comparison above can fail.
        expect(log(c.rig)).not.toEqual(log(a.rig));
        await flush();
    });
});
