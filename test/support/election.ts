/**
 * One tab election's world, as the election suites build it: an in-memory channel hub, a stepped clock and (when
 * asked) Web Locks, with tabs opened on them under one lock name.
 */
import { TabLeader } from 'c/pcTabLeader';
import { SteppedClock } from './clocks';
import { ChannelHub, MemoryLocks } from './tabs';

/** The timings a tab may be given instead of its defaults. */
export interface TabTimings {
    readonly heartbeatMs?: number;
    readonly leaseMs?: number;
    readonly claimMs?: number;
}

/** A tab's start whose answer is read when it has come: null until then. */
export interface Decision {
    readonly leads: boolean | null;
}

/** Starts `t` without awaiting it; the returned decision fills in when the start settles (a failure stays null). */
export function decide(t: TabLeader): Decision {
    const decision: { leads: boolean | null } = { leads: null };
    t.start().then(
        (leading) => (decision.leads = leading),
        () => undefined
    );
    return decision;
}

export interface Election {
    readonly hub: ChannelHub;
    readonly clock: SteppedClock;
    readonly locks: MemoryLocks | null;
    /** A new tab `id` on the hub and clock (and the locks, if any); not started. */
    tab(id: string, timings?: TabTimings): TabLeader;
    /** A tab that has started and leads alone once the claim window (1 s) has passed. */
    loneLeader(id: string): Promise<TabLeader>;
    /** A heartbeat tab that has started beside a running leader and, `windowMs` later, follows. */
    follows(id: string, windowMs: number): Promise<TabLeader>;
    /** Two tabs started one after the other (with locks: the first leads, the second waits). */
    startPair(first: string, second: string): Promise<[TabLeader, TabLeader]>;
    /** Steps the clock 50 ms at a time until one of `tabs` leads; returns the time it took (Infinity if none did). */
    timeToLeader(tabs: readonly TabLeader[], limitMs?: number): Promise<number>;
}

/** Builds an election's world; `locks` gives the tabs Web Locks, otherwise they elect by heartbeat. */
export function election(options: { readonly locks?: boolean } = {}): Election {
    const hub = new ChannelHub();
    const clock = new SteppedClock();
    const locks = options.locks ? new MemoryLocks() : null;
    const tab = (id: string, timings: TabTimings = {}): TabLeader =>
        new TabLeader({ name: 'pc-dialer', channel: hub.open(), locks, clock, tabId: id, ...timings });
    return {
        hub,
        clock,
        locks,
        tab,
        async loneLeader(id) {
            const t = tab(id);
            const started = t.start();
            await clock.advance(1_000);
            expect(await started).toBe(true);
            return t;
        },
        async follows(id, windowMs) {
            const t = tab(id);
            const started = t.start();
            await clock.advance(windowMs);
            expect(await started).toBe(false);
            return t;
        },
        async startPair(first, second) {
            const a = tab(first);
            const b = tab(second);
            await a.start();
            await b.start();
            return [a, b];
        },
        async timeToLeader(tabs, limitMs = 10_000) {
            const started = clock.now();
            for (let waited = 0; waited <= limitMs; waited += 50) {
                if (tabs.some((t) => t.isLeader())) return clock.now() - started;
                // Time is stepped in order: each step must finish before the next.
                await clock.advance(50);
            }
            return Number.POSITIVE_INFINITY;
        }
    };
}
