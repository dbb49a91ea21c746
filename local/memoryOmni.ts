/**
 * Omni-Channel in memory (WU-5): the toolkit the Aura wrapper hands the console in an org, played without one, so
 * the local console and tests try presence in step through the same org adapter (c/pcOmniToolkit). The agent's
 * own choices in Omni-Channel's utility come through `control`, as do the failures a test or the local panel arms.
 * Local-only: it is never part of the deployable bundles.
 */
import type { OmniToolkitBridge } from 'c/pcOmniToolkit';

/** A presence status as the org's ServicePresenceStatus records have it. */
export interface MemoryStatus {
    readonly id: string;
    readonly developerName: string;
    readonly label: string;
}

/** The statuses an org commonly has: the names the shipped mapping uses, and one more for a break. */
export const MEMORY_STATUSES: readonly MemoryStatus[] = Object.freeze([
    Object.freeze({ id: '0N5000000000001AAA', developerName: 'Available', label: 'Available' }),
    Object.freeze({ id: '0N5000000000002AAA', developerName: 'Busy', label: 'Busy' }),
    Object.freeze({ id: '0N5000000000003AAA', developerName: 'Away', label: 'Away' }),
    Object.freeze({ id: '0N5000000000004AAA', developerName: 'Lunch', label: 'Lunch' })
]);

/** What the local panel shows of the in-memory Omni-Channel. */
export interface MemoryOmniView {
    /** The agent's status, or null when logged out of Omni-Channel. */
    readonly status: MemoryStatus | null;
    readonly statuses: readonly MemoryStatus[];
    /** True while the next toolkit call is armed to fail. */
    readonly failNext: boolean;
    /** Status changes made through the toolkit (by the console), counted. */
    readonly toolkitSets: number;
}

type Listener = (name: string, params: unknown) => void;

/** An in-memory Omni-Channel: an OmniToolkitBridge, with `control` for the agent's side and faults. */
export class InMemoryOmniChannel implements OmniToolkitBridge {
    private status: MemoryStatus | null;
    private failArmed = false;
    private holdArmed = false;
    private sets = 0;
    private readonly listeners = new Set<Listener>();
    private readonly watchers = new Set<() => void>();

    constructor(
        private readonly statuses: readonly MemoryStatus[] = MEMORY_STATUSES,
        initial: string | null = null
    ) {
        this.status = statuses.find((s) => s.developerName === initial) ?? null;
    }

    /** The agent's side and the faults. */
    readonly control = {
        view: (): MemoryOmniView => ({
            status: this.status,
            statuses: this.statuses,
            failNext: this.failArmed,
            toolkitSets: this.sets
        }),
        /** The agent picks a status in Omni-Channel's utility (null: logs out of Omni-Channel). */
        agentSets: (developerName: string | null): void => {
            const next = developerName === null ? null : this.statuses.find((s) => s.developerName === developerName);
            if (next === undefined) throw new Error(`unknown presence status ${String(developerName)}`);
            this.change(next, 'OmniManualStatusChange');
        },
        /** The next toolkit call fails. */
        failNext: (): void => {
            this.failArmed = true;
            this.notify();
        },
        /** The next toolkit call never answers (a stalled toolkit). */
        holdNext: (): void => {
            this.holdArmed = true;
        },
        /** Calls watcher whenever the view may have changed; returns the unsubscribe. */
        watch: (watcher: () => void): (() => void) => {
            this.watchers.add(watcher);
            return () => this.watchers.delete(watcher);
        }
    };

    getServicePresenceStatusId(): Promise<unknown> {
        const status = this.status;
        // As the toolkit does: no status while logged out is a refusal.
        if (!status) return Promise.reject(new Error('not logged in to Omni-Channel'));
        return Promise.resolve(this.answer(status));
    }

    setServicePresenceStatus(args: { readonly statusId: string }): Promise<unknown> {
        return this.call(() => {
            const next = this.statuses.find((s) => s.id === args.statusId);
            if (!next) throw new Error('status not allowed for this user');
            this.sets += 1;
            this.change(next, 'OmniToolkitStatusChange');
            return this.answer(next);
        });
    }

    logout(): Promise<unknown> {
        return this.call(() => {
            this.sets += 1;
            this.change(null, 'OmniToolkitStatusChange');
            return true;
        });
    }

    listStatuses(): Promise<unknown> {
        return Promise.resolve(this.statuses.map((s) => ({ ...s })));
    }

    subscribe(listener: Listener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    private call(run: () => unknown): Promise<unknown> {
        if (this.holdArmed) {
            this.holdArmed = false;
            return new Promise<unknown>(() => undefined);
        }
        if (this.failArmed) {
            this.failArmed = false;
            this.notify();
            return Promise.reject(new Error('Omni-Channel refused the change'));
        }
        try {
            return Promise.resolve(run());
        } catch (e) {
            return Promise.reject(e instanceof Error ? e : new Error('refused'));
        }
    }

    private answer(status: MemoryStatus): Readonly<Record<string, string>> {
        return { statusId: status.id, statusName: status.label, statusApiName: status.developerName, channels: '[]' };
    }

    /** Changes the status and tells the listeners after the call returns, as the toolkit's events arrive. */
    private change(next: MemoryStatus | null, reason: string): void {
        this.status = next;
        const event: [string, unknown] = next
            ? ['statusChanged', { ...this.answer(next), reason }]
            : ['logout', { reason: reason === 'OmniToolkitStatusChange' ? '' : 'OmniSupervisorLogout' }];
        void Promise.resolve().then(() => {
            for (const listener of [...this.listeners]) listener(...event);
        });
        this.notify();
    }

    private notify(): void {
        for (const watcher of [...this.watchers]) watcher();
    }
}
