/**
 * The store of ConsoleState: the one current snapshot, its listeners and the service's timers. Slices reduce
 * events and commands into patches and commit them here; I/O a change starts runs after its commit (`afterCommit`),
 * so every listener has seen the new snapshot before anything is sent.
 */
import type { Clock } from 'c/pcDialerPort';
import type { CommandResult, ConsoleState, Unsubscribe } from 'c/pcModel';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A change to the state: the parts that are new; the rest is shared by reference. */
export type Patch = Partial<Mutable<ConsoleState>>;

/** A command that went through. */
export const OK: CommandResult = Object.freeze({ ok: true });

/** The list without the item. */
export function without<T>(list: readonly T[], item: T): readonly T[] {
    return list.filter((x) => x !== item);
}

/** The snapshot, its listeners, the timers and whether the service runs. */
export class Store {
    private current: ConsoleState;
    private readonly listeners = new Set<(state: ConsoleState) => void>();
    private readonly timers = new Set<() => void>();
    private effects: (() => void)[] = [];
    /** Whether the service runs: between start() and stop(). */
    running = false;

    constructor(
        private readonly clock: Clock,
        initial: ConsoleState
    ) {
        this.current = initial;
    }

    /** The current snapshot. */
    get state(): ConsoleState {
        return this.current;
    }

    /** Calls the listener with each new snapshot; returns the unsubscribe. */
    subscribe(listener: (state: ConsoleState) => void): Unsubscribe {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    /** Publishes a new snapshot to every listener, then starts the effects queued for it. */
    commit(patch: Patch): void {
        this.current = Object.freeze({ ...this.current, ...patch, now: this.clock.now() });
        const effects = this.effects;
        this.effects = [];
        for (const listener of this.listeners) {
            try {
                listener(this.current);
            } catch (e) {
                // One faulty component must not stop the others from rendering.
                console.error('Console listener failed', e instanceof Error ? e.name : typeof e);
            }
        }
        for (const effect of effects) effect();
    }

    /** Queues I/O that a patch being built needs, to start once that patch is committed. */
    afterCommit(effect: () => void): void {
        this.effects.push(effect);
    }

    /** Runs `fn` after `ms` on the service's clock, unless the service stops first. */
    later(ms: number, fn: () => void): void {
        const cancel = this.clock.schedule(ms, () => {
            this.timers.delete(cancel);
            fn();
        });
        this.timers.add(cancel);
    }

    /** Cancels every timer still waiting. */
    cancelTimers(): void {
        for (const cancel of [...this.timers]) cancel();
        this.timers.clear();
    }
}
