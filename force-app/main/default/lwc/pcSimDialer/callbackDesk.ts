/**
 * Rescheduled callbacks (RS-4): booked for an instant on the virtual clock, then delivered to
 * this agent when it is free, or to another agent of the skill when the callback is for the skill
 * and this agent cannot take it. The desk keeps the book; the dialer does the delivering.
 */
import { recordName } from 'c/pcModel';
import type { Callback, Instant, RescheduleRequest } from 'c/pcModel';
import type { VirtualClock } from 'c/pcVirtualClock';
import type { SimRecord } from './callingList';

/** A booked callback and its record. */
export interface SimCallback {
    readonly callback: Callback;
    readonly rec: SimRecord;
    /** Cancels the due timer; null once the instant has passed. */
    cancelDue: (() => void) | null;
}

/** What the desk needs of the dialer around it. */
export interface DeskHost {
    readonly clock: VirtualClock;
    /** Whether this agent can take the callback now (free, and Me or the skill it works). */
    agentCanTake(callback: Callback): boolean;
    /** Whether another agent of the skill can take a skill callback. */
    otherAgentsAvailable(): boolean;
    /** Delivers the callback to this agent. */
    deliverHere(entry: SimCallback): void;
    /** Hands the callback to another agent of the skill. */
    deliverElsewhere(entry: SimCallback): void;
    /** A callback fell due: the dialer looks at its deliveries. */
    fellDue(): void;
}

export class CallbackDesk {
    private readonly host: DeskHost;
    private readonly booked = new Map<string, SimCallback>();
    /** Past their instant, waiting for this agent (or another) to take them, in due order. */
    private readonly due: SimCallback[] = [];
    private serial = 0;

    constructor(host: DeskHost) {
        this.host = host;
    }

    /** Books a callback for the record at the request's instant; returns it. */
    book(rec: SimRecord, request: RescheduleRequest, skillId: string): Callback {
        const callback: Callback = Object.freeze({
            id: `callback-${++this.serial}`,
            recordId: rec.id,
            contactName: recordName(rec.record),
            number: request.number,
            deliverTo: request.deliverTo,
            dueAt: request.at,
            timeZone: request.timeZone,
            notes: request.notes,
            skillId
        });
        rec.hold = 'callback';
        const entry: SimCallback = { callback, rec, cancelDue: null };
        entry.cancelDue = this.host.clock.schedule(request.at - this.host.clock.now(), () => {
            entry.cancelDue = null;
            this.due.push(entry);
            this.dispatch();
            this.host.fellDue();
        });
        this.booked.set(callback.id, entry);
        return callback;
    }

    /** A due callback the console's rules hold (CP-1) falls due again at `at`. */
    defer(entry: SimCallback, at: Instant): void {
        entry.cancelDue = this.host.clock.schedule(Math.max(0, at - this.host.clock.now()), () => {
            entry.cancelDue = null;
            this.due.push(entry);
            this.dispatch();
            this.host.fellDue();
        });
    }

    /** The callback is finished with (dialled, handed on, or dropped). */
    done(callbackId: string): void {
        this.booked.delete(callbackId);
    }

    /** When the next booked callback falls due, or null. */
    nextAt(): Instant | null {
        let next: Instant | null = null;
        for (const entry of this.booked.values()) {
            if (entry.cancelDue && (next === null || entry.callback.dueAt < next)) next = entry.callback.dueAt;
        }
        return next;
    }

    /** Whether a due callback waits that matches (e.g. one this agent must take first). */
    waiting(match: (callback: Callback) => boolean): boolean {
        return this.due.some((entry) => match(entry.callback));
    }

    /**
     * Delivers due callbacks in due order: the first this agent can take goes to it (true is
     * returned); a skill's that it cannot take goes to another agent when one is free.
     */
    dispatch(): boolean {
        for (let i = 0; i < this.due.length; i++) {
            const entry = this.due[i]!;
            if (this.host.agentCanTake(entry.callback)) {
                this.due.splice(i, 1);
                this.host.deliverHere(entry);
                return true;
            }
            if (entry.callback.deliverTo === 'Skill' && this.host.otherAgentsAvailable()) {
                this.due.splice(i, 1);
                i -= 1;
                this.booked.delete(entry.callback.id);
                this.host.deliverElsewhere(entry);
            }
        }
        return false;
    }
}
