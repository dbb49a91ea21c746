/**
 * A virtual clock for the simulated dialer and the tests: time moves only when `advance` is called,
 * so a whole shift runs in milliseconds and the same steps always give the same order of events.
 * For the local console it can also be paced from real time (`setSpeed`).
 */
import { systemClock } from 'c/pcDialerPort';
import type { Clock } from 'c/pcDialerPort';
import type { Instant, Unsubscribe } from 'c/pcModel';

/** The real time source that paces the clock: injected so tests never depend on wall time. */
export interface RealTimeSource {
    now(): number;
    schedule(ms: number, fn: () => void): () => void;
}

export interface VirtualClockOptions {
    /** The instant the clock starts at (epoch ms). */
    readonly startAt?: Instant;
    /** Paces `setSpeed`; defaults to the browser's timers. */
    readonly realTime?: RealTimeSource;
    /** How often, in real ms, a paced clock advances. */
    readonly tickMs?: number;
    /**
     * The real ms a paced advance may run timers before it lets the page render and take input (a new task picks
     * up the rest). Default 16: at 600x one tick is a virtual minute of dialer events, which in one task would be
     * a long task for the agent at the keyboard.
     */
    readonly sliceMs?: number;
}

/** 2026-01-05T14:00:00Z: a Monday, 09:00 in New York. */
export const DEFAULT_START: Instant = Date.UTC(2026, 0, 5, 14, 0, 0);

/** One entry of a MinHeap. */
export interface HeapEntry<T> {
    readonly at: number;
    readonly seq: number;
    readonly value: T;
}

function earlier<T>(a: HeapEntry<T>, b: HeapEntry<T>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** A binary min-heap ordered by `at`, ties in insertion order: timers here, queues of due work in the simulator. */
export class MinHeap<T> {
    private readonly items: HeapEntry<T>[] = [];
    private seq = 0;

    get size(): number {
        return this.items.length;
    }

    /** The earliest entry, without removing it. */
    peek(): HeapEntry<T> | undefined {
        return this.items[0];
    }

    /** Adds a value due at `at`. */
    push(at: number, value: T): void {
        const items = this.items;
        items.push({ at, seq: this.seq++, value });
        let i = items.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!earlier(items[i]!, items[parent]!)) break;
            [items[i], items[parent]] = [items[parent]!, items[i]!];
            i = parent;
        }
    }

    /** Removes and returns the earliest entry. */
    pop(): HeapEntry<T> | undefined {
        const items = this.items;
        const top = items[0];
        const last = items.pop();
        if (items.length > 0 && last) {
            items[0] = last;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1;
                const r = l + 1;
                let m = i;
                if (l < items.length && earlier(items[l]!, items[m]!)) m = l;
                if (r < items.length && earlier(items[r]!, items[m]!)) m = r;
                if (m === i) break;
                [items[i], items[m]] = [items[m]!, items[i]!];
                i = m;
            }
        }
        return top;
    }
}

/** A scheduled callback; `cancelled` also marks one that already ran. */
interface Timer {
    readonly fn: () => void;
    cancelled: boolean;
}

/** A Clock whose time only moves when told to: deterministic, and as fast as the CPU allows. */
export class VirtualClock implements Clock {
    private current: Instant;
    private live = 0;
    private readonly heap = new MinHeap<Timer>();
    private readonly realTime: RealTimeSource;
    private readonly tickMs: number;
    private speed = 0;
    private cancelTick: (() => void) | null = null;
    private readonly sliceMs: number;
    /** Where real time has paced the clock to; the clock catches up a slice at a time. */
    private pacedTo: Instant | null = null;
    private cancelSlice: (() => void) | null = null;
    private lastReal = 0;
    private advancing = false;
    private readonly listeners = new Set<(now: Instant) => void>();

    constructor(options: VirtualClockOptions | Instant = {}) {
        const opts: VirtualClockOptions = typeof options === 'number' ? { startAt: options } : options;
        this.current = opts.startAt ?? DEFAULT_START;
        this.realTime = opts.realTime ?? systemClock;
        this.tickMs = Math.max(1, opts.tickMs ?? 100);
        this.sliceMs = Math.max(1, opts.sliceMs ?? 16);
    }

    /** The virtual now. */
    now(): Instant {
        return this.current;
    }

    /** Runs fn once, ms after now (0 or less: at the next advance); returns a cancel function. */
    schedule(ms: number, fn: () => void): () => void {
        const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
        const timer: Timer = { fn, cancelled: false };
        this.heap.push(this.current + delay, timer);
        this.live += 1;
        return () => {
            if (timer.cancelled) return;
            timer.cancelled = true;
            this.live -= 1;
        };
    }

    /** How many timers wait to run. */
    get pendingCount(): number {
        return this.live;
    }

    /** When the next timer is due, or null when none waits. */
    nextDueAt(): Instant | null {
        this.dropCancelled();
        return this.heap.peek()?.at ?? null;
    }

    /** Moves time forward by ms, running every timer due on the way in time order. */
    advance(ms: number): void {
        if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance needs a finite ms >= 0, got ${ms}`);
        this.advanceTo(this.current + ms);
    }

    /**
     * Moves time forward to t, running every timer due at or before t in time order (ties in
     * scheduling order). Timers scheduled while advancing run too when they fall inside the window.
     * A t in the past only runs the timers due now.
     */
    advanceTo(t: Instant): void {
        if (this.advancing) throw new Error('VirtualClock.advanceTo called from inside a timer');
        const target = Math.max(t, this.current);
        this.advancing = true;
        try {
            for (;;) {
                this.dropCancelled();
                const next = this.heap.peek();
                if (!next || next.at > target) break;
                this.heap.pop();
                next.value.cancelled = true;
                this.live -= 1;
                this.current = next.at;
                next.value.fn();
            }
            this.current = target;
        } finally {
            this.advancing = false;
        }
        for (const listener of [...this.listeners]) listener(this.current);
    }

    /** Runs only the timers due now (a zero-length advance). */
    runDue(): void {
        this.advanceTo(this.current);
    }

    /** Calls listener with the new now after every advance; returns its unsubscribe. */
    onAdvance(listener: (now: Instant) => void): Unsubscribe {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    /** The pacing multiplier: 0 paused, 1 real time, 10 or 60 faster. */
    getSpeed(): number {
        return this.speed;
    }

    /**
     * Paces the clock from real time: every tick it advances by the real time elapsed times the
     * multiplier. 0 pauses.
     */
    setSpeed(multiplier: number): void {
        if (!Number.isFinite(multiplier) || multiplier < 0) {
            throw new RangeError(`speed must be a finite number >= 0, got ${multiplier}`);
        }
        this.speed = multiplier;
        if (multiplier === 0) {
            this.cancelTick?.();
            this.cancelTick = null;
            this.cancelSlice?.();
            this.cancelSlice = null;
            this.pacedTo = null;
            return;
        }
        if (!this.cancelTick) {
            this.lastReal = this.realTime.now();
            this.armTick();
        }
    }

    private armTick(): void {
        this.cancelTick = this.realTime.schedule(this.tickMs, () => {
            this.cancelTick = null;
            if (this.speed === 0) return;
            const real = this.realTime.now();
            const elapsed = Math.max(0, real - this.lastReal);
            this.lastReal = real;
            this.armTick();
            this.pacedTo = Math.max(this.pacedTo ?? this.current, this.current) + elapsed * this.speed;
            // Stryker disable next-line ConditionalExpression: a catch-up already waiting would find nothing left to run
            if (!this.cancelSlice) this.catchUp();
        });
    }

    /**
     * Runs the timers due up to `pacedTo`, one due instant at a time, for at most a slice of real time; what is
     * left runs in a new task, so between slices the page renders and the agent's clicks get through.
     */
    private catchUp(): void {
        this.cancelSlice = null;
        const started = this.realTime.now();
        for (;;) {
            const target = this.pacedTo;
            if (target === null) return;
            this.dropCancelled();
            const next = this.heap.peek();
            if (!next || next.at > target) {
                this.pacedTo = null;
                this.advanceTo(target);
                return;
            }
            this.advanceTo(next.at);
            if (this.realTime.now() - started >= this.sliceMs) break;
        }
        this.cancelSlice = this.realTime.schedule(0, () => this.catchUp());
    }

    private dropCancelled(): void {
        let top = this.heap.peek();
        while (top && top.value.cancelled) {
            this.heap.pop();
            top = this.heap.peek();
        }
    }
}
