/**
 * The browser's sessionStorage as the scoreboard's store (WU-2): per tab, gone when the tab closes, surviving a
 * page refresh, which is the life of a dialer session seen from one tab. Null where there is no sessionStorage
 * (or it is blocked), so the figures then live as long as the page.
 */
import type { ScoreboardStore } from 'c/pcService';

/**
 * The store over `window.sessionStorage`, or null when the page has none. A write is kept and made one task later:
 * the figures change as a call ends, and a synchronous `setItem` there would hold back the DOM update of that very
 * event (CL-1). Writes within one task coalesce into one per key; a read sees the kept value. A refresh is a later
 * task than any count, so the copy it reads is the last one.
 */
export function sessionScoreboardStore(
    later: (write: () => void) => void = (write) => {
        // One task later, with a function (never a string): the write must leave the event's task, nothing more.
        // eslint-disable-next-line @lwc/lwc/no-async-operation, @locker/locker/distorted-window-set-timeout
        setTimeout(write, 0);
    }
): ScoreboardStore | null {
    let storage: Storage | null = null;
    try {
        storage = typeof window !== 'undefined' ? window.sessionStorage : null;
    } catch {
        // Reading sessionStorage throws where the browser blocks storage for the page.
        storage = null;
    }
    if (!storage) return null;
    const s = storage;
    const kept = new Map<string, string>();
    const writeKept = (): void => {
        kept.forEach((value, key) => {
            try {
                s.setItem(key, value);
            } catch {
                // A full or blocked storage loses only the refresh copy; the live figures stay right.
            }
        });
        kept.clear();
    };
    return {
        read: (key) => kept.get(key) ?? s.getItem(key),
        write: (key, value) => {
            if (kept.size === 0) later(writeKept);
            kept.set(key, value);
        }
    };
}
