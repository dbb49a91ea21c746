/**
 * Time in tests, written once: let promise chains (and, where a suite needs it, zero-delay timers) run, and move a
 * clock in steps until something holds, a command settles or a span has passed. The clock is whatever the suite
 * moves: a VirtualClock, the simulated dialer's control, a hand-moved real time, a stepped clock, or real time.
 */

/** Anything a test moves forward in time; `advance` may be synchronous or return a promise. */
export interface Movable {
    advance(ms: number): unknown;
}

/** Real time: each step waits `ms` on the wall clock (for suites that run real timers). */
export const REAL_TIME: Movable = {
    advance: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
};

/** Time that stands still: a wait on it only lets promises (and timers, where asked) run. */
export const STILL: Movable = {
    advance: () => undefined
};

/** How much to let run between looks. */
export interface FlushOptions {
    /** Microtask turns per round (default 40: a service command's chain of awaits completes). */
    readonly turns?: number;
    /**
     * Zero-delay timers to let run, each followed by another round of microtasks (default 0, so a loop on a virtual
     * clock never waits on the wall clock; components and I/O fakes need some).
     */
    readonly timers?: number;
}

/** How to move time while waiting. */
export interface StepOptions extends FlushOptions {
    /** Time moved per step (default 100 ms). */
    readonly step?: number;
    /** The most time the wait may take (default 10 minutes). */
    readonly maxMs?: number;
}

const DEFAULT_STEP_MS = 100;
const DEFAULT_MAX_MS = 10 * 60_000;

/** Lets pending promise chains run, then as many zero-delay timers as asked. */
export async function flush(options: FlushOptions = {}): Promise<void> {
    const turns = options.turns ?? 40;
    for (let round = 0; round <= (options.timers ?? 0); round += 1) {
        if (round > 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
        for (let i = 0; i < turns; i += 1) await Promise.resolve();
    }
}

/**
 * Moves the clock in steps until `probe` returns a truthy value, and returns that value; when `maxMs` has passed
 * first, returns the probe's last (falsy) answer, so a boolean probe reads `true` or `false`.
 */
export async function until<T>(clock: Movable, probe: () => T, options: StepOptions = {}): Promise<T> {
    const step = options.step ?? DEFAULT_STEP_MS;
    const maxMs = options.maxMs ?? DEFAULT_MAX_MS;
    await flush(options);
    let value = probe();
    for (let waited = 0; !value && waited < maxMs; waited += step) {
        await clock.advance(Math.min(step, maxMs - waited));
        await flush(options);
        value = probe();
    }
    return value;
}

/** Like `until`, but the value must come: fails the test (never hangs it) when `maxMs` passes first. */
export async function reach<T>(clock: Movable, probe: () => T, options: StepOptions = {}): Promise<NonNullable<T>> {
    const value = await until(clock, probe, options);
    if (!value) throw new Error(`condition not reached within ${options.maxMs ?? DEFAULT_MAX_MS} ms`);
    return value as NonNullable<T>;
}

/** Lets `ms` pass in steps (default 50 ms), letting promises run between the steps. */
export async function pass(clock: Movable, ms: number, options: Omit<StepOptions, 'maxMs'> = {}): Promise<void> {
    await until(clock, () => false, { step: 50, ...options, maxMs: ms });
}

/**
 * Awaits a command while time moves in steps (default 50 ms), as it would in the browser; fails (never hangs) when
 * it has not settled within `maxMs` (default one minute).
 */
export async function settle<T>(clock: Movable, command: Promise<T>, options: StepOptions = {}): Promise<T> {
    let done = false;
    const tracked = command.finally(() => {
        done = true;
    });
    tracked.catch(() => undefined);
    const maxMs = options.maxMs ?? 60_000;
    if (!(await until(clock, () => done, { step: 50, ...options, maxMs }))) {
        throw new Error(`the command did not settle within ${maxMs} ms`);
    }
    return tracked;
}
