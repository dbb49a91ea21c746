/**
 * The service's holder of the session scoreboard (WU-2): applies the pure reducer, and keeps the figures in the
 * given store under the dialer session's key after each change, so a page refresh within the session rebuilds
 * them. Only counts are stored. No Apex is called: the figures come from what the service already sees.
 */
import type { Call, Instant, Outcome, Scoreboard } from 'c/pcModel';
import {
    EMPTY_SCOREBOARD,
    countCallback,
    countEndedCall,
    countWrapUp,
    parseScoreboard,
    recountMachine,
    scoreboardKey,
    serializeScoreboard
} from './scoreboard';
import type { ScoreboardStore } from './scoreboard';

/** The figures of the current dialer session and where they are kept. */
export class SessionScore {
    board: Scoreboard = EMPTY_SCOREBOARD;
    private key: string | null = null;

    constructor(private readonly store: ScoreboardStore | null) {}

    /** Joins a dialer session: its stored figures when the page was refreshed within it, else a fresh board. */
    join(sessionId: string): Scoreboard {
        const key = scoreboardKey(sessionId);
        if (key === this.key) return this.board;
        this.key = key;
        let stored: string | null = null;
        try {
            stored = this.store?.read(key) ?? null;
        } catch {
            // Storage refused (private mode, quota): the figures start again rather than break the console.
        }
        this.board = parseScoreboard(stored) ?? EMPTY_SCOREBOARD;
        return this.board;
    }

    ended(call: Call, now: Instant): Scoreboard {
        return this.set(countEndedCall(this.board, call, now));
    }

    outcome(before: Outcome | null, after: Outcome | null): Scoreboard {
        return this.set(recountMachine(this.board, before, after));
    }

    wrapUp(ms: number): Scoreboard {
        return this.set(countWrapUp(this.board, ms));
    }

    callback(): Scoreboard {
        return this.set(countCallback(this.board));
    }

    private set(board: Scoreboard): Scoreboard {
        if (board === this.board) return board;
        this.board = board;
        if (this.key && this.store) {
            try {
                this.store.write(this.key, serializeScoreboard(board));
            } catch {
                // A full or blocked storage loses only the refresh copy; the live figures stay right.
            }
        }
        return board;
    }
}
