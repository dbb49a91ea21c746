/**
 * Clocks a test moves by hand: time stands still until `advance`, which runs each due timer in order. The manual
 * clock stands in for real time (a paced simulated dialer, the composition root's timers); the stepped clock also
 * lets promises settle between timers, for code that awaits between ticks (the tab election, the long poll).
 */
import type { Clock } from 'c/pcDialerPort';
import { flush } from './time';

interface Timer {
    readonly at: number;
    readonly seq: number;
    readonly fn: () => void;
}

/** A clock that moves only when told; due timers run synchronously, in order. */
export class ManualClock implements Clock {
    protected t: number;
    private seq = 0;
    private timers: Timer[] = [];

    constructor(startAt = 0) {
        this.t = startAt;
    }

    now(): number {
        return this.t;
    }

    schedule(ms: number, fn: () => void): () => void {
        this.seq += 1;
        const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq, fn };
        this.timers.push(timer);
        return () => {
            this.timers = this.timers.filter((x) => x !== timer);
        };
    }

    /** How many timers wait to run. */
    get pending(): number {
        return this.timers.length;
    }

    /** Moves time forward by `ms`, running each timer that falls due on the way. */
    advance(ms: number): void {
        const target = this.t + ms;
        for (let next = this.takeDue(target); next; next = this.takeDue(target)) next();
        this.t = target;
    }

    /** Removes the earliest timer due by `target`, moves time to it and returns its callback. */
    protected takeDue(target: number): (() => void) | undefined {
        this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = this.timers[0];
        if (!next || next.at > target) return undefined;
        this.timers.shift();
        this.t = next.at;
        return next.fn;
    }
}

/** A manual clock that lets queued promise callbacks run before and after each timer. */
export class SteppedClock extends ManualClock {
    /** Moves time forward by `ms`. */
    override async advance(ms: number): Promise<void> {
        const target = this.t + ms;
        await flush({ turns: 20 });
        for (let next = this.takeDue(target); next; next = this.takeDue(target)) {
            next();
            await flush({ turns: 20 });
        }
        this.t = target;
        await flush({ turns: 20 });
    }
}
