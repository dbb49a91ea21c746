/**
 * The page's one-second tick for the time counters (UB-4), and a way to bring them up to date between ticks.
 * One interval for every counter on the page: each counter registers a callback while it is connected; the
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

/**
 * Brings every counter up to its clock now, between ticks: the console calls it with each snapshot (a simulated
 * clock jumps with them), so it need not hand the cards a new time, which would render them again.
 */
export function tickNow(): void {
    listeners.forEach((l) => l());
}

/** How many counters are ticking (for tests of the shared interval). */
export function tickingCount(): number {
    return listeners.size;
}
