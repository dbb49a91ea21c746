/**
 * A skill's queue of calling records: ready records in order, and records resting (retry delay,
 * presented) in a heap by the instant they may be tried again. O(log n) per record handled, so a
 * long shift never scans the whole list.
 */
import type { Instant } from 'c/pcModel';
import { MinHeap } from 'c/pcVirtualClock';

export class RecordQueue {
    private ready: string[] = [];
    private head = 0;
    private readonly resting = new MinHeap<string>();

    /** Records that may be tried now, then the resting ones in time order. */
    get size(): number {
        return this.ready.length - this.head + this.resting.size;
    }

    /** Adds a record to the end of the ready line, or to its front (a withdrawn offer). */
    pushReady(recordId: string, front = false): void {
        if (front) {
            if (this.head > 0) {
                this.head -= 1;
                this.ready[this.head] = recordId;
            } else {
                this.ready.unshift(recordId);
            }
        } else {
            this.ready.push(recordId);
        }
    }

    /** Lets a record rest until `at`. */
    pushResting(recordId: string, at: Instant): void {
        this.resting.push(at, recordId);
    }

    /** The next ready record (after waking those whose rest ended by now), or undefined. */
    shift(now: Instant): string | undefined {
        for (let top = this.resting.peek(); top && top.at <= now; top = this.resting.peek()) {
            this.resting.pop();
            this.ready.push(top.value);
        }
        if (this.head >= this.ready.length) return undefined;
        const id = this.ready[this.head];
        this.head += 1;
        if (this.head > 1024 && this.head * 2 > this.ready.length) {
            this.ready = this.ready.slice(this.head);
            this.head = 0;
        }
        return id;
    }

    /** When the first resting record wakes, or null. */
    nextWakeAt(): Instant | null {
        return this.resting.peek()?.at ?? null;
    }
}
