/**
 * The shapes the CXone fake's parts share: a raw event, what a command answers, what the fake counts and how it
 * may depart from the defaults.
 */

/** A CXone event or request body as JSON, before anyone validated it. */
export type Raw = Record<string, unknown>;

/** What the dialer answers a command with: an HTTP status and, maybe, a JSON body. */
export interface Answer {
    status: number;
    body?: unknown;
}

/**
 * Where the notes describe CXone differently from what an adapter may assume, the fake can behave as
 * the notes say: a session start refused without a station, a join that replays nothing, and a skill row
 * without `outboundStrategy`.
 */
export interface FakeBehaviour {
    /** Session start answers 400 unless the body names a station id or a station phone number. */
    requireStation: boolean;
    /** A join queues the current agent state and live contacts (false: nothing is replayed). */
    replayOnJoin: boolean;
    /** Skill rows carry `outboundStrategy` (false: every row's is null; the inbound row says only `isOutbound`). */
    outboundStrategy: boolean;
}

/** What the fake counts, for the fault suite and the bench. */
export interface FakeMetrics {
    /** Most get-next-event requests open at once. */
    maxConcurrentPolls: number;
    concurrentPolls: number;
    polls: number;
    /** Real-time stamps (ms) at which polls arrived. */
    pollArrivals: number[];
    /** Every command (method, path without session, body) in arrival order. */
    commands: string[];
    /** Commands received more than once with the same path and body. */
    duplicateCommands: number;
    /** Requests that used a session id after it rotated away. */
    staleSessionRequests: number;
    tokensIssued: number;
    unauthorized: number;
    sessionStarts: number;
    sessionJoins: number;
}

/** A fresh set of counters, all at zero. */
export function newMetrics(): FakeMetrics {
    return {
        maxConcurrentPolls: 0,
        concurrentPolls: 0,
        polls: 0,
        pollArrivals: [],
        commands: [],
        duplicateCommands: 0,
        staleSessionRequests: 0,
        tokensIssued: 0,
        unauthorized: 0,
        sessionStarts: 0,
        sessionJoins: 0
    };
}

/** A session start or join as the adapter sent it. */
export interface SessionRequest {
    kind: 'start' | 'join';
    body: Record<string, unknown>;
}
