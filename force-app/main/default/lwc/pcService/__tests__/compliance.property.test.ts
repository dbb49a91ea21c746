/**
 * CP-1 property: no sequence of agent actions (Accept, Retry, Call anyway, Reschedule with or without confirming,
 * click-to-dial, transfer to a number, time passing) gets a call placed or scheduled that a blocking rule forbids.
 * Every command that reaches the dialer is checked, at the instant it is sent, against c/pcCompliance with the
 * facts the console holds then.
 */
/* eslint-disable no-await-in-loop -- the steps of one run happen one after another on one virtual clock */
import fc from 'fast-check';
import { DEFAULT_RULE_SETS } from 'c/pcModel';
import type { CallingRecord, ComplianceRuleSet, ConsoleState, Instant, RescheduleRequest } from 'c/pcModel';
import { checkCall, checkNumber, placeFromContact, resolvePlace } from 'c/pcCompliance';
import type { ComplianceVerdict } from 'c/pcCompliance';
import { settle } from 'test-support/time';
import { makeRig, startWorking } from 'test-support/serviceRig';
import type { Rig } from 'test-support/serviceRig';

const HOUR = 3_600_000;
const DAY_START = Date.UTC(2027, 0, 11, 0, 0);
/** Numbers on no record of the calling list: New York, Honolulu, Miami, London. */
const OTHER_NUMBERS = ['+12125559876', '+18085559876', '+13055559876', '+442079460999'] as const;

type Step =
    | { readonly kind: 'advance'; readonly ms: number }
    | { readonly kind: 'accept' | 'retry' | 'confirm' | 'requeue' | 'live' | 'endAndSave' }
    | { readonly kind: 'reschedule'; readonly hour: number; readonly days: number; readonly confirm: boolean }
    | { readonly kind: 'dial'; readonly number: string; readonly confirm: boolean }
    | { readonly kind: 'transfer'; readonly number: string; readonly confirm: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
    {
        weight: 4,
        arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 3 * HOUR }) })
    },
    {
        weight: 6,
        arbitrary: fc.record({
            kind: fc.constantFrom('accept', 'retry', 'confirm', 'requeue', 'live', 'endAndSave' as const)
        })
    },
    {
        weight: 3,
        arbitrary: fc.record({
            kind: fc.constant('reschedule' as const),
            hour: fc.integer({ min: 0, max: 23 }),
            days: fc.integer({ min: 0, max: 2 }),
            confirm: fc.boolean()
        })
    },
    {
        weight: 2,
        arbitrary: fc.record({
            kind: fc.constantFrom('dial', 'transfer' as const),
            number: fc.constantFrom(...OTHER_NUMBERS),
            confirm: fc.boolean()
        })
    }
);

function withModes(federal: 'Block' | 'Warn', florida: 'Block' | 'Warn', regF: boolean): readonly ComplianceRuleSet[] {
    return DEFAULT_RULE_SETS.map((s) => {
        if (s.name === 'US_Federal') return { ...s, mode: federal };
        if (s.name === 'US_Florida') return { ...s, mode: florida };
        if (s.name === 'US_Regulation_F') return { ...s, active: regF, perContactLimit: 2 };
        return s;
    });
}

const ruleSetsArb: fc.Arbitrary<readonly ComplianceRuleSet[]> = fc
    .tuple(fc.constantFrom('Block', 'Warn' as const), fc.constantFrom('Block', 'Warn' as const), fc.boolean())
    .map(([federal, florida, regF]) => withModes(federal, florida, regF));

/** The rules' answer for calling the contact of `record` at `number` and `at`, from the console's view now. */
function verdictFor(state: ConsoleState, record: CallingRecord, number: string, at: Instant): ComplianceVerdict {
    const pop = state.screenPop && state.screenPop.record.id === record.id ? state.screenPop : null;
    return checkNumber(
        {
            record,
            history: pop?.attemptsHistory ?? null,
            place: placeFromContact(state.settings, pop?.contact?.fields),
            ruleSets: state.settings.ruleSets
        },
        number,
        at
    );
}

function bareVerdict(state: ConsoleState, number: string, at: Instant): ComplianceVerdict {
    return checkCall({
        at,
        destination: number,
        destinations: [{ number, dnc: false }],
        attempts: [],
        place: resolvePlace({}, number),
        ruleSets: state.settings.ruleSets
    });
}

/** Wraps the dialer's placing commands: each one sent is judged at that instant; returns the forbidden ones. */
function watch(rig: Rig): string[] {
    const forbidden: string[] = [];
    const dialer = rig.dialer as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const judge = (name: string, verdict: ComplianceVerdict): void => {
        if (verdict.verdict === 'Block') {
            forbidden.push(`${name} at ${new Date(rig.clock.now()).toISOString()}: ${verdict.findings[0]?.rule}`);
        }
    };
    const wrap = (name: string, check: (args: unknown[]) => void): void => {
        const original = dialer[name]!.bind(rig.dialer);
        dialer[name] = (...args: unknown[]) => {
            check(args);
            return original(...args);
        };
    };
    wrap('acceptPreview', () => {
        const s = rig.state();
        const p = s.preview?.preview;
        if (p) judge('acceptPreview', verdictFor(s, p.record, p.number, rig.clock.now()));
    });
    wrap('reschedulePreview', (args) => {
        const s = rig.state();
        const p = s.preview?.preview;
        const request = args[1] as RescheduleRequest;
        if (p) judge('reschedulePreview', verdictFor(s, p.record, request.number, request.at));
    });
    wrap('dialNumber', (args) => {
        const { number } = args[1] as { number: string };
        judge('dialNumber', bareVerdict(rig.state(), number, rig.clock.now()));
    });
    wrap('transfer', (args) => {
        const target = args[1] as { kind: string; value: string };
        if (target.kind === 'Number') judge('transfer', bareVerdict(rig.state(), target.value, rig.clock.now()));
    });
    return forbidden;
}

function pad(n: number): string {
    return String(n).padStart(2, '0');
}

async function run(rig: Rig, step: Step, confirmLast: () => Promise<void>): Promise<void> {
    const s = rig.state();
    const active = s.calls.find((v) => v.call.status === 'Active');
    switch (step.kind) {
        case 'advance':
            rig.clock.advance(step.ms);
            return;
        case 'accept':
            await settle(rig.clock, rig.service.acceptPreview());
            return;
        case 'retry':
            await settle(rig.clock, rig.service.retryPreview());
            return;
        case 'confirm':
            await confirmLast();
            return;
        case 'requeue':
            if (s.preview) await settle(rig.clock, rig.service.requeuePreview());
            return;
        case 'live':
            rig.dialer.control.forceNextOutcome('Live');
            return;
        case 'endAndSave':
            for (const v of s.calls) {
                if (v.call.status !== 'Ended') await settle(rig.clock, rig.service.endCall(v.call.id));
                await settle(rig.clock, rig.service.saveDisposition(v.call.id, 'disp-completed', ''));
            }
            return;
        case 'reschedule': {
            const p = s.preview?.preview;
            if (!p) return;
            const day = new Date(rig.clock.now() + step.days * 24 * HOUR);
            const draft = {
                number: p.number,
                deliverTo: 'Me' as const,
                date: `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`,
                time: `${pad(step.hour)}:30`,
                timeZone: 'UTC',
                notes: ''
            };
            await settle(rig.clock, rig.service.reschedulePreview(draft, { confirmWarnings: step.confirm }));
            return;
        }
        case 'dial':
            await settle(rig.clock, rig.service.dial({ number: step.number, contactId: null }, step.confirm));
            return;
        case 'transfer':
            if (active) {
                const target = { kind: 'Number' as const, value: step.number };
                await settle(rig.clock, rig.service.transfer(active.call.id, target, step.confirm));
            }
            return;
        default:
            throw new Error('unknown step');
    }
}

describe('CP-1 property (service)', () => {
    it('CP-1 no sequence of agent actions places or schedules a call a blocking rule forbids', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 0, max: 23 }),
                fc.integer({ min: 1, max: 1000 }),
                ruleSetsArb,
                fc.array(stepArb, { minLength: 5, maxLength: 25 }),
                async (startHour, seed, ruleSets, steps) => {
                    const rig = makeRig({ seed, startAt: DAY_START + startHour * HOUR, settings: { ruleSets } });
                    const forbidden = watch(rig);
                    await startWorking(rig);
                    const confirmLast = async (): Promise<void> => {
                        const warned = [...rig.state().errors].reverse().find((e) => e.compliance?.verdict === 'Warn');
                        if (warned) await settle(rig.clock, rig.service.confirmCompliance(warned.id));
                    };
                    for (const step of steps) await run(rig, step, confirmLast);
                    await rig.service.stop();
                    expect(forbidden).toEqual([]);
                }
            ),
            { numRuns: 30, seed: 20271201 }
        );
    });
});
