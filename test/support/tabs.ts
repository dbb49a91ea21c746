/**
 * In-memory stand-ins for what the browser gives the tab election: a BroadcastChannel hub (delivery to
 * the other tabs, asynchronously, as structured data) and a Web Locks manager. (The stepped clock they run on is in
 * ./clocks.)
 */
import type { ChannelLike, LockManagerLike } from 'c/pcTabLeader';

/** One channel name shared by several tabs. */
export class ChannelHub {
    private readonly members = new Set<MemoryChannel>();
    /** Messages posted, for assertions. */
    posted = 0;

    /** A tab's end of the channel. */
    open(): MemoryChannel {
        const channel = new MemoryChannel(this);
        this.members.add(channel);
        return channel;
    }

    /** Delivers to every other open member on a later microtask, like BroadcastChannel. */
    deliver(from: MemoryChannel, message: unknown): void {
        // A closed channel sends nothing, as a closed tab.
        if (!this.members.has(from)) return;
        this.posted += 1;
        const data: unknown = JSON.parse(JSON.stringify(message));
        for (const member of this.members) {
            if (member === from) continue;
            Promise.resolve().then(() => member.onmessage?.({ data }));
        }
    }

    /** Removes a member (its tab is gone). */
    leave(channel: MemoryChannel): void {
        this.members.delete(channel);
    }
}

/** A BroadcastChannel in memory. */
export class MemoryChannel implements ChannelLike {
    onmessage: ((event: { readonly data: unknown }) => void) | null = null;

    constructor(private readonly hub: ChannelHub) {}

    postMessage(message: unknown): void {
        this.hub.deliver(this, message);
    }

    close(): void {
        this.hub.leave(this);
    }
}

/** Web Locks in memory: exclusive locks, `ifAvailable`, released when the holder's callback settles. */
export class MemoryLocks implements LockManagerLike {
    private readonly held = new Set<string>();
    private readonly waiting = new Map<string, (() => void)[]>();

    async request(
        name: string,
        options: { readonly ifAvailable?: boolean },
        callback: (lock: unknown) => Promise<void> | void
    ): Promise<unknown> {
        if (this.held.has(name)) {
            if (options.ifAvailable) return callback(null);
            await new Promise<void>((resolve) => {
                const queue = this.waiting.get(name) ?? [];
                queue.push(resolve);
                this.waiting.set(name, queue);
            });
        }
        this.held.add(name);
        try {
            return await callback({ name });
        } finally {
            this.held.delete(name);
            this.waiting.get(name)?.shift()?.();
        }
    }
}
