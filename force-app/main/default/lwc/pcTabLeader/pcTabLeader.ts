/**
 * Leader election across the agent's browser tabs (BX-2): exactly one tab polls CXone and drives the
 * session; the others mirror it and take over when it closes. Web Locks decide where the browser has
 * them (the lock is released the instant a tab dies); otherwise a BroadcastChannel heartbeat with a
 * lease decides. Channel, locks and clock are injected, so the election runs in tests without a browser.
 */
import { systemClock } from 'c/pcDialerPort';
import type { Clock } from 'c/pcDialerPort';
import type { Unsubscribe } from 'c/pcModel';

/** The part of `navigator.locks` the election uses. */
export interface LockManagerLike {
    request(
        name: string,
        options: { readonly ifAvailable?: boolean },
        callback: (lock: unknown) => Promise<void> | void
    ): Promise<unknown>;
}

/** The part of `BroadcastChannel` the election uses. */
export interface ChannelLike {
    postMessage(message: unknown): void;
    onmessage: ((event: { readonly data: unknown }) => void) | null;
    close(): void;
}

/** What the adapter needs of an election: the role, its changes, and a message bus between tabs. */
export interface TabLeadership {
    /** This tab's id. */
    readonly tabId: string;
    /** Starts taking part; resolves with the first role decided (true = leader). */
    start(): Promise<boolean>;
    /** Leaves the election; a leader hands over at once. */
    stop(): void;
    isLeader(): boolean;
    /** Called with each change of role. */
    onChange(listener: (leader: boolean) => void): Unsubscribe;
    /** Sends application data to every other tab. */
    post(data: unknown): void;
    /** Receives application data from other tabs. */
    onMessage(listener: (data: unknown, from: string) => void): Unsubscribe;
}

/** Options of the election. */
export interface TabLeaderOptions {
    /** Channel name and lock name, e.g. `pc-dialer-<agent>`. */
    readonly name: string;
    readonly channel: ChannelLike;
    /** `navigator.locks` where available; null selects the heartbeat fallback. */
    readonly locks?: LockManagerLike | null;
    readonly clock?: Clock;
    readonly tabId?: string;
    /** How often a leader announces itself. */
    readonly heartbeatMs?: number;
    /** Silence after which followers elect a new leader (fallback only); with the claim window, under 2 s. */
    readonly leaseMs?: number;
    /** How long a claim waits for a better claim (fallback only). */
    readonly claimMs?: number;
}

type Wire =
    | { readonly t: 'hb'; readonly from: string }
    | { readonly t: 'who'; readonly from: string }
    | { readonly t: 'claim'; readonly from: string }
    | { readonly t: 'resign'; readonly from: string }
    | { readonly t: 'app'; readonly from: string; readonly data: unknown };

function readWire(data: unknown): Wire | null {
    if (typeof data !== 'object' || data === null) return null;
    const m = data as Record<string, unknown>;
    if (typeof m.from !== 'string') return null;
    if (m.t === 'hb' || m.t === 'who' || m.t === 'claim' || m.t === 'resign') return { t: m.t, from: m.from };
    if (m.t === 'app') return { t: 'app', from: m.from, data: m.data };
    return null;
}

/** A fresh tab id; not security-relevant, only distinct. */
function newTabId(): string {
    // Stryker disable next-line MethodExpression: without the slice the id is longer, and as distinct.
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The election. One per tab; `stop()` on `pagehide`. */
export class TabLeader implements TabLeadership {
    readonly tabId: string;
    private leader = false;
    private running = false;
    private readonly clock: Clock;
    private readonly heartbeatMs: number;
    private readonly leaseMs: number;
    private readonly claimMs: number;
    private readonly changeListeners = new Set<(leader: boolean) => void>();
    private readonly messageListeners = new Set<(data: unknown, from: string) => void>();
    private cancelHeartbeat: (() => void) | null = null;
    private cancelLease: (() => void) | null = null;
    private cancelClaim: (() => void) | null = null;
    private releaseLock: (() => void) | null = null;
    private claiming = false;
    // Stryker disable next-line BooleanLiteral: claim() resets it before its window reads it.
    private betterClaimSeen = false;
    private decided: ((leader: boolean) => void) | null = null;

    constructor(private readonly options: TabLeaderOptions) {
        this.tabId = options.tabId ?? newTabId();
        this.clock = options.clock ?? systemClock;
        this.heartbeatMs = options.heartbeatMs ?? 500;
        this.leaseMs = options.leaseMs ?? 1500;
        this.claimMs = options.claimMs ?? 250;
    }

    /** Joins the election; resolves once this tab knows whether it leads. */
    start(): Promise<boolean> {
        if (this.running) return Promise.resolve(this.leader);
        this.running = true;
        const first = new Promise<boolean>((resolve) => {
            this.decided = resolve;
        });
        this.options.channel.onmessage = (event) => this.receive(event.data);
        const locks = this.options.locks;
        if (locks) {
            const ignore = (): undefined => undefined;
            locks
                .request(this.options.name, { ifAvailable: true }, (lock) => {
                    if (lock) return this.holdLock();
                    this.setRole(false);
                    locks.request(this.options.name, {}, () => this.holdLock()).catch(ignore);
                    return undefined;
                })
                .catch(ignore);
        } else {
            this.send({ t: 'who', from: this.tabId });
            this.armLease(this.claimMs);
        }
        return first;
    }

    /** Leaves; a leader tells the others so one takes over without waiting for the lease. */
    stop(): void {
        if (!this.running) return;
        const wasLeader = this.leader;
        this.running = false;
        this.cancelTimers();
        if (wasLeader) this.send({ t: 'resign', from: this.tabId });
        this.leader = false;
        this.releaseLock?.();
        this.releaseLock = null;
        this.options.channel.onmessage = null;
        if (wasLeader) this.notify(false);
    }

    /** Whether this tab drives the session now. */
    isLeader(): boolean {
        return this.leader;
    }

    /** Subscribes to role changes. */
    onChange(listener: (leader: boolean) => void): Unsubscribe {
        this.changeListeners.add(listener);
        return () => this.changeListeners.delete(listener);
    }

    /** Broadcasts application data to the other tabs. */
    post(data: unknown): void {
        if (this.running) this.send({ t: 'app', from: this.tabId, data });
    }

    /** Subscribes to application data from other tabs. */
    onMessage(listener: (data: unknown, from: string) => void): Unsubscribe {
        this.messageListeners.add(listener);
        return () => this.messageListeners.delete(listener);
    }

    private holdLock(): Promise<void> {
        if (!this.running) return Promise.resolve();
        this.setRole(true);
        // The lock is held until stop() or until the tab dies, which is what hands over.
        return new Promise<void>((resolve) => {
            this.releaseLock = resolve;
        });
    }

    private send(message: Wire): void {
        try {
            this.options.channel.postMessage(message);
        } catch {
            // A closed channel only means this tab is going away.
        }
    }

    private receive(data: unknown): void {
        const m = readWire(data);
        if (!m || m.from === this.tabId || !this.running) return;
        switch (m.t) {
            case 'app':
                for (const listener of [...this.messageListeners]) listener(m.data, m.from);
                return;
            case 'who':
                if (this.leader) this.send({ t: 'hb', from: this.tabId });
                return;
            case 'hb':
                this.onHeartbeat(m.from);
                return;
            case 'claim':
                if (this.leader) this.send({ t: 'hb', from: this.tabId });
                else if (this.claiming && m.from < this.tabId) this.betterClaimSeen = true;
                return;
            case 'resign':
                if (!this.options.locks && !this.leader) this.claim();
                break;
            // Stryker disable next-line ConditionalExpression: readWire admits only the five types above.
            default:
                break;
        }
    }

    private onHeartbeat(from: string): void {
        if (this.options.locks) {
            if (!this.leader) this.setRole(false);
            return;
        }
        if (this.leader) {
            // Two leaders after a partition: the lower id keeps the role.
            if (from < this.tabId) this.stepDown();
            return;
        }
        if (this.claiming) this.betterClaimSeen = true;
        this.setRole(false);
        this.armLease(this.leaseMs);
    }

    private armLease(ms: number): void {
        this.cancelLease?.();
        this.cancelLease = this.clock.schedule(ms, () => {
            this.cancelLease = null;
            if (this.running && !this.leader) this.claim();
        });
    }

    private claim(): void {
        if (this.claiming || !this.running) return;
        this.claiming = true;
        this.betterClaimSeen = false;
        this.send({ t: 'claim', from: this.tabId });
        this.cancelClaim = this.clock.schedule(this.claimMs, () => {
            this.cancelClaim = null;
            this.claiming = false;
            if (!this.running) return;
            if (this.betterClaimSeen) {
                this.setRole(false);
                this.armLease(this.leaseMs);
            } else {
                this.becomeHeartbeatLeader();
            }
        });
    }

    private becomeHeartbeatLeader(): void {
        this.setRole(true);
        const beat = (): void => {
            if (!this.running || !this.leader) return;
            this.send({ t: 'hb', from: this.tabId });
            this.cancelHeartbeat = this.clock.schedule(this.heartbeatMs, beat);
        };
        beat();
    }

    private stepDown(): void {
        this.cancelHeartbeat?.();
        this.cancelHeartbeat = null;
        this.setRole(false);
        this.armLease(this.leaseMs);
    }

    private setRole(leader: boolean): void {
        const first = this.decided;
        this.decided = null;
        const changed = this.leader !== leader;
        this.leader = leader;
        if (leader && this.options.locks) {
            this.cancelLease?.();
            const beat = (): void => {
                if (!this.running || !this.leader) return;
                this.send({ t: 'hb', from: this.tabId });
                this.cancelHeartbeat = this.clock.schedule(this.heartbeatMs, beat);
            };
            beat();
        }
        // The first decision answers start(); only later changes are news to listeners.
        if (first) first(leader);
        else if (changed) this.notify(leader);
    }

    private notify(leader: boolean): void {
        for (const listener of [...this.changeListeners]) listener(leader);
    }

    private cancelTimers(): void {
        this.cancelHeartbeat?.();
        this.cancelLease?.();
        this.cancelClaim?.();
        this.cancelHeartbeat = this.cancelLease = this.cancelClaim = null;
        this.claiming = false;
    }
}

/** The browser's election: Web Locks where available, else the heartbeat; null where neither exists. */
export function browserTabLeader(name: string): TabLeader | null {
    if (typeof BroadcastChannel === 'undefined') return null;
    const nav = typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManagerLike });
    // BroadcastChannel's handler is typed with `this`; the election only sets and clears it.
    const channel = new BroadcastChannel(name) as unknown as ChannelLike;
    return new TabLeader({ name, channel, locks: nav?.locks ?? null });
}
