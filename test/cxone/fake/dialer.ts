/**
 * The CXone fake's Personal Connection dialer: the agent's state, the contacts and their history, pending
 * callbacks and messages, on a virtual clock of its own; and the rules by which it hands out previews and
 * calls. Every change it makes goes out as a CXone event through `emit`.
 */
import type { ForcedOutcome } from '../../contract/harness';
import {
    AGENT_ID,
    NAMES,
    TEAM_ID,
    callContactEvent,
    dialSequence,
    scriptedCpa,
    scriptedDeliveryPreferences,
    scriptedSkills
} from './script';
import type { Raw } from './types';

/** One of the agent's skills. */
export interface FakeSkill {
    readonly id: string;
    readonly name: string;
    readonly pc: boolean;
}

/** One contact the dialer knows: a preview, a dialled call, a callback or a consult. */
export interface FakeContact {
    readonly id: string;
    status: string;
    changedAt: number;
    readonly startedAt: number;
    linked: boolean;
    /** True while the contact is an open preview; false once accepted and dialled. */
    preview: boolean;
    readonly callback: boolean;
    readonly consult: boolean;
    readonly skillId: string;
    readonly number: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly recordId: string;
    finalState: boolean;
    disconnectCode: string | null;
    outcome: ForcedOutcome;
    answered: boolean;
    readonly history: Raw[];
}

/** A callback the agent scheduled, waiting for its time. */
export interface PendingCallback {
    readonly id: string;
    readonly at: number;
    readonly number: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly notes: string;
    readonly skillId: string;
}

/** A message for the agent, as the messages endpoint lists it. */
export interface AgentMessage {
    messageId: string;
    subject: string;
    message: string;
    startDate: string;
}

/** The dialer behind the fake: its state, its clock and the rules of delivery. */
export class FakeDialer {
    /** The agent signed in. */
    readonly agentId = AGENT_ID;
    /** The agent's team. */
    readonly teamId = TEAM_ID;
    /** The agent's skills. */
    readonly skills: FakeSkill[] = scriptedSkills();
    /** Preview buttons the skill shows (delivery preferences). */
    readonly deliveryPreferences: Record<string, boolean> = scriptedDeliveryPreferences();
    /** Machine overrides the skill allows (CPA management). */
    readonly cpa: Record<string, boolean> = scriptedCpa();
    /** Messages for the agent, oldest first. */
    readonly messages: AgentMessage[] = [];
    /** Every contact, by id. */
    readonly contacts = new Map<string, FakeContact>();
    /** Callbacks scheduled and not yet due. */
    callbacks: PendingCallback[] = [];
    /** How many callbacks the dialer scheduled from reschedules. */
    callbacksScheduled = 0;
    /** The dialer's clock (ms): the time its events report. */
    now: number = Date.now();
    /** Whether the skill previews records before dialling. */
    previewMode = false;
    /** Calls the dialer may place at once. */
    lines = 1;
    /** The outcome forced on the next dial, if any. */
    nextOutcome: ForcedOutcome | null = null;
    /** The agent's state as CXone names it. */
    agentState = 'Unavailable';
    /** The unavailable reason, when the agent is Unavailable. */
    outReason = '';
    /** The Personal Connection skill the agent is logged in to. */
    dialerSkill: FakeSkill | null = null;
    /** True while a dialer logout waits for the call in progress. */
    loggingOut = false;
    /** The state the agent asked for during that call, taken after it. */
    stateAfterCall: { state: string; reason: string } | null = null;
    /** Whether the agent's phone is muted. */
    muted = false;

    private timers: { at: number; seq: number; fn: () => void }[] = [];
    private timerSeq = 0;
    private contactSeq = 0;

    /** A dialer whose events go to `emit` (the agent session's queue) while `inSession()` says a session is open. */
    constructor(
        readonly emit: (event: Raw) => void,
        private readonly inSession: () => boolean
    ) {}

    /** Runs `fn` after `delay` ms of the dialer's time. */
    at(delay: number, fn: () => void): void {
        this.timerSeq += 1;
        this.timers.push({ at: this.now + delay, seq: this.timerSeq, fn });
    }

    /** Moves the clock to `target`, running each timer due by then in order. */
    runUntil(target: number): void {
        for (let guard = 0; guard < 10_000; guard += 1) {
            this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
            const next = this.timers[0];
            if (!next || next.at > target) break;
            this.timers.shift();
            this.now = Math.max(this.now, next.at);
            next.fn();
        }
        this.now = target;
    }

    /** Moves every pending timer by `ms` without moving the clock. */
    shiftTimers(ms: number): void {
        for (const timer of this.timers) timer.at += ms;
    }

    /** How long until the next timer is due (0 when one is due now); null when none is pending. */
    nextTimerIn(): number | null {
        if (this.timers.length === 0) return null;
        return Math.max(0, Math.min(...this.timers.map((t) => t.at)) - this.now);
    }

    /** Drops every pending timer. */
    clearTimers(): void {
        this.timers = [];
    }

    /** Whether a contact has ended. */
    isEnded(c: FakeContact): boolean {
        return c.status === 'Disconnected';
    }

    /** The calls in progress (not previews, not consults). */
    liveCalls(): FakeContact[] {
        return [...this.contacts.values()].filter((c) => !c.consult && !c.preview && !this.isEnded(c));
    }

    /** The preview on offer, if any. */
    openPreview(): FakeContact | null {
        return [...this.contacts.values()].find((c) => c.preview && c.status === 'Incoming') ?? null;
    }

    /** The ids of the agent's live contacts (consults aside). */
    liveContactIds(): string[] {
        return [...this.contacts.values()].filter((c) => !c.consult && !this.isEnded(c)).map((c) => c.id);
    }

    /** Emits the agent's state. */
    pushAgentState(): void {
        this.emit({
            Type: 'AgentState',
            CurrentState: this.agentState,
            CurrentOutReason: this.outReason,
            StartTimeUTC: new Date(this.now).toISOString(),
            IsAcw: false,
            NextStates: []
        });
    }

    /** Emits the agent's state and every live contact: what a started or joined session is told first. */
    replayLive(): void {
        this.pushAgentState();
        for (const c of this.contacts.values()) if (!c.consult && !this.isEnded(c)) this.emit(callContactEvent(c));
    }

    /** Emits again the latest contact change but one (an event out of order). */
    replayStale(): void {
        const latest = [...this.contacts.values()]
            .filter((c) => c.history.length > 1)
            .sort((a, b) => b.changedAt - a.changedAt)[0];
        if (latest) this.emit({ ...latest.history[latest.history.length - 2] });
    }

    /** The session ended: the agent is logged out, every contact ends, nothing more is scheduled. */
    endSession(): void {
        this.dialerSkill = null;
        this.agentState = 'LoggedOut';
        for (const c of this.contacts.values()) {
            c.status = 'Disconnected';
            c.finalState = true;
        }
        this.timers = [];
    }

    /** Changes a contact's status (and other fields), records it and emits it. */
    setStatus(c: FakeContact, status: string, extra: Partial<FakeContact> = {}): void {
        c.status = status;
        // Each change is at least 1 ms after the last one of the same contact: events are strictly ordered.
        c.changedAt = Math.max(this.now, c.changedAt + 1);
        Object.assign(c, extra);
        const event = callContactEvent(c);
        c.history.push(event);
        this.emit(event);
    }

    /** A new contact from the next record (or the number given); a dial takes the forced outcome. */
    newContact(kind: { preview?: boolean; callback?: boolean; consult?: boolean }, number?: string): FakeContact {
        this.contactSeq += 1;
        const [firstName, lastName] = NAMES[this.contactSeq % NAMES.length]!;
        const outcome = this.nextOutcome ?? 'Live';
        if (!kind.preview && !kind.consult && !kind.callback) this.nextOutcome = null;
        const c: FakeContact = {
            id: String(900000 + this.contactSeq),
            status: 'Incoming',
            changedAt: this.now,
            startedAt: this.now,
            linked: false,
            preview: kind.preview === true,
            callback: kind.callback === true,
            consult: kind.consult === true,
            skillId: this.dialerSkill?.id ?? this.skills[0]!.id,
            number: number ?? `+1312555${String(1000 + this.contactSeq).slice(-4)}`,
            firstName,
            lastName,
            recordId: `rec-${this.contactSeq}`,
            finalState: false,
            disconnectCode: null,
            outcome,
            answered: false,
            history: []
        };
        this.contacts.set(c.id, c);
        return c;
    }

    /** The outcome of the next dial, or of the current unanswered one. */
    forceNextOutcome(outcome: ForcedOutcome): void {
        const current = [...this.contacts.values()].find(
            (c) => !c.preview && !c.consult && !c.callback && !c.answered && !this.isEnded(c) && c.status !== 'Incoming'
        );
        if (current) current.outcome = outcome;
        else this.nextOutcome = outcome;
    }

    /** The dialer withdraws the open preview (it ends without the agent acting). */
    withdrawPreview(): void {
        const preview = this.openPreview();
        if (preview) this.setStatus(preview, 'Disconnected', { finalState: true });
    }

    /** Adds a message for the agent and tells the client to re-read messages. */
    sendAgentMessage(text: string): void {
        this.messages.push({
            messageId: `m${this.messages.length + 1}`,
            subject: 'Supervisor',
            message: `<b>${text}</b>`,
            startDate: new Date(this.now).toISOString()
        });
        this.emit({ Type: 'UpdateMessages' });
    }

    /** Hands out the next preview or calls after `delay` ms. */
    scheduleDelivery(delay = 500): void {
        this.at(delay, () => this.deliver());
    }

    /** Dials a contact through the scripted sequence. */
    dial(c: FakeContact): void {
        dialSequence(this, c);
    }

    /** Ends a call with a disconnect code, then goes on with the shift. */
    finish(c: FakeContact, code: string): void {
        if (this.isEnded(c)) return;
        this.setStatus(c, 'Disconnected', { finalState: true, disconnectCode: code, linked: false });
        this.afterCall();
    }

    /** After the last call: the logout or state asked for meanwhile, or the next delivery. */
    afterCall(): void {
        if (this.liveCalls().length > 0) return;
        if (this.loggingOut) {
            this.loggingOut = false;
            this.dialerSkill = null;
            this.agentState = this.stateAfterCall?.state ?? 'Unavailable';
            this.outReason = this.stateAfterCall?.reason ?? '';
            this.stateAfterCall = null;
            this.pushAgentState();
            return;
        }
        this.scheduleDelivery();
    }

    /** Offers a preview, or dials up to the number of lines, when the agent is free on the dialer. */
    private deliver(): void {
        if (this.agentState !== 'Dialer' || this.loggingOut || !this.inSession()) return;
        if (this.previewMode) {
            if (this.openPreview() || this.liveCalls().length > 0) return;
            const c = this.newContact({ preview: true });
            this.setStatus(c, 'Incoming');
            return;
        }
        if (this.liveCalls().some((c) => c.answered)) return;
        const live = this.liveCalls();
        for (let i = live.length; i < this.lines; i += 1) {
            const c = this.newContact({});
            c.linked = i === 0;
            this.dial(c);
        }
    }
}
