/**
 * The simulator's event log: every emitted event as one deterministic line, so two runs with the
 * same seed and commands can be compared byte for byte. Bounded, so a long shift keeps its memory.
 */
import { DialerError } from 'c/pcDialerPort';

/** JSON with errors spelled out (JSON.stringify drops an Error's fields). */
export function serialisePayload(payload: unknown): string {
    if (payload instanceof DialerError) {
        return JSON.stringify({ code: payload.code, message: payload.message, retryable: payload.retryable });
    }
    return JSON.stringify(payload) ?? 'undefined';
}

export class EventLog {
    private lines: string[] = [];
    private start = 0;
    private readonly limit: number;
    private readonly enabled: boolean;
    private readonly epoch: number;

    /** limit: lines kept (the oldest are dropped); epoch: the instant times are counted from. */
    constructor(enabled: boolean, limit: number, epoch: number) {
        this.enabled = enabled;
        this.limit = Math.max(1, Math.floor(limit));
        this.epoch = epoch;
    }

    /** Adds one event: `+<ms since the epoch> <type> <payload as JSON>`. */
    add(at: number, type: string, payload: unknown): void {
        if (!this.enabled) return;
        this.lines.push(`+${at - this.epoch} ${type} ${serialisePayload(payload)}`);
        if (this.lines.length - this.start > this.limit) {
            this.start += 1;
            // Compact now and then, so dropping the oldest line stays O(1) amortised.
            if (this.start > this.limit) {
                this.lines = this.lines.slice(this.start);
                this.start = 0;
            }
        }
    }

    /** The kept lines, oldest first. */
    entries(): readonly string[] {
        return Object.freeze(this.lines.slice(this.start));
    }
}
