/**
 * The CXone fake's fault switches: the twelve faults of the fault suite and the four command faults, what each
 * switch sets, and where each bites (a request dropped, a poll dropped, failed, hung or answered malformed, a
 * command failed, slowed or its answer lost, an event delivered twice).
 */
import type { Raw } from './types';

/** The twelve faults the fault suite injects. */
export const FAULTS = [
    'droppedConnection',
    'tokenExpiry',
    'sessionEnd',
    'serverError',
    'timeout',
    'duplicateEvent',
    'outOfOrder',
    'rotatedSession',
    'malformedJson',
    'slowAnswer',
    'serverRestart',
    'flappingNetwork'
] as const;
/** One of the twelve faults. */
export type Fault = (typeof FAULTS)[number];

/** Faults injected into one command rather than the poll. */
export const COMMAND_FAULTS = ['drop', 'serverError', 'hang', 'slow'] as const;
/** One of the command faults. */
export type CommandFault = (typeof COMMAND_FAULTS)[number];

/** What happens to a poll as it arrives: dropped, a 503, never answered, answered at once, or nothing. */
export type PollBite = 'drop' | 'serverError' | 'hang' | 'answerNow' | null;

/** What a fault reaches into besides the switches: the open poll, the session, the tokens, the dialer, the server. */
export interface FaultTarget {
    /** Drops the open poll's connection; says whether a poll was open. */
    dropOpenPoll(): boolean;
    /** Answers the open poll with this status; says whether a poll was open. */
    failOpenPoll(status: number): boolean;
    /** Leaves the open poll unanswered for good; says whether a poll was open. */
    abandonOpenPoll(): boolean;
    /** Answers the open poll now with what is queued. */
    answerOpenPoll(): void;
    /** Ends the agent's session. */
    endSession(): void;
    /** Expires every access token. */
    expireAccessTokens(): void;
    /** Sends an earlier contact event again. */
    replayStale(): void;
    /** Stops listening for `downMs`, then listens again. */
    restart(downMs: number): Promise<void>;
}

/** The switches, and the checks that consume them where they bite. */
export class FaultSwitches {
    /** Commands still to fail with a 500. */
    failCommands = 0;
    /** The next command's answer is lost after the dialer acted. */
    loseNextAnswer = false;
    /** The type of the next event to deliver twice (`duplicateEvent` fault, `duplicateNextEvent`). */
    duplicateNext: string | null = null;
    /** The next command whose path matches meets this fault. */
    commandFault: { kind: CommandFault; match: RegExp } | null = null;
    private dropPolls = 0;
    private serverErrors = 0;
    private hangPolls = 0;
    private rotateNext = false;
    private malformedNext = false;
    private slowMs = 0;
    private slowCount = 0;
    // The flap counts requests on each channel apart: one shared count let the order in which a poll and
    // a command happened to reach the server decide which of them was dropped, so a command could be
    // dropped on every retry on a slow machine. Polls run one after another and the agent's commands do
    // too, so each channel's own count drops the same requests on every run.
    /** Polls still to go through the flap; one is dropped when the count it leaves is odd, else let through. */
    private flapPolls = 0;
    /** Commands still to go through the flap, the same way, so each dropped command's retry goes through. */
    private flapCommands = 0;

    /** Injects one fault. */
    async inject(fault: Fault, target: FaultTarget): Promise<void> {
        switch (fault) {
            case 'droppedConnection':
                this.dropPolls = 1;
                if (target.dropOpenPoll()) this.dropPolls = 0;
                return;
            case 'tokenExpiry':
                target.expireAccessTokens();
                return;
            case 'sessionEnd':
                target.endSession();
                return;
            case 'serverError':
                this.serverErrors = 2;
                if (target.failOpenPoll(503)) this.serverErrors -= 1;
                return;
            case 'timeout':
                this.hangPolls = 1;
                if (target.abandonOpenPoll()) this.hangPolls = 0;
                return;
            case 'duplicateEvent':
                this.duplicateNext = 'CallContactEvent';
                return;
            case 'outOfOrder':
                target.replayStale();
                return;
            case 'rotatedSession':
                // Rotated on the open poll's answer now, before the agent's next command: rotating on
                // whichever answer came next let a poll timing out meet a command already on its way
                // with the old id, which no client can avoid, on a slow machine.
                this.rotateNext = true;
                target.answerOpenPoll();
                return;
            case 'malformedJson':
                this.malformedNext = true;
                target.answerOpenPoll();
                return;
            case 'slowAnswer':
                // The next four commands: a slowed poll would outlive its own deadline (a timeout fault,
                // not a slow answer), and which requests were slowed hung on how polls and commands met.
                this.slowMs = 1200;
                this.slowCount = 4;
                return;
            case 'serverRestart':
                await target.restart(800);
                return;
            case 'flappingNetwork':
                // Down, up for one exchange, down... six times on the event channel, ending up; the
                // first three commands sent after it lose their first attempt. Counted, never timed.
                this.flapPolls = 12;
                this.flapCommands = 6;
                if (target.dropOpenPoll()) {
                    this.flapPolls -= 1;
                    this.dropPolls = Math.max(0, this.dropPolls - 1);
                }
                return;
        }
    }

    /** Whether a request on the command channel (not a poll, not the token endpoint) is dropped (the flap). */
    dropsCommandRequest(): boolean {
        if (this.flapCommands <= 0) return false;
        this.flapCommands -= 1;
        // Dropped before the dialer sees it, so the agent's retry is no duplicate.
        return this.flapCommands % 2 === 1;
    }

    /** How long a request on the command channel is held before it is handled (0: not slowed). */
    slowsCommandRequest(): number {
        if (this.slowCount <= 0) return 0;
        this.slowCount -= 1;
        return this.slowMs;
    }

    /** What happens to a poll as it arrives. */
    biteOfPoll(): PollBite {
        if (this.dropPolls > 0) {
            this.dropPolls -= 1;
            return 'drop';
        }
        if (this.flapPolls > 0) {
            this.flapPolls -= 1;
            // Up for one exchange: answered at once, since a poll parked for its timeout made the flap
            // last seconds of real time that a loaded machine stretched past the agent's waits.
            return this.flapPolls % 2 === 1 ? 'drop' : 'answerNow';
        }
        if (this.serverErrors > 0) {
            this.serverErrors -= 1;
            return 'serverError';
        }
        if (this.hangPolls > 0) {
            // Never answered: the client has to give up on its own.
            this.hangPolls -= 1;
            return 'hang';
        }
        return null;
    }

    /** Whether a poll's answer is due at once (a malformed answer or a rotation is pending). */
    answerPending(): boolean {
        return this.malformedNext || this.rotateNext;
    }

    /** Whether this answer goes out malformed (consumes the switch). */
    takeMalformed(): boolean {
        const on = this.malformedNext;
        this.malformedNext = false;
        return on;
    }

    /** Whether this answer rotates the session id (consumes the switch). */
    takeRotation(): boolean {
        const on = this.rotateNext;
        this.rotateNext = false;
        return on;
    }

    /** Whether this command fails with a 500 before the dialer sees it (consumes one). */
    failsCommand(): boolean {
        if (this.failCommands <= 0) return false;
        this.failCommands -= 1;
        return true;
    }

    /** The command fault this command meets, if its path matches (consumes the switch). */
    takeCommandFault(rest: string): CommandFault | null {
        const fault = this.commandFault && this.commandFault.match.test(rest) ? this.commandFault.kind : null;
        if (fault) this.commandFault = null;
        return fault;
    }

    /** Whether this command's answer is lost on the way back (consumes the switch). */
    losesAnswer(): boolean {
        const on = this.loseNextAnswer;
        this.loseNextAnswer = false;
        return on;
    }

    /** Whether this event is delivered twice (consumes the switch). */
    duplicates(event: Raw): boolean {
        if (this.duplicateNext === null || event.Type !== this.duplicateNext) return false;
        this.duplicateNext = null;
        return true;
    }
}
