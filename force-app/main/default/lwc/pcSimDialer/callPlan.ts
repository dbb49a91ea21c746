/**
 * How a dial will go: its outcome and how long each step takes, drawn from the seeded PRNG when the
 * call is placed (a forced outcome replaces the drawn one).
 */
import { Rng } from './prng';

/** Outcomes a test or the simulator panel can force on a dial (the harness's ForcedOutcome). */
export type ForcedOutcome = 'Live' | 'AnsweringMachine' | 'Fax' | 'BadNumber' | 'NoAnswer' | 'Busy';

export const FORCED_OUTCOMES: readonly ForcedOutcome[] = [
    'Live',
    'AnsweringMachine',
    'Fax',
    'BadNumber',
    'NoAnswer',
    'Busy'
];

/** True for a value that is one of the forced outcomes. */
export function isForcedOutcome(value: unknown): value is ForcedOutcome {
    return typeof value === 'string' && (FORCED_OUTCOMES as readonly string[]).includes(value);
}

export interface CallPlan {
    outcome: ForcedOutcome;
    /** Dialing until ringing (or the SIT tone / busy signal). */
    readonly dialMs: number;
    /** Ringing until someone or something answers. */
    readonly ringAnswerMs: number;
    /** Ringing until the dialer gives up (no answer). */
    readonly ringNoAnswerMs: number;
    /** Answering-machine detection. */
    readonly amdMs: number;
    /** How long the contact talks before hanging up, if the agent does not end the call first. */
    readonly talkMs: number;
}

/** Draws a plan; always six draws, so a forced outcome never shifts the stream. */
export function drawPlan(rng: Rng, answerBias: number): CallPlan {
    const roll = rng.next() * 100;
    const live = 30 * answerBias;
    const rest = 100 - live;
    // The non-live outcomes share what is left in fixed proportions.
    const table: [ForcedOutcome, number][] = [
        ['Live', live],
        ['AnsweringMachine', rest * 0.34],
        ['NoAnswer', rest * 0.36],
        ['Busy', rest * 0.13],
        ['BadNumber', rest * 0.1],
        // Stryker disable next-line ArithmeticOperator: the last share only has to carry the sum to 100 (a roll is below it); a larger one picks Fax for the same rolls
        ['Fax', rest * 0.07]
    ];
    let outcome: ForcedOutcome = 'NoAnswer';
    let acc = 0;
    for (const [name, weight] of table) {
        acc += weight;
        if (roll < acc) {
            outcome = name;
            break;
        }
    }
    return {
        outcome,
        dialMs: 800 + Math.floor(rng.next() * 1700),
        ringAnswerMs: 3_000 + Math.floor(rng.next() * 12_000),
        ringNoAnswerMs: 24_000 + Math.floor(rng.next() * 6_000),
        amdMs: 1_500 + Math.floor(rng.next() * 2_000),
        talkMs: 60_000 + Math.floor(rng.next() * 360_000)
    };
}

/** How long the call rings under the plan's current outcome. */
export function ringMs(plan: CallPlan): number {
    return plan.outcome === 'NoAnswer' ? plan.ringNoAnswerMs : plan.ringAnswerMs;
}
