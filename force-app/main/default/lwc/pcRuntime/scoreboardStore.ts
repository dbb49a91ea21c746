/**
 * The browser's sessionStorage as the scoreboard's store (WU-2): per tab, gone when the tab closes, surviving a
 * page refresh, which is the life of a dialer session seen from one tab. Null where there is no sessionStorage
 * (or it is blocked), so the figures then live as long as the page.
 */
import type { ScoreboardStore } from 'c/pcService';

/** The store over `window.sessionStorage`, or null when the page has none. */
export function sessionScoreboardStore(): ScoreboardStore | null {
    let storage: Storage | null = null;
    try {
        storage = typeof window !== 'undefined' ? window.sessionStorage : null;
    } catch {
        // Reading sessionStorage throws where the browser blocks storage for the page.
        storage = null;
    }
    if (!storage) return null;
    const s = storage;
    return {
        read: (key) => s.getItem(key),
        write: (key, value) => s.setItem(key, value)
    };
}
