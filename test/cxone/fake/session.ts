/**
 * The CXone fake's agent session: starting and joining it, its id (rotated, retired, parked over a restart),
 * the queue of events the dialer emits, and the long poll (get-next-event) that drains it, with the faults
 * that bite on the poll.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeDialer } from './dialer';
import type { FaultSwitches } from './faults';
import type { Replies } from './http';
import { b64url } from './oauth';
import type { FakeBehaviour, FakeMetrics, Raw, SessionRequest } from './types';

interface OpenSession {
    id: string;
    queue: Raw[];
    waiting: { res: ServerResponse; timer: NodeJS.Timeout } | null;
}

/** What the session works with: the dialer, the switches, the way to answer, and what it records. */
export interface SessionParts {
    readonly dialer: FakeDialer;
    readonly faults: FaultSwitches;
    readonly replies: Replies;
    readonly metrics: FakeMetrics;
    readonly behaviour: FakeBehaviour;
    readonly requests: SessionRequest[];
}

function newSessionId(): string {
    return `s-${b64url(randomBytes(6))}`;
}

/** The one agent session the fake keeps, and its event channel. */
export class FakeSession {
    /** Commands carried out in this session (path and body), to count duplicates. */
    readonly seenCommands = new Set<string>();
    private session: OpenSession | null = null;
    private readonly retiredSessionIds = new Set<string>();
    /** True while a restarted session waits for a join (old ids answer 409). */
    private parked = false;

    /** A session channel over these parts. */
    constructor(private readonly parts: SessionParts) {}

    /** The current session id, if the agent has one. */
    currentId(): string | null {
        return this.session?.id ?? null;
    }

    /** Whether the agent has a session. */
    isOpen(): boolean {
        return this.session !== null;
    }

    /** Whether the client took every queued event: the queue is empty, a poll is parked, no answer is on its way. */
    settled(): boolean {
        const session = this.session;
        if (!session) return true;
        return session.queue.length === 0 && session.waiting !== null && this.parts.replies.inFlight === 0;
    }

    /** Queues an event; a parked poll is answered on the next tick, so events queued together go out together. */
    enqueue(event: Raw): void {
        const session = this.session;
        if (!session) return;
        session.queue.push(event);
        if (this.parts.faults.duplicates(event)) session.queue.push({ ...event });
        if (session.waiting) {
            const { res, timer } = session.waiting;
            clearTimeout(timer);
            session.waiting = null;
            setImmediate(() => {
                if (res.writableEnded || res.destroyed) return;
                if (session !== this.session) return this.parts.replies.send(res, 409, {});
                this.answerPoll(session, res);
            });
        }
    }

    /** The session a request names, or a 409 (counting a rotated-away id) when it is not the current one. */
    resolve(id: string, res: ServerResponse): OpenSession | null {
        if (this.session && this.session.id === id && !this.parked) return this.session;
        if (this.retiredSessionIds.has(id)) this.parts.metrics.staleSessionRequests += 1;
        this.parts.replies.send(res, 409, { error: 'session ended' });
        return null;
    }

    /** get-next-event: answered with what is queued, else parked until an event or the timeout (304). */
    poll(id: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
        const session = this.resolve(id, res);
        if (!session) return;
        const { metrics, replies } = this.parts;
        metrics.polls += 1;
        metrics.pollArrivals.push(Date.now());
        metrics.concurrentPolls += 1;
        metrics.maxConcurrentPolls = Math.max(metrics.maxConcurrentPolls, metrics.concurrentPolls);
        let open = true;
        const closed = (): void => {
            if (!open) return;
            open = false;
            metrics.concurrentPolls -= 1;
            if (session.waiting?.res === res) {
                clearTimeout(session.waiting.timer);
                session.waiting = null;
            }
        };
        res.on('close', closed);
        const bite = this.parts.faults.biteOfPoll();
        if (bite === 'drop') {
            req.socket.destroy();
            return;
        }
        if (bite === 'answerNow')
            return session.queue.length > 0 ? this.answerPoll(session, res) : replies.send(res, 304);
        if (bite === 'serverError') return replies.send(res, 503, { error: 'unavailable' });
        if (bite === 'hang') return;
        if (session.waiting) {
            // A second concurrent poll: CXone would answer the older one; so does the fake.
            const older = session.waiting;
            clearTimeout(older.timer);
            session.waiting = null;
            replies.send(older.res, 304);
        }
        if (session.queue.length > 0 || this.parts.faults.answerPending()) return this.answerPoll(session, res);
        const timeoutSec = Math.max(0, Number(url.searchParams.get('timeout') ?? '60'));
        const timer = setTimeout(() => {
            if (session.waiting?.res === res) session.waiting = null;
            replies.send(res, 304);
        }, timeoutSec * 1000);
        session.waiting = { res, timer };
    }

    /** POST agent-sessions: a new session, told who the agent is, its state and its live contacts. */
    start(json: Raw, res: ServerResponse): void {
        const { behaviour, metrics, replies } = this.parts;
        this.parts.requests.push({ kind: 'start', body: json });
        if (this.session && !this.parked) return replies.send(res, 409, { error: 'agent already has a session' });
        if (behaviour.requireStation && !json.stationId && !json.stationPhoneNumber) {
            return replies.send(res, 400, { error: 'a station id or station phone number is required' });
        }
        metrics.sessionStarts += 1;
        this.session = { id: newSessionId(), queue: [], waiting: null };
        this.parked = false;
        // Duplicates are counted within a session: a new session may rightly log in again.
        this.seenCommands.clear();
        this.snapshot();
        replies.send(res, 200, { sessionId: this.session.id });
    }

    /** POST agent-sessions/join: the client joins the session (and takes over its event channel). */
    join(json: Raw, res: ServerResponse): void {
        const { behaviour, metrics, replies, dialer } = this.parts;
        this.parts.requests.push({ kind: 'join', body: json });
        if (!this.session) return replies.send(res, 404, { error: 'no session to join' });
        metrics.sessionJoins += 1;
        // A join is a new client: a poll still parked for the old one is answered empty, so what the join
        // queues goes to the client that joined (the old one may be gone without the server knowing yet).
        if (this.session.waiting) {
            const { res: older, timer } = this.session.waiting;
            clearTimeout(timer);
            this.session.waiting = null;
            replies.send(older, 304);
        }
        // A second client joining an unparked session gets the same id, which CXone keeps valid for both.
        this.parked = false;
        if (behaviour.replayOnJoin) this.snapshot();
        else
            this.enqueue({
                Type: 'AgentSessionStart',
                AgentId: dialer.agentId,
                SessionId: this.session.id,
                TeamId: dialer.teamId
            });
        replies.send(res, 200, { sessionId: this.session.id });
    }

    /** The session ends: a parked poll gets 409 and the dialer logs the agent out. */
    end(): void {
        const session = this.session;
        if (!session) return;
        if (session.waiting) {
            clearTimeout(session.waiting.timer);
            this.parts.replies.send(session.waiting.res, 409, { error: 'session ended' });
        }
        this.session = null;
        this.parts.dialer.endSession();
    }

    /** After a restart the dialer knows the agent but not the old session id: old ids get 409, a join works. */
    park(): void {
        if (!this.session) return;
        this.retiredSessionIds.delete(this.session.id);
        this.session = { id: newSessionId(), queue: [], waiting: null };
        this.parked = true;
    }

    /** Forgets the parked poll without answering it (the server is going away). */
    forgetOpenPoll(): void {
        if (!this.session?.waiting) return;
        clearTimeout(this.session.waiting.timer);
        this.session.waiting = null;
    }

    /** Answers the parked poll now with what is queued. */
    answerOpenPoll(): void {
        const session = this.session;
        if (!session?.waiting) return;
        const { res, timer } = session.waiting;
        clearTimeout(timer);
        session.waiting = null;
        this.answerPoll(session, res);
    }

    /** Drops the parked poll's connection; says whether one was parked. */
    dropOpenPoll(): boolean {
        const waiting = this.takeOpenPoll();
        waiting?.res.socket?.destroy();
        return waiting !== null;
    }

    /** Answers the parked poll with an error status; says whether one was parked. */
    failOpenPoll(status: number): boolean {
        const waiting = this.takeOpenPoll();
        if (waiting) this.parts.replies.send(waiting.res, status, { error: 'unavailable' });
        return waiting !== null;
    }

    /** Leaves the parked poll unanswered for good (its timer dropped); says whether one was parked. */
    abandonOpenPoll(): boolean {
        return this.takeOpenPoll() !== null;
    }

    private takeOpenPoll(): OpenSession['waiting'] {
        const waiting = this.session?.waiting ?? null;
        if (!waiting) return null;
        clearTimeout(waiting.timer);
        this.session!.waiting = null;
        return waiting;
    }

    /** The first events of a started or joined session: who, the agent's state, the live contacts. */
    private snapshot(): void {
        const { dialer } = this.parts;
        this.enqueue({
            Type: 'AgentSessionStart',
            AgentId: dialer.agentId,
            SessionId: this.session?.id,
            TeamId: dialer.teamId,
            StationId: 'st-1'
        });
        dialer.replayLive();
    }

    private answerPoll(session: OpenSession, res: ServerResponse): void {
        const { faults, replies } = this.parts;
        if (faults.takeMalformed())
            return replies.send(res, 200, undefined, '{"sessionId": "x", "events": [ {"Type": ');
        const events = session.queue.splice(0, session.queue.length);
        if (faults.takeRotation()) {
            this.retiredSessionIds.add(session.id);
            session.id = newSessionId();
        }
        replies.send(res, 200, { sessionId: session.id, events });
    }
}
