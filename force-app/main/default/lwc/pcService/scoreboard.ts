/**
 * The session scoreboard (WU-2) as a pure reducer: each function takes the figures and one thing the service saw
 * and returns new figures. Kept apart from the service so it is tested without a dialer, and so the figures a
 * page refresh restores go through the same checks as anything else from storage (untrusted).
 */
import type { Call, Instant, Scoreboard } from 'c/pcModel';

/** A session with nothing counted yet. */
export const EMPTY_SCOREBOARD: Scoreboard = Object.freeze({
    callsHandled: 0,
    liveConnects: 0,
    talkMs: 0,
    wrapUps: 0,
    wrapUpMs: 0,
    callbacksBooked: 0,
    answeringMachines: 0
});

/** Outcomes that mean an answering machine took the call: closed as one, or with the recorded message left. */
function isMachine(outcome: Call['outcome']): boolean {
    return outcome === 'AnsweringMachine' || outcome === 'VoicemailLeft';
}

const KEYS: readonly (keyof Scoreboard)[] = Object.keys(EMPTY_SCOREBOARD) as (keyof Scoreboard)[];

/** A call reached Ended on one of the agent's lines. */
export function countEndedCall(board: Scoreboard, call: Call, now: Instant): Scoreboard {
    const answered = call.answeredAt !== null;
    const endedAt = call.endedAt ?? now;
    return Object.freeze({
        ...board,
        callsHandled: board.callsHandled + 1,
        liveConnects: board.liveConnects + (answered ? 1 : 0),
        talkMs: board.talkMs + (call.answeredAt !== null ? Math.max(0, endedAt - call.answeredAt) : 0),
        answeringMachines: board.answeringMachines + (isMachine(call.outcome) ? 1 : 0)
    });
}

/** A late outcome of an ended call turned it into an answering machine (or away from one). */
export function recountMachine(board: Scoreboard, before: Call['outcome'], after: Call['outcome']): Scoreboard {
    const was = isMachine(before) ? 1 : 0;
    const is = isMachine(after) ? 1 : 0;
    if (was === is) return board;
    return Object.freeze({ ...board, answeringMachines: Math.max(0, board.answeringMachines + is - was) });
}

/** A wrap-up was saved `ms` after its call ended. */
export function countWrapUp(board: Scoreboard, ms: number): Scoreboard {
    return Object.freeze({ ...board, wrapUps: board.wrapUps + 1, wrapUpMs: board.wrapUpMs + Math.max(0, ms) });
}

/** The agent booked a callback. */
export function countCallback(board: Scoreboard): Scoreboard {
    return Object.freeze({ ...board, callbacksBooked: board.callbacksBooked + 1 });
}

/** The figures as stored for a page refresh: counts only, never a name or number. */
export function serializeScoreboard(board: Scoreboard): string {
    return JSON.stringify(KEYS.map((k) => board[k]));
}

/** Figures read back from storage, or null when they are not exactly what serializeScoreboard wrote. */
export function parseScoreboard(text: string | null): Scoreboard | null {
    if (!text || text.length > 500) return null;
    let values: unknown;
    try {
        values = JSON.parse(text);
    } catch {
        return null;
    }
    if (!Array.isArray(values) || values.length !== KEYS.length) return null;
    const board: Record<string, number> = {};
    for (const [i, key] of KEYS.entries()) {
        const v: unknown = values[i];
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return null;
        board[key] = v;
    }
    const parsed = board as unknown as Scoreboard;
    if (parsed.liveConnects > parsed.callsHandled || parsed.answeringMachines > parsed.callsHandled) return null;
    return Object.freeze(parsed);
}

/** Where the figures survive a page refresh within the dialer session (sessionStorage in a browser). */
export interface ScoreboardStore {
    read(key: string): string | null;
    write(key: string, value: string): void;
}

/** The storage key of a dialer session's figures. */
export function scoreboardKey(sessionId: string): string {
    return `pc-scoreboard:${sessionId}`;
}
