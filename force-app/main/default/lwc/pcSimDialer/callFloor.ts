/**
 * The agent's set of calls (CL, AM): placing dials on free lines, their progress on the virtual
 * clock (Dialing -> Ringing -> AMD -> Active or Ended), live answers and routed extra answers,
 * the most-likely flag (CL-5), and the calls' end. The dialer decides who gets what; the floor
 * only runs the calls and asks its host about the agent and the records.
 */
import type { DialerEventMap, DialerEventName } from 'c/pcDialerPort';
import { recordName } from 'c/pcModel';
import type { Call, CallDirection, CallStatus, Outcome } from 'c/pcModel';
import type { VirtualClock } from 'c/pcVirtualClock';
import { drawPlan, ringMs } from './callPlan';
import type { ForcedOutcome } from './callPlan';
import { applyOutcome, attemptsHistory } from './callingList';
import type { SimAttempt, SimDestination, SimRecord } from './callingList';
import type { Rng } from './prng';
import { inProgress, mostLikelyOf, toCall } from './simCall';
import type { SimCall } from './simCall';

/** Sends an event up (to the adapter's subscribers and the event log). */
export type Emit = <K extends DialerEventName>(type: K, payload: DialerEventMap[K]) => void;

/** What the floor needs of the dialer around it. */
export interface FloorHost {
    readonly clock: VirtualClock;
    readonly rng: Rng;
    readonly emit: Emit;
    /** Whether a contact hangs up after the plan's talk time. */
    readonly contactHangsUp: boolean;
    /** Adds an attempt to the record and applies its outcome; announces it when asked. */
    recordAttempt(rec: SimRecord, dest: SimDestination, outcome: Outcome, announce: boolean): SimAttempt;
    /** Puts a record back in its skill's queue to rest. */
    release(rec: SimRecord): void;
    /** Puts a record back at the front of its queue: a withdrawn dial, no attempt made. */
    requeueFront(rec: SimRecord): void;
    /** Whether a live answer may become this agent's call (Working, nothing pending). */
    agentTakesLive(): boolean;
    /** Whether another agent can take an extra answer (CL-3). */
    otherAgentsAvailable(): boolean;
    /** A line is free: a pending agent change may complete and the next delivery may come. */
    lineFreed(): void;
    /** The callback a call delivered has been dialled out. */
    callbackDone(callbackId: string): void;
}

/** What a new dial is. */
export interface DialRequest {
    readonly rec: SimRecord;
    readonly dest: SimDestination;
    readonly direction: CallDirection;
    readonly skillId: string;
    /** The number dialled (a callback may dial another than the destination's). */
    readonly number: string;
    readonly callbackId: string | null;
}

export class CallFloor {
    private readonly host: FloorHost;
    private readonly calls = new Map<string, SimCall>();
    private readonly forced: ForcedOutcome[] = [];
    private serial = 0;

    constructor(host: FloorHost) {
        this.host = host;
    }

    /** Calls in the agent's set. */
    get size(): number {
        return this.calls.size;
    }

    /** The call, if it is in the set. */
    get(callId: string): SimCall | undefined {
        return this.calls.get(callId);
    }

    /** Whether an id was ever issued (a call that left the set, rather than an unknown one). */
    issued(n: number): boolean {
        return n >= 1 && n <= this.serial;
    }

    /** The set as the port carries it. */
    snapshot(): readonly Call[] {
        return Object.freeze([...this.calls.values()].map(toCall));
    }

    /** On a connected call or its wrap-up: a live answer now goes to another agent (CL-3). */
    occupied(): boolean {
        for (const call of this.calls.values()) if (!inProgress(call)) return true;
        return false;
    }

    /** The outcome armed for the next dial, if any. */
    nextForced(): ForcedOutcome | null {
        return this.forced[0] ?? null;
    }

    /** Forces the oldest undecided dial's outcome, or the next dial's when none is undecided. */
    force(outcome: ForcedOutcome): void {
        for (const call of this.calls.values()) {
            if (!inProgress(call) || call.forced) continue;
            call.plan.outcome = outcome;
            call.forced = true;
            this.publish(null);
            return;
        }
        this.forced.push(outcome);
    }

    /** Places a dial on the lowest free line. */
    place(request: DialRequest): SimCall {
        const now = this.host.clock.now();
        const plan = drawPlan(this.host.rng, request.rec.answerBias);
        const forced = this.forced.shift();
        if (forced) plan.outcome = forced;
        const call: SimCall = {
            id: `call-${++this.serial}`,
            line: this.lowestFreeLine(),
            skillId: request.skillId,
            rec: request.rec,
            dest: request.dest,
            number: request.number,
            direction: request.direction,
            plan,
            startedAt: now,
            status: 'Dialing',
            statusSince: now,
            muted: false,
            mostLikely: false,
            answeredAt: null,
            endedAt: null,
            outcome: null,
            forced: forced !== undefined,
            phaseEndsAt: null,
            cancelTimer: null,
            attempt: null,
            callbackId: request.callbackId
        };
        request.rec.hold = 'dialing';
        request.dest.lastPresentation = now;
        this.calls.set(call.id, call);
        this.startPhase(call, plan.dialMs);
        this.publish(call);
        return call;
    }

    /** Hold, resume: a connected call changes status. */
    setConnectedStatus(call: SimCall, status: 'Active' | 'Held'): void {
        this.setStatus(call, status);
        this.publish(call);
    }

    setMuted(call: SimCall, muted: boolean): void {
        call.muted = muted;
        this.publish(call);
    }

    /** A dial that ended without a person: detected by the dialer or closed by the agent (AM-2). */
    finishUnanswered(call: SimCall, outcome: Outcome): void {
        this.stopTimer(call);
        this.setStatus(call, 'Ended');
        call.endedAt = this.host.clock.now();
        call.outcome = outcome;
        this.host.recordAttempt(call.rec, call.dest, outcome, false);
        this.publish(call);
        this.leave(call);
    }

    /** The agent or the contact hung up a connected call (or it was transferred): Ended, for wrap-up. */
    endConnected(call: SimCall, outcome: Outcome = 'Live'): void {
        this.stopTimer(call);
        this.setStatus(call, 'Ended');
        call.endedAt = this.host.clock.now();
        call.outcome = outcome;
        this.publish(call);
    }

    /** The wrap-up is saved: the outcome goes on the call's attempt and the call leaves (CL-4). */
    wrapUp(call: SimCall, outcome: Outcome): void {
        if (call.attempt) {
            call.attempt.outcome = outcome;
            applyOutcome(call.rec, call.dest, outcome, this.host.clock.now());
        } else {
            this.host.recordAttempt(call.rec, call.dest, outcome, false);
        }
        this.leave(call);
    }

    /** The dialer takes back every unanswered dial (the agent is leaving): no attempt is recorded. */
    withdrawUnanswered(): void {
        for (const call of [...this.calls.values()]) {
            if (!inProgress(call)) continue;
            this.stopTimer(call);
            this.calls.delete(call.id);
            this.host.requeueFront(call.rec);
            this.host.emit('callRemoved', Object.freeze({ callId: call.id }));
        }
        this.publish(null);
    }

    private lowestFreeLine(): number {
        const used = new Set<number>();
        for (const call of this.calls.values()) used.add(call.line);
        let line = 1;
        while (used.has(line)) line += 1;
        return line;
    }

    private startPhase(call: SimCall, ms: number): void {
        call.cancelTimer?.();
        call.phaseEndsAt = this.host.clock.now() + ms;
        call.cancelTimer = this.host.clock.schedule(ms, () => {
            call.cancelTimer = null;
            call.phaseEndsAt = null;
            this.onPhaseEnd(call);
        });
    }

    private stopTimer(call: SimCall): void {
        call.cancelTimer?.();
        call.cancelTimer = null;
        call.phaseEndsAt = null;
    }

    private setStatus(call: SimCall, status: CallStatus): void {
        call.status = status;
        call.statusSince = this.host.clock.now();
    }

    /** Dialing -> Ringing -> AMD -> Active, or Ended with the dial's outcome on the way. */
    private onPhaseEnd(call: SimCall): void {
        const outcome = call.plan.outcome;
        if (call.status === 'Dialing') {
            if (outcome === 'Busy' || outcome === 'BadNumber') {
                this.finishUnanswered(call, outcome);
                return;
            }
            this.setStatus(call, 'Ringing');
            this.startPhase(call, ringMs(call.plan));
            this.publish(call);
        } else if (call.status === 'Ringing') {
            if (outcome === 'NoAnswer' || outcome === 'Busy' || outcome === 'BadNumber') {
                this.finishUnanswered(call, outcome);
                return;
            }
            this.setStatus(call, 'AMD');
            this.startPhase(call, call.plan.amdMs);
            this.publish(call);
        } else if (call.status === 'AMD') {
            if (outcome === 'Live') this.answerLive(call);
            else this.finishUnanswered(call, outcome);
        }
    }

    /** A live answer: the agent's Active call, or routed when the agent is occupied (CL-3). */
    private answerLive(call: SimCall): void {
        if (this.occupied() || !this.host.agentTakesLive()) {
            this.routeAway(call);
            return;
        }
        const now = this.host.clock.now();
        this.setStatus(call, 'Active');
        call.answeredAt = now;
        call.attempt = this.host.recordAttempt(call.rec, call.dest, 'Live', false);
        if (this.host.contactHangsUp) {
            call.cancelTimer = this.host.clock.schedule(call.plan.talkMs, () => {
                call.cancelTimer = null;
                if (call.status === 'Active' || call.status === 'Held') this.endConnected(call);
            });
        }
        this.publish(call);
        this.host.emit('attemptsUpdated', attemptsHistory(call.rec, now));
    }

    /** An extra answer goes to another agent, or is abandoned when nobody is free. */
    private routeAway(call: SimCall): void {
        this.stopTimer(call);
        if (this.host.otherAgentsAvailable()) {
            this.host.recordAttempt(call.rec, call.dest, 'RoutedToAnotherAgent', false);
            this.host.emit('callRouted', Object.freeze({ callId: call.id, contactName: recordName(call.rec.record) }));
        } else {
            this.setStatus(call, 'Ended');
            call.endedAt = this.host.clock.now();
            call.outcome = 'Abandoned';
            this.host.recordAttempt(call.rec, call.dest, 'Abandoned', false);
            this.publish(call);
        }
        this.leave(call);
    }

    /** The call leaves the set: its attempt is announced, its record rests, the line is free. */
    private leave(call: SimCall): void {
        this.host.emit('attemptsUpdated', attemptsHistory(call.rec, this.host.clock.now()));
        this.calls.delete(call.id);
        if (call.callbackId) this.host.callbackDone(call.callbackId);
        this.host.emit('callRemoved', Object.freeze({ callId: call.id }));
        this.publish(null);
        this.host.release(call.rec);
        this.host.lineFreed();
    }

    /**
     * CL-5: exactly one unanswered call carries mostLikely (see mostLikelyOf). Publishes `call`
     * (when given) and every call whose flag changed: those losing the flag first, those gaining
     * it last, so a listener never sees two flagged calls at once.
     */
    private publish(call: SimCall | null): void {
        const best = mostLikelyOf(this.calls.values());
        const lost: SimCall[] = [];
        const gained: SimCall[] = [];
        for (const c of this.calls.values()) {
            const should = c === best;
            if (c.mostLikely === should) continue;
            c.mostLikely = should;
            (should ? gained : lost).push(c);
        }
        const emit = (c: SimCall): void => this.host.emit('callUpdated', toCall(c));
        for (const c of lost) if (c !== call) emit(c);
        if (call && this.calls.has(call.id)) emit(call);
        for (const c of gained) if (c !== call) emit(c);
    }
}
