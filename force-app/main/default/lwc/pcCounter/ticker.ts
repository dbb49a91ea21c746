/**
 * One interval for every counter on the page (UB-4): each counter registers a callback while it is connected; the
 * interval runs only while at least one is registered. A counter per interval would drift apart second by second.
 */
const TICK_MS = 1000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

/** Calls listener every second until the returned function is called. */
export function onSecond(listener: () => void): () => void {
    listeners.add(listener);
    if (!timer) {
        // A page-wide timer, cleared when the last counter leaves.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        timer = setInterval(() => listeners.forEach((l) => l()), TICK_MS);
    }
    return () => {
        listeners.delete(listener);
        if (!listeners.size && timer) {
            clearInterval(timer);
            timer = null;
        }
    };
}

/** How many counters are ticking (for tests of the shared interval). */
export function tickingCount(): number {
    return listeners.size;
}
