/**
 * Both ends of a Feed (see c/pcModel): the console publishes one slice of its state and a child follows it while it
 * is on the page. Written here rather than taken from a library: this is the whole of it.
 */
import type { Feed, Unsubscribe } from 'c/pcModel';

/** A slice the console publishes: a new value reaches every follower; the same value again reaches none. */
export class SliceFeed<T> implements Feed<T> {
    private readonly listeners = new Set<(value: T) => void>();

    constructor(public value: T) {}

    /** Calls the listener with each new value; returns the unsubscribe. */
    subscribe(listener: (value: T) => void): Unsubscribe {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    /** Makes `value` current and tells the followers, unless it is the value they already have. */
    publish(value: T): void {
        if (value === this.value) return;
        this.value = value;
        this.listeners.forEach((l) => l(value));
    }
}

/**
 * A component's hold on a feed: subscribed only while the component is connected and to the one feed it was last
 * given, so a component that leaves the page stops hearing the console and one that comes back starts from the
 * feed's current value.
 */
export class FeedFollower<T> {
    private source: Feed<T> | undefined;
    private stop: Unsubscribe | null = null;
    private connected = false;

    /** `onValue` hears the feed's current value when following starts, then each new value. */
    constructor(private readonly onValue: (value: T) => void) {}

    /** The feed followed while connected. */
    get feed(): Feed<T> | undefined {
        return this.source;
    }
    set feed(value: Feed<T> | undefined) {
        if (value === this.source) return;
        this.unfollow();
        this.source = value;
        if (this.connected) this.follow();
    }

    /** From the component's connectedCallback. */
    connect(): void {
        this.connected = true;
        this.follow();
    }

    /** From the component's disconnectedCallback. */
    disconnect(): void {
        this.connected = false;
        this.unfollow();
    }

    private follow(): void {
        const feed = this.source;
        if (!feed || this.stop) return;
        this.onValue(feed.value);
        this.stop = feed.subscribe(this.onValue);
    }

    private unfollow(): void {
        this.stop?.();
        this.stop = null;
    }
}
