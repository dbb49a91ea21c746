/** One call of the agent's set as the simulator keeps it, and its immutable view for events. */
import type { Call, CallDirection, CallStatus, Instant, Outcome } from 'c/pcModel';
import type { CallPlan } from './callPlan';
import type { SimAttempt, SimDestination, SimRecord } from './callingList';
import { lexicallyBefore } from './rules';

export interface SimCall {
    readonly id: string;
    readonly line: number;
    readonly skillId: string;
    readonly rec: SimRecord;
    readonly dest: SimDestination;
    readonly number: string;
    readonly direction: CallDirection;
    readonly plan: CallPlan;
    readonly startedAt: Instant;
    status: CallStatus;
    statusSince: Instant;
    muted: boolean;
    mostLikely: boolean;
    answeredAt: Instant | null;
    endedAt: Instant | null;
    outcome: Outcome | null;
    /** True once a forced outcome replaced the drawn one (a later force goes to the next dial). */
    forced: boolean;
    /** When the current step's timer fires (Dialing, Ringing, AMD). */
    phaseEndsAt: Instant | null;
    /** Cancels the pending step or the contact's hang-up. */
    cancelTimer: (() => void) | null;
    /** The attempt recorded for this call, once its outcome is known. */
    attempt: SimAttempt | null;
    /** The callback this call delivers, if any. */
    readonly callbackId: string | null;
}

/** The call as the port carries it. */
export function toCall(call: SimCall): Call {
    return Object.freeze({
        id: call.id,
        line: call.line,
        skillId: call.skillId,
        record: call.rec.record,
        destinationId: call.dest.id,
        number: call.number,
        direction: call.direction,
        status: call.status,
        mostLikely: call.mostLikely,
        muted: call.muted,
        startedAt: call.startedAt,
        statusSince: call.statusSince,
        answeredAt: call.answeredAt,
        endedAt: call.endedAt,
        outcome: call.outcome
    });
}

/** Dialing, Ringing or AMD: not yet answered by a person or closed. */
export function inProgress(call: SimCall): boolean {
    return call.status === 'Dialing' || call.status === 'Ringing' || call.status === 'AMD';
}

/** When the call would turn live under its plan, or null if it will not. */
export function liveAt(call: SimCall): number | null {
    if (call.plan.outcome !== 'Live' || call.phaseEndsAt === null) return null;
    if (call.status === 'Dialing') return call.phaseEndsAt + call.plan.ringAnswerMs + call.plan.amdMs;
    if (call.status === 'Ringing') return call.phaseEndsAt + call.plan.amdMs;
    return call.phaseEndsAt;
}

/**
 * CL-5: the unanswered call the dialer judges will be answered next. The dialer knows its own
 * plans: the earliest live answer ahead, else the oldest dial; null when nothing is dialling.
 */
export function mostLikelyOf(calls: Iterable<SimCall>): SimCall | null {
    let best: SimCall | null = null;
    let bestKey: readonly number[] = [];
    for (const c of calls) {
        if (!inProgress(c)) continue;
        const live = liveAt(c);
        const key = live === null ? [1, c.startedAt, c.line] : [0, live, c.line];
        if (best === null || lexicallyBefore(key, bestKey)) {
            best = c;
            bestKey = key;
        }
    }
    return best;
}
