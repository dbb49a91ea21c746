/**
 * A local fake of the CXone Agent API for tests: Node `http` on 127.0.0.1 (random port) speaking the
 * endpoints the adapter calls, with a scripted Personal Connection dialer behind them (login, previews,
 * calls moving through NaturalCall statuses, a linked call, callbacks, messages) on a virtual clock, and
 * fault injection. It also implements the ContractDriver, so the shared adapter contract suite can run
 * the CXone adapter against it. Test-only: never shipped.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ContractDriver, ForcedOutcome } from '../contract/harness';

/** The twelve faults the fault suite injects. */
export const FAULTS = [
    'droppedConnection',
    'tokenExpiry',
    'sessionEnd',
    'serverError',
    'timeout',
    'duplicateEvent',
    'outOfOrder',
    'rotatedSession',
    'malformedJson',
    'slowAnswer',
    'serverRestart',
    'flappingNetwork'
] as const;
export type Fault = (typeof FAULTS)[number];

/** Faults injected into one command rather than the poll. */
export const COMMAND_FAULTS = ['drop', 'serverError', 'hang', 'slow'] as const;
export type CommandFault = (typeof COMMAND_FAULTS)[number];

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
    /** Skill rows carry `outboundStrategy` (false: the PC skills' rows leave it out). */
    outboundStrategy: boolean;
}

type Raw = Record<string, unknown>;

interface FakeSkill {
    readonly id: string;
    readonly name: string;
    readonly pc: boolean;
}

interface FakeContact {
    readonly id: string;
    status: string;
    changedAt: number;
    readonly startedAt: number;
    linked: boolean;
    /** True while the contact is an open preview; false once accepted and dialled. */
    preview: boolean;
    readonly callback: boolean;
    readonly consult: boolean;
    readonly skillId: string;
    readonly number: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly recordId: string;
    finalState: boolean;
    disconnectCode: string | null;
    outcome: ForcedOutcome;
    answered: boolean;
    readonly history: Raw[];
}

interface Session {
    id: string;
    queue: Raw[];
    waiting: { res: ServerResponse; timer: NodeJS.Timeout } | null;
}

interface PendingCallback {
    readonly id: string;
    readonly at: number;
    readonly number: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly notes: string;
    readonly skillId: string;
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

const API = /^\/InContactAPI\/services\/v(\d+)\.0\/(.*)$/i;
const TOKEN_PATH = '/public/authentication/v1/token';
const POLL_PATH = /\/get-next-event$/i;
const AUTHORIZE_PATH = '/auth/authorize';

const NAMES: readonly (readonly [string, string])[] = [
    ['Ada', 'Lovelace'],
    ['Grace', 'Hopper'],
    ['Alan', 'Turing'],
    ['Edsger', 'Dijkstra'],
    ['Barbara', 'Liskov'],
    ['Donald', 'Knuth']
];

function b64url(buf: Buffer): string {
    return buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The fake server. Start with `FakeCxoneServer.start()`, stop with `stop()` after each test. */
export class FakeCxoneServer implements ContractDriver {
    readonly agentId = '7001';
    readonly teamId = '42';
    readonly clientId = 'pc-console';
    readonly skills: FakeSkill[] = [
        { id: '501', name: 'PC Collections', pc: true },
        { id: '502', name: 'PC Renewals', pc: true },
        { id: '600', name: 'Inbound Support', pc: false }
    ];
    /** How this fake departs from the defaults (see FakeBehaviour). */
    readonly behaviour: FakeBehaviour = { requireStation: false, replayOnJoin: true, outboundStrategy: true };
    /** Bodies of every session start and join, in order (what the adapter sent). */
    readonly sessionRequests: { kind: 'start' | 'join'; body: Record<string, unknown> }[] = [];
    /** Paths of every GET, in order (which endpoints the adapter reads). */
    readonly requestedPaths: string[] = [];
    /** Commands the dialer carried out, by method and path (without the session) and body. */
    readonly acted: string[] = [];
    readonly metrics: FakeMetrics = {
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
    /** Preview buttons the skill shows (delivery preferences). */
    readonly deliveryPreferences: Record<string, boolean> = {
        showPreviewButtonRequeue: true,
        showPreviewButtonReschedule: true,
        showPreviewButtonSnooze: true,
        showPreviewButtonDisposition: true
    };
    /** Machine overrides the skill allows (CPA management). */
    readonly cpa: Record<string, boolean> = {
        agentOverrideOptionAnsweringMachine: true,
        agentOverrideOptionFax: true,
        agentOverrideOptionBadNumber: true
    };

    private server: Server;
    private port = 0;
    private readonly sockets = new Set<Socket>();
    private readonly validTokens = new Set<string>();
    private readonly refreshTokens = new Set<string>();
    private readonly codes = new Map<string, string>();
    private session: Session | null = null;
    private readonly retiredSessionIds = new Set<string>();
    private readonly contacts = new Map<string, FakeContact>();
    private readonly seenCommands = new Set<string>();
    private timers: { at: number; seq: number; fn: () => void }[] = [];
    private timerSeq = 0;
    private contactSeq = 0;
    private now: number;
    private previewMode = false;
    private lines = 1;
    private nextOutcome: ForcedOutcome | null = null;
    private agentState = 'Unavailable';
    private outReason = '';
    private dialerSkill: FakeSkill | null = null;
    private loggingOut = false;
    private stateAfterCall: { state: string; reason: string } | null = null;
    private callbacks: PendingCallback[] = [];
    private messages: { messageId: string; subject: string; message: string; startDate: string }[] = [];
    private muted = false;
    private down = false;
    private inFlightResponses = 0;

    // Fault switches.
    private failCommands = 0;
    private loseNextAnswer = false;
    private dropPolls = 0;
    private serverErrors = 0;
    private hangPolls = 0;
    /** The type of the next event to deliver twice (`duplicateEvent` fault, `duplicateNextEvent`). */
    private duplicateNext: string | null = null;
    private rotateNext = false;
    private malformedNext = false;
    private slowMs = 0;
    private slowCount = 0;
    private commandFault: { kind: CommandFault; match: RegExp } | null = null;
    // The flap counts requests on each channel apart: one shared count let the order in which a poll and
    // a command happened to reach the server decide which of them was dropped, so a command could be
    // dropped on every retry on a slow machine. Polls run one after another and the agent's commands do
    // too, so each channel's own count drops the same requests on every run.
    /** Polls still to go through the flap; one is dropped when the count it leaves is odd, else let through. */
    private flapPolls = 0;
    /** Commands still to go through the flap, the same way, so each dropped command's retry goes through. */
    private flapCommands = 0;

    private constructor() {
        this.now = Date.now();
        this.server = this.makeServer();
    }

    /** Starts a fake on a random local port. */
    static async start(): Promise<FakeCxoneServer> {
        const fake = new FakeCxoneServer();
        await fake.listen(0);
        return fake;
    }

    /** The ACD API base URI the adapter is given. */
    get baseUri(): string {
        return `http://127.0.0.1:${this.port}`;
    }

    /** The token endpoint (for CxoneOAuth). */
    get tokenEndpoint(): string {
        return `${this.baseUri}${TOKEN_PATH}`;
    }

    /** The authorize endpoint (for CxoneOAuth). */
    get authorizeEndpoint(): string {
        return `${this.baseUri}${AUTHORIZE_PATH}`;
    }

    /** Stops the server, closing every connection. */
    async stop(): Promise<void> {
        this.timers = [];
        if (this.session?.waiting) clearTimeout(this.session.waiting.timer);
        for (const socket of this.sockets) socket.destroy();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    /** Issues an access token directly (tests that do not exercise the OAuth flow). */
    issueToken(): { access: string; refresh: string } {
        const access = b64url(randomBytes(12));
        const refresh = b64url(randomBytes(12));
        this.validTokens.add(access);
        this.refreshTokens.add(refresh);
        this.metrics.tokensIssued += 1;
        return { access, refresh };
    }

    // -----------------------------------------------------------------------------------------
    // ContractDriver
    // -----------------------------------------------------------------------------------------

    /** Dialing mode of the skill. */
    async setPreviewMode(on: boolean): Promise<void> {
        this.previewMode = on;
    }

    /** Calls the dialer may place at once. */
    async setLines(lines: number): Promise<void> {
        this.lines = Math.max(1, Math.min(3, Math.floor(lines)));
    }

    /** The outcome of the next dial, or of the current unanswered one. */
    async forceNextOutcome(outcome: ForcedOutcome): Promise<void> {
        const current = [...this.contacts.values()].find(
            (c) => !c.preview && !c.consult && !c.callback && !c.answered && !this.isEnded(c) && c.status !== 'Incoming'
        );
        if (current) current.outcome = outcome;
        else this.nextOutcome = outcome;
    }

    /** Lets virtual dialer time pass, then waits until the adapter has taken the events. */
    async advance(ms: number): Promise<void> {
        const target = this.now + Math.max(0, ms);
        for (let guard = 0; guard < 10_000; guard += 1) {
            this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
            const next = this.timers[0];
            if (!next || next.at > target) break;
            this.timers.shift();
            this.now = Math.max(this.now, next.at);
            next.fn();
        }
        this.now = target;
        await this.settle();
    }

    /**
     * Moves every pending dialer timer by `ms` (later when positive, sooner when negative) without moving the
     * dialer's clock: the local console pauses or speeds up what the dialer does by itself (rings, answers,
     * the next dial) while the times it reports stay the browser's, as a real CXone's would.
     */
    shiftTimers(ms: number): void {
        for (const timer of this.timers) timer.at += ms;
    }

    /** How long until the dialer's next own timer is due (0 when one is due now); null when none is pending. */
    nextTimerIn(): number | null {
        if (this.timers.length === 0) return null;
        return Math.max(0, Math.min(...this.timers.map((t) => t.at)) - this.now);
    }

    /** The next command is carried out but its answer is lost on the way back. */
    loseAnswerOfNextCommand(): void {
        this.loseNextAnswer = true;
    }

    /**
     * The next command whose path matches meets a fault: `drop` (carried out, the answer lost), `serverError`
     * (503, not carried out), `hang` (carried out, never answered), `slow` (carried out, answered late).
     */
    injectCommandFault(kind: CommandFault, match: RegExp): void {
        this.commandFault = { kind, match };
    }

    /** What the dialer recorded as a contact's disconnect code (its outcome), if it ended. */
    recordedOutcome(contactId: string): string | null {
        return this.contacts.get(contactId)?.disconnectCode ?? null;
    }

    /** How many callbacks the dialer scheduled from reschedules. */
    callbacksScheduled = 0;

    /** The next command fails once (500). */
    async failNextCommand(): Promise<void> {
        this.failCommands += 1;
    }

    /**
     * Waits (bounded) until the client took every queued event and applied it: the adapter polls again
     * only after applying a batch, so a poll parked with an empty queue means everything was delivered.
     */
    async settle(limitMs = 2000): Promise<void> {
        const started = Date.now();
        while (Date.now() - started < limitMs) {
            const session = this.session;
            if (!session) return;
            if (session.queue.length === 0 && session.waiting && this.inFlightResponses === 0) return;
            await new Promise((r) => setTimeout(r, 2));
        }
    }

    // -----------------------------------------------------------------------------------------
    // Faults and test hooks
    // -----------------------------------------------------------------------------------------

    /** Injects one fault. */
    async inject(fault: Fault): Promise<void> {
        switch (fault) {
            case 'droppedConnection':
                this.dropPolls = 1;
                this.dropWaitingPoll();
                return;
            case 'tokenExpiry':
                this.validTokens.clear();
                return;
            case 'sessionEnd':
                this.endSession();
                return;
            case 'serverError':
                this.serverErrors = 2;
                this.answerWaiting(503);
                return;
            case 'timeout':
                this.hangPolls = 1;
                this.answerWaitingWithHang();
                return;
            case 'duplicateEvent':
                this.duplicateNext = 'CallContactEvent';
                return;
            case 'outOfOrder':
                this.replayStale();
                return;
            case 'rotatedSession':
                // Rotated on the open poll's answer now, before the agent's next command: rotating on
                // whichever answer came next let a poll timing out meet a command already on its way
                // with the old id, which no client can avoid, on a slow machine.
                this.rotateNext = true;
                this.flushWaiting();
                return;
            case 'malformedJson':
                this.malformedNext = true;
                this.flushWaiting();
                return;
            case 'slowAnswer':
                // The next four commands: a slowed poll would outlive its own deadline (a timeout fault,
                // not a slow answer), and which requests were slowed hung on how polls and commands met.
                this.slowMs = 1200;
                this.slowCount = 4;
                return;
            case 'serverRestart':
                await this.restart(800);
                return;
            case 'flappingNetwork':
                // Down, up for one exchange, down... six times on the event channel, ending up; the
                // first three commands sent after it lose their first attempt. Counted, never timed.
                this.flapPolls = 12;
                this.flapCommands = 6;
                if (this.dropWaitingPoll()) this.flapPolls -= 1;
                return;
        }
    }

    /** The dialer withdraws the open preview (it ends without the agent acting). */
    withdrawPreview(): void {
        const preview = this.openPreview();
        if (preview) this.setStatus(preview, 'Disconnected', { finalState: true });
    }

    /** The next event of this type is delivered twice (a replayed poll answer). */
    duplicateNextEvent(type: string): void {
        this.duplicateNext = type;
    }

    /** Queues a raw event as CXone would send it (tests of validation). */
    pushRaw(event: unknown): void {
        this.enqueue(event as Raw);
    }

    /** The dialer's clock now: the time its events report (the local console keeps it on real time). */
    get clockNow(): number {
        return this.now;
    }

    /** The agent's live contacts, for assertions. */
    liveContactIds(): string[] {
        return [...this.contacts.values()].filter((c) => !c.consult && !this.isEnded(c)).map((c) => c.id);
    }

    /** The current session id, if the agent has one. */
    currentSessionId(): string | null {
        return this.session?.id ?? null;
    }

    /** Adds a message for the agent and tells the client to re-read messages. */
    sendAgentMessage(text: string): void {
        this.messages.push({
            messageId: `m${this.messages.length + 1}`,
            subject: 'Supervisor',
            message: `<b>${text}</b>`,
            startDate: new Date(this.now).toISOString()
        });
        this.enqueue({ Type: 'UpdateMessages' });
    }

    /** Stops listening for `downMs` (connections refused), keeps the dialer's state, invalidates session ids. */
    async restart(downMs: number): Promise<void> {
        this.down = true;
        if (this.session?.waiting) {
            clearTimeout(this.session.waiting.timer);
            this.session.waiting = null;
        }
        for (const socket of this.sockets) socket.destroy();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
        if (this.session) {
            this.retiredSessionIds.delete(this.session.id);
            // A restarted dialer knows the agent but not the old session id: old ids get 409, join works.
            this.session = { id: this.newSessionId(), queue: [], waiting: null };
            this.parked = true;
        }
        await new Promise((r) => setTimeout(r, downMs));
        this.server = this.makeServer();
        await this.listen(this.port);
        this.down = false;
    }

    /** True while a restarted session waits for a join (old ids answer 409). */
    private parked = false;

    // -----------------------------------------------------------------------------------------
    // HTTP
    // -----------------------------------------------------------------------------------------

    private makeServer(): Server {
        const server = createServer((req, res) => {
            // The local console's page is served from another port: a browser needs CORS to call this fake.
            res.setHeader('Access-Control-Allow-Origin', '*');
            if (req.method === 'OPTIONS') {
                res.writeHead(204, {
                    'Access-Control-Allow-Methods': 'GET, POST, DELETE',
                    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
                    'Access-Control-Max-Age': '600'
                });
                res.end();
                return;
            }
            void this.handle(req, res);
        });
        server.on('connection', (socket: Socket) => {
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
        return server;
    }

    private listen(port: number): Promise<void> {
        return new Promise((resolve) => {
            this.server.listen(port, '127.0.0.1', () => {
                const address = this.server.address();
                if (address && typeof address === 'object') this.port = address.port;
                resolve();
            });
        });
    }

    private async readBody(req: IncomingMessage): Promise<string> {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
    }

    private send(res: ServerResponse, status: number, body?: unknown, raw?: string): void {
        if (res.writableEnded || res.destroyed) return;
        const text = raw ?? (body === undefined ? '' : JSON.stringify(body));
        this.inFlightResponses += 1;
        const finish = (): void => {
            this.inFlightResponses -= 1;
        };
        res.once('finish', finish);
        res.once('close', () => {
            if (!res.writableFinished) finish();
        });
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(text);
    }

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const body = await this.readBody(req);
        const isPoll = POLL_PATH.test(url.pathname);
        // The token endpoint never flaps: the sign-in's refresh is not what this fault is about.
        if (this.flapCommands > 0 && !isPoll && url.pathname !== TOKEN_PATH) {
            this.flapCommands -= 1;
            if (this.flapCommands % 2 === 1) {
                // Dropped before the dialer sees it, so the agent's retry is no duplicate.
                req.socket.destroy();
                return;
            }
        }
        if (url.pathname === AUTHORIZE_PATH) return this.authorize(url, res);
        if (url.pathname === TOKEN_PATH) return this.token(body, res);
        const auth = req.headers.authorization ?? '';
        const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
        if (!this.validTokens.has(token)) {
            this.metrics.unauthorized += 1;
            return this.send(res, 401, { error: 'invalid_token' });
        }
        const match = API.exec(url.pathname);
        if (!match) return this.send(res, 404, { error: 'not found' });
        const version = Number(match[1]);
        const path = match[2];
        let json: Raw = {};
        if (body.trim()) {
            try {
                json = JSON.parse(body) as Raw;
            } catch {
                return this.send(res, 400, { error: 'bad json' });
            }
        }
        if (this.slowCount > 0 && !isPoll) {
            this.slowCount -= 1;
            await new Promise((r) => setTimeout(r, this.slowMs));
        }
        if (req.method === 'GET') return this.get(version, path!, url, req, res);
        if (req.method === 'POST') return this.post(path!, json, res);
        if (req.method === 'DELETE' && /^agent-sessions\/[^/]+$/i.test(path!)) return this.send(res, 202, {});
        return this.send(res, 405, {});
    }

    private authorize(url: URL, res: ServerResponse): void {
        const challenge = url.searchParams.get('code_challenge') ?? '';
        if (url.searchParams.get('code_challenge_method') !== 'S256' || !challenge) {
            return this.send(res, 400, { error: 'pkce required' });
        }
        const code = b64url(randomBytes(9));
        this.codes.set(code, challenge);
        const redirect = new URL(url.searchParams.get('redirect_uri') ?? 'http://127.0.0.1/cb');
        redirect.searchParams.set('code', code);
        redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
        res.writeHead(302, { Location: redirect.toString() });
        res.end();
    }

    private token(body: string, res: ServerResponse): void {
        const form = new URLSearchParams(body);
        const grant = form.get('grant_type');
        if (grant === 'authorization_code') {
            const challenge = this.codes.get(form.get('code') ?? '');
            const verifier = form.get('code_verifier') ?? '';
            const computed = b64url(createHash('sha256').update(verifier).digest());
            if (!challenge || computed !== challenge) return this.send(res, 400, { error: 'invalid_grant' });
            this.codes.delete(form.get('code') ?? '');
        } else if (grant === 'refresh_token') {
            if (!this.refreshTokens.has(form.get('refresh_token') ?? '')) {
                return this.send(res, 400, { error: 'invalid_grant' });
            }
        } else {
            return this.send(res, 400, { error: 'unsupported_grant_type' });
        }
        const issued = this.issueToken();
        this.send(res, 200, {
            access_token: issued.access,
            refresh_token: issued.refresh,
            token_type: 'Bearer',
            expires_in: 3600
        });
    }

    private sessionFor(id: string, res: ServerResponse): Session | null {
        if (this.session && this.session.id === id && !this.parked) return this.session;
        if (this.retiredSessionIds.has(id)) this.metrics.staleSessionRequests += 1;
        this.send(res, 409, { error: 'session ended' });
        return null;
    }

    private get(version: number, path: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
        this.requestedPaths.push(path);
        const poll = /^agent-sessions\/([^/]+)\/get-next-event$/i.exec(path);
        if (poll) return this.poll(decodeURIComponent(poll[1]!), url, req, res);
        let m: RegExpExecArray | null;
        if ((m = /^agents\/([^/]+)\/skills$/i.exec(path))) {
            return this.send(res, 200, {
                resultSet: {
                    agentSkillAssignments: this.skills.map((s) => ({
                        skillId: Number(s.id),
                        skillName: s.name,
                        isSkillActive: true,
                        mediaTypeId: 4,
                        ...(this.behaviour.outboundStrategy || !s.pc
                            ? { outboundStrategy: s.pc ? 'Personal Connection' : 'Manual' }
                            : {})
                    }))
                }
            });
        }
        if ((m = /^skills\/([^/]+)\/parameters\/delivery-preferences$/i.exec(path))) {
            return this.send(res, 200, { deliveryPreferences: { ...this.deliveryPreferences, version } });
        }
        if ((m = /^skills\/([^/]+)\/parameters\/cpa-management$/i.exec(path))) {
            return this.send(res, 200, { cpaManagement: { ...this.cpa, ansMachineOverrideSeconds: 4 } });
        }
        if ((m = /^skills\/([^/]+)\/dispositions$/i.exec(path))) {
            return this.send(res, 200, {
                dispositions: [
                    { dispositionId: 1, dispositionName: 'Sale', systemOutcome: null, requireNotes: false },
                    { dispositionId: 2, dispositionName: 'Refused', systemOutcome: 102, requireNotes: true },
                    { dispositionId: 3, dispositionName: 'Do not call', systemOutcome: 106, requireNotes: false }
                ]
            });
        }
        if ((m = /^agents\/([^/]+)\/messages$/i.exec(path))) return this.send(res, 200, { messages: this.messages });
        if ((m = /^agents\/([^/]+)$/i.exec(path))) {
            return this.send(res, 200, { agents: [{ agentId: Number(this.agentId), teamId: Number(this.teamId) }] });
        }
        if ((m = /^teams\/([^/]+)\/unavailable-codes$/i.exec(path))) {
            return this.send(res, 200, {
                unavailableCodes: [
                    { outStateId: 11, outStateDescription: 'Break', isActive: true },
                    { outStateId: 12, outStateDescription: 'Lunch', isActive: true },
                    { outStateId: 13, outStateDescription: 'Retired', isActive: false }
                ]
            });
        }
        void m;
        this.send(res, 404, { error: 'not found' });
    }

    private poll(id: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
        const session = this.sessionFor(id, res);
        if (!session) return;
        this.metrics.polls += 1;
        this.metrics.pollArrivals.push(Date.now());
        this.metrics.concurrentPolls += 1;
        this.metrics.maxConcurrentPolls = Math.max(this.metrics.maxConcurrentPolls, this.metrics.concurrentPolls);
        let open = true;
        const closed = (): void => {
            if (!open) return;
            open = false;
            this.metrics.concurrentPolls -= 1;
            if (session.waiting?.res === res) {
                clearTimeout(session.waiting.timer);
                session.waiting = null;
            }
        };
        res.on('close', closed);
        if (this.dropPolls > 0) {
            this.dropPolls -= 1;
            req.socket.destroy();
            return;
        }
        if (this.flapPolls > 0) {
            this.flapPolls -= 1;
            if (this.flapPolls % 2 === 1) {
                req.socket.destroy();
                return;
            }
            // Up for one exchange: answered at once, since a poll parked for its timeout made the flap
            // last seconds of real time that a loaded machine stretched past the agent's waits.
            return session.queue.length > 0 ? this.answerPoll(session, res) : this.send(res, 304);
        }
        if (this.serverErrors > 0) {
            this.serverErrors -= 1;
            return this.send(res, 503, { error: 'unavailable' });
        }
        if (this.hangPolls > 0) {
            // Never answered: the client has to give up on its own.
            this.hangPolls -= 1;
            return;
        }
        if (session.waiting) {
            // A second concurrent poll: CXone would answer the older one; so does the fake.
            const older = session.waiting;
            clearTimeout(older.timer);
            session.waiting = null;
            this.send(older.res, 304);
        }
        if (session.queue.length > 0 || this.malformedNext || this.rotateNext) return this.answerPoll(session, res);
        const timeoutSec = Math.max(0, Number(url.searchParams.get('timeout') ?? '60'));
        const timer = setTimeout(() => {
            if (session.waiting?.res === res) session.waiting = null;
            this.send(res, 304);
        }, timeoutSec * 1000);
        session.waiting = { res, timer };
    }

    private answerPoll(session: Session, res: ServerResponse): void {
        if (this.malformedNext) {
            this.malformedNext = false;
            return this.send(res, 200, undefined, '{"sessionId": "x", "events": [ {"Type": ');
        }
        const events = session.queue.splice(0, session.queue.length);
        if (this.rotateNext) {
            this.rotateNext = false;
            this.retiredSessionIds.add(session.id);
            session.id = this.newSessionId();
        }
        this.send(res, 200, { sessionId: session.id, events });
    }

    private flushWaiting(): void {
        const session = this.session;
        if (!session?.waiting) return;
        const { res, timer } = session.waiting;
        clearTimeout(timer);
        session.waiting = null;
        this.answerPoll(session, res);
    }

    /** Drops the open poll, if one is open; says whether it did. */
    private dropWaitingPoll(): boolean {
        const waiting = this.session?.waiting;
        if (!waiting) return false;
        clearTimeout(waiting.timer);
        this.session!.waiting = null;
        this.dropPolls = Math.max(0, this.dropPolls - 1);
        waiting.res.socket?.destroy();
        return true;
    }

    private answerWaiting(status: number): void {
        const waiting = this.session?.waiting;
        if (!waiting) return;
        clearTimeout(waiting.timer);
        this.session!.waiting = null;
        this.serverErrors = Math.max(0, this.serverErrors - 1);
        this.send(waiting.res, status, { error: 'unavailable' });
    }

    private answerWaitingWithHang(): void {
        // The open poll is left unanswered for good (its timer dropped): the client must time it out.
        const waiting = this.session?.waiting;
        if (!waiting) return;
        clearTimeout(waiting.timer);
        this.session!.waiting = null;
        this.hangPolls = Math.max(0, this.hangPolls - 1);
    }

    private newSessionId(): string {
        return `s-${b64url(randomBytes(6))}`;
    }

    private commandAllowed(res: ServerResponse): boolean {
        if (this.failCommands > 0) {
            this.failCommands -= 1;
            this.send(res, 500, { error: 'dialer error' });
            return false;
        }
        return true;
    }

    private post(path: string, json: Raw, res: ServerResponse): void {
        if (/^agent-sessions\/?$/i.test(path)) return this.startSession(json, res);
        if (/^agent-sessions\/join$/i.test(path)) return this.joinSession(json, res);
        const m = /^agent-sessions\/([^/]+)\/(.+)$/i.exec(path);
        if (!m) return this.send(res, 404, { error: 'not found' });
        const session = this.sessionFor(decodeURIComponent(m[1]!), res);
        if (!session) return;
        const rest = m[2];
        const key = `POST ${rest} ${JSON.stringify(json)}`;
        this.metrics.commands.push(key);
        // Only what the dialer carries out counts: a request refused (500, 503) may rightly be sent again.
        if (!this.commandAllowed(res)) return;
        const fault = this.commandFault && this.commandFault.match.test(rest!) ? this.commandFault.kind : null;
        if (fault) this.commandFault = null;
        if (fault === 'serverError') return this.send(res, 503, { error: 'unavailable' });
        if (this.seenCommands.has(key)) this.metrics.duplicateCommands += 1;
        this.seenCommands.add(key);
        const result = this.command(rest!, json);
        if (result.status >= 200 && result.status < 300) this.acted.push(key);
        if (fault === 'drop') {
            res.socket?.destroy();
            return;
        }
        if (fault === 'hang') return;
        if (fault === 'slow') {
            setTimeout(() => this.send(res, result.status, result.body ?? {}), 1200);
            return;
        }
        if (this.loseNextAnswer) {
            // The dialer acted, but the answer never reaches the client.
            this.loseNextAnswer = false;
            res.socket?.destroy();
            return;
        }
        this.send(res, result.status, result.body ?? {});
    }

    private startSession(json: Raw, res: ServerResponse): void {
        this.sessionRequests.push({ kind: 'start', body: json });
        if (this.session && !this.parked) return this.send(res, 409, { error: 'agent already has a session' });
        if (this.behaviour.requireStation && !json.stationId && !json.stationPhoneNumber) {
            return this.send(res, 400, { error: 'a station id or station phone number is required' });
        }
        this.metrics.sessionStarts += 1;
        this.session = { id: this.newSessionId(), queue: [], waiting: null };
        this.parked = false;
        // Duplicates are counted within a session: a new session may rightly log in again.
        this.seenCommands.clear();
        this.snapshot();
        this.send(res, 200, { sessionId: this.session.id });
    }

    private joinSession(json: Raw, res: ServerResponse): void {
        this.sessionRequests.push({ kind: 'join', body: json });
        if (!this.session) return this.send(res, 404, { error: 'no session to join' });
        this.metrics.sessionJoins += 1;
        // A join is a new client: a poll still parked for the old one is answered empty, so what the join
        // queues goes to the client that joined (the old one may be gone without the server knowing yet).
        if (this.session.waiting) {
            const { res: older, timer } = this.session.waiting;
            clearTimeout(timer);
            this.session.waiting = null;
            this.send(older, 304);
        }
        if (this.parked) {
            this.parked = false;
        } else {
            // A second client joins: the old id stays valid for it in CXone; the fake hands out the same id.
        }
        if (this.behaviour.replayOnJoin) this.snapshot();
        else
            this.enqueue({
                Type: 'AgentSessionStart',
                AgentId: this.agentId,
                SessionId: this.session.id,
                TeamId: this.teamId
            });
        this.send(res, 200, { sessionId: this.session.id });
    }

    private endSession(): void {
        const session = this.session;
        if (!session) return;
        if (session.waiting) {
            clearTimeout(session.waiting.timer);
            this.send(session.waiting.res, 409, { error: 'session ended' });
        }
        this.session = null;
        this.dialerSkill = null;
        this.agentState = 'LoggedOut';
        for (const c of this.contacts.values()) {
            c.status = 'Disconnected';
            c.finalState = true;
        }
        this.timers = [];
    }

    /** The first events of a started or joined session: who, the agent's state, the live contacts. */
    private snapshot(): void {
        this.enqueue({
            Type: 'AgentSessionStart',
            AgentId: this.agentId,
            SessionId: this.session?.id,
            TeamId: this.teamId,
            StationId: 'st-1'
        });
        this.pushAgentState();
        for (const c of this.contacts.values()) if (!c.consult && !this.isEnded(c)) this.enqueue(this.contactEvent(c));
    }

    // -----------------------------------------------------------------------------------------
    // The scripted dialer
    // -----------------------------------------------------------------------------------------

    private enqueue(event: Raw): void {
        const session = this.session;
        if (!session) return;
        session.queue.push(event);
        if (this.duplicateNext !== null && event.Type === this.duplicateNext) {
            this.duplicateNext = null;
            session.queue.push({ ...event });
        }
        if (session.waiting) {
            const { res, timer } = session.waiting;
            clearTimeout(timer);
            session.waiting = null;
            // Answer on the next tick so events queued together go out together.
            setImmediate(() => {
                if (res.writableEnded || res.destroyed) return;
                if (session !== this.session) return this.send(res, 409, {});
                this.answerPoll(session, res);
            });
        }
    }

    private replayStale(): void {
        const latest = [...this.contacts.values()]
            .filter((c) => c.history.length > 1)
            .sort((a, b) => b.changedAt - a.changedAt)[0];
        if (latest) this.enqueue({ ...latest.history[latest.history.length - 2] });
    }

    private at(delay: number, fn: () => void): void {
        this.timerSeq += 1;
        this.timers.push({ at: this.now + delay, seq: this.timerSeq, fn });
    }

    private isEnded(c: FakeContact): boolean {
        return c.status === 'Disconnected';
    }

    private pushAgentState(): void {
        this.enqueue({
            Type: 'AgentState',
            CurrentState: this.agentState,
            CurrentOutReason: this.outReason,
            StartTimeUTC: new Date(this.now).toISOString(),
            IsAcw: false,
            NextStates: []
        });
    }

    private contactEvent(c: FakeContact): Raw {
        return {
            Type: 'CallContactEvent',
            ContactID: c.id,
            MasterID: c.id,
            Status: c.status,
            StartTimeUTC: new Date(c.startedAt).toISOString(),
            LastStateChangeTimeUTC: new Date(c.changedAt).toISOString(),
            CallType: c.consult ? 'Consult' : c.callback ? 'PersonalQueue' : 'NaturalCalling',
            IsInbound: c.callback,
            DNIS: c.callback ? '5550100' : c.number,
            ANI: c.callback ? c.number : '5550100',
            Skill: c.skillId,
            IsLinked: c.linked,
            IsRequireManualAccept: c.preview,
            ComplianceRecord: false,
            FinalState: c.finalState,
            DisconnectCode: c.disconnectCode,
            Timeout: c.preview ? 120 : null,
            ExternalID: c.recordId,
            ScreenPopUrlVariables: {
                FirstName: c.firstName,
                LastName: c.lastName,
                BalanceDue: '120.00',
                Attempts: '2'
            }
        };
    }

    private setStatus(c: FakeContact, status: string, extra: Partial<FakeContact> = {}): void {
        c.status = status;
        // Each change is at least 1 ms after the last one of the same contact: events are strictly ordered.
        c.changedAt = Math.max(this.now, c.changedAt + 1);
        Object.assign(c, extra);
        const event = this.contactEvent(c);
        c.history.push(event);
        this.enqueue(event);
    }

    private newContact(
        kind: { preview?: boolean; callback?: boolean; consult?: boolean },
        number?: string
    ): FakeContact {
        this.contactSeq += 1;
        const [firstName, lastName] = NAMES[this.contactSeq % NAMES.length]!;
        const outcome = this.nextOutcome ?? 'Live';
        if (!kind.preview && !kind.consult && !kind.callback) this.nextOutcome = null;
        const c: FakeContact = {
            id: String(900000 + this.contactSeq),
            status: 'Incoming',
            changedAt: this.now,
            startedAt: this.now,
            linked: false,
            preview: kind.preview === true,
            callback: kind.callback === true,
            consult: kind.consult === true,
            skillId: this.dialerSkill?.id ?? this.skills[0]!.id,
            number: number ?? `+1312555${String(1000 + this.contactSeq).slice(-4)}`,
            firstName,
            lastName,
            recordId: `rec-${this.contactSeq}`,
            finalState: false,
            disconnectCode: null,
            outcome,
            answered: false,
            history: []
        };
        this.contacts.set(c.id, c);
        return c;
    }

    private liveCalls(): FakeContact[] {
        return [...this.contacts.values()].filter((c) => !c.consult && !c.preview && !this.isEnded(c));
    }

    private openPreview(): FakeContact | null {
        return [...this.contacts.values()].find((c) => c.preview && c.status === 'Incoming') ?? null;
    }

    private scheduleDelivery(delay = 500): void {
        this.at(delay, () => this.deliver());
    }

    private deliver(): void {
        if (this.agentState !== 'Dialer' || this.loggingOut || !this.session) return;
        if (this.previewMode) {
            if (this.openPreview() || this.liveCalls().length > 0) return;
            const c = this.newContact({ preview: true });
            this.setStatus(c, 'Incoming');
            return;
        }
        if (this.liveCalls().some((c) => c.answered)) return;
        const live = this.liveCalls();
        for (let i = live.length; i < this.lines; i += 1) {
            const c = this.newContact({});
            c.linked = i === 0;
            this.dial(c);
        }
    }

    private dial(c: FakeContact): void {
        this.setStatus(c, 'NaturalCallDialing', { preview: false });
        this.at(1000, () => {
            if (c.status === 'NaturalCallDialing') this.setStatus(c, 'NaturalCallRinging');
        });
        this.at(3000, () => this.resolveOutcome(c));
    }

    private resolveOutcome(c: FakeContact): void {
        if (this.isEnded(c) || c.answered) return;
        switch (c.outcome) {
            case 'Live': {
                const other = this.liveCalls().find((o) => o !== c && o.answered);
                if (other) {
                    // An extra answer goes to another agent (CL-3).
                    this.setStatus(c, 'Disconnected', { finalState: true, disconnectCode: 'Routed', linked: false });
                    return;
                }
                c.answered = true;
                this.setStatus(c, 'Active', { linked: true });
                for (const o of this.liveCalls()) {
                    if (o !== c && !o.answered) {
                        this.setStatus(o, 'Disconnected', {
                            finalState: true,
                            disconnectCode: 'Routed',
                            linked: false
                        });
                    }
                }
                return;
            }
            case 'AnsweringMachine':
                this.setStatus(c, 'NaturalCallAMD');
                this.at(3000, () => this.finish(c, 'AnsweringMachine'));
                return;
            case 'Fax':
                this.setStatus(c, 'NaturalCallAMD');
                this.at(2000, () => this.finish(c, 'Fax'));
                return;
            case 'BadNumber':
                this.finish(c, 'BadNumber');
                return;
            case 'Busy':
                this.finish(c, 'Busy');
                return;
            case 'NoAnswer':
                this.at(15_000, () => this.finish(c, 'NoAnswer'));
                return;
        }
    }

    private finish(c: FakeContact, code: string): void {
        if (this.isEnded(c)) return;
        this.setStatus(c, 'Disconnected', { finalState: true, disconnectCode: code, linked: false });
        this.afterCall();
    }

    private afterCall(): void {
        if (this.liveCalls().length > 0) return;
        if (this.loggingOut) {
            this.loggingOut = false;
            this.dialerSkill = null;
            this.agentState = this.stateAfterCall?.state ?? 'Unavailable';
            this.outReason = this.stateAfterCall?.reason ?? '';
            this.stateAfterCall = null;
            this.pushAgentState();
            return;
        }
        this.scheduleDelivery();
    }

    private command(rest: string, json: Raw): { status: number; body?: unknown } {
        if (rest === 'dialer-login') {
            const skill = this.skills.find((s) => s.name === json.skillName);
            if (!skill || !skill.pc) return { status: 400, body: { error: 'not a PC skill' } };
            this.dialerSkill = skill;
            this.agentState = 'Dialer';
            this.outReason = '';
            this.loggingOut = false;
            this.pushAgentState();
            this.scheduleDelivery();
            return { status: 202 };
        }
        if (rest === 'dialer-logout') {
            if (this.agentState !== 'Dialer') return { status: 202 };
            const preview = this.openPreview();
            if (preview) this.setStatus(preview, 'Disconnected', { finalState: true });
            if (this.liveCalls().length > 0) {
                this.loggingOut = true;
                return { status: 202 };
            }
            this.dialerSkill = null;
            this.agentState = 'Unavailable';
            this.outReason = '';
            this.pushAgentState();
            return { status: 202 };
        }
        if (rest === 'state') {
            const state = String(json.state ?? '');
            if (state !== 'Available' && state !== 'Unavailable') return { status: 400 };
            if (this.agentState === 'Dialer' && this.loggingOut) {
                // Taken after the call in progress, like the dialer logout before it (AV-4).
                this.stateAfterCall = { state, reason: state === 'Unavailable' ? String(json.reason ?? '') : '' };
                return { status: 202 };
            }
            if (this.agentState === 'Dialer') return { status: 400, body: { error: 'log out of the dialer first' } };
            this.agentState = state;
            this.outReason = state === 'Unavailable' ? String(json.reason ?? '') : '';
            this.pushAgentState();
            return { status: 202 };
        }
        if (rest === 'agent-phone/mute' || rest === 'agent-phone/unmute') {
            this.muted = rest.endsWith('/mute');
            this.enqueue({ Type: 'Mute', IsMuted: this.muted });
            return { status: 202 };
        }
        if (rest === 'dial-phone' && this.agentState === 'Dialer' && this.liveCalls().length === 0) {
            // A manual dial with no call on screen is the agent's own outbound call (click-to-dial), not a consult.
            const c = this.newContact({}, String(json.phoneNumber ?? ''));
            c.linked = true;
            this.dial(c);
            return { status: 202, body: { contactId: c.id } };
        }
        if (rest === 'dial-skill' || rest === 'dial-agent' || rest === 'dial-phone') {
            const consult = this.newContact({ consult: true });
            this.setStatus(consult, 'Dialing');
            this.setStatus(consult, 'Active');
            return { status: 202, body: { contactId: consult.id } };
        }
        if (rest === 'interactions/transfer-calls') {
            const active = this.liveCalls().find((c) => c.answered);
            const consult = [...this.contacts.values()].find((c) => c.consult && !this.isEnded(c));
            if (!active || !consult) return { status: 400, body: { error: 'nothing to transfer' } };
            this.setStatus(consult, 'Disconnected', { finalState: true });
            this.setStatus(active, 'Disconnected', { finalState: true, disconnectCode: 'Transferred' });
            this.afterCall();
            return { status: 202 };
        }
        const m = /^interactions\/([^/]+)\/([a-z-]+)$/i.exec(rest);
        if (!m) return { status: 404 };
        const c = this.contacts.get(decodeURIComponent(m[1]!));
        if (!c) return { status: 404, body: { error: 'no such contact' } };
        return this.contactCommand(c, m[2]!, json);
    }

    private contactCommand(c: FakeContact, action: string, json: Raw): { status: number; body?: unknown } {
        const isOpenPreview = c.preview && c.status === 'Incoming';
        switch (action) {
            case 'accept':
                if (!isOpenPreview) return { status: 400 };
                c.outcome = this.nextOutcome ?? c.outcome;
                this.nextOutcome = null;
                c.linked = true;
                this.dial(c);
                return { status: 202 };
            case 'reject':
            case 'snooze':
                if (!isOpenPreview) return { status: 400 };
                this.setStatus(c, 'Disconnected', { finalState: true });
                this.scheduleDelivery();
                return { status: 202 };
            case 'disposition': {
                if (isOpenPreview) {
                    this.setStatus(c, 'Disconnected', { finalState: true });
                    if (typeof json.primaryCallbackTime === 'string') this.scheduleCallback(c, json);
                    this.scheduleDelivery();
                    return { status: 202, body: { callbackId: `cb-${c.id}` } };
                }
                if (c.status !== 'Disconnected' || c.finalState) return { status: 400 };
                this.setStatus(c, 'Disconnected', { finalState: true });
                this.afterCall();
                return { status: 202 };
            }
            case 'amd-override': {
                const type = Number(json.type);
                if (!['NaturalCallDialing', 'NaturalCallRinging', 'NaturalCallAMD'].includes(c.status)) {
                    return { status: 400, body: { error: 'not overridable' } };
                }
                const code = type === 0 ? 'AnsweringMachine' : type === 1 ? 'Fax' : type === 2 ? 'BadNumber' : null;
                if (!code) return { status: 400 };
                this.finish(c, code);
                return { status: 202 };
            }
            case 'hold':
                if (c.status !== 'Active') return { status: 400 };
                this.setStatus(c, 'Holding');
                return { status: 202 };
            case 'resume':
                if (c.status !== 'Holding') return { status: 400 };
                this.setStatus(c, 'Active');
                return { status: 202 };
            case 'end':
                if (this.isEnded(c)) return { status: 400 };
                if (c.answered) {
                    // After an answered call the agent wraps up: ACW until the disposition is saved.
                    this.setStatus(c, 'Disconnected', { finalState: false, linked: false });
                } else {
                    this.finish(c, 'NoAnswer');
                }
                return { status: 202 };
            default:
                return { status: 404 };
        }
    }

    private scheduleCallback(c: FakeContact, json: Raw): void {
        const at = Date.parse(String(json.primaryCallbackTime));
        if (!Number.isFinite(at)) return;
        const pending: PendingCallback = {
            id: `cb-${c.id}`,
            at,
            number: String(json.primaryCallbackNumber ?? c.number),
            firstName: c.firstName,
            lastName: c.lastName,
            notes: String(json.primaryDispositionNotes ?? ''),
            skillId: c.skillId
        };
        this.callbacks.push(pending);
        this.callbacksScheduled += 1;
        this.at(Math.max(0, at - this.now), () => {
            this.callbacks = this.callbacks.filter((p) => p !== pending);
            this.enqueue({
                Type: 'PromiseKeeper',
                AgentId: this.agentId,
                CallbackId: pending.id,
                CallbackTime: new Date(pending.at).toISOString(),
                DialNumber: pending.number,
                FirstName: pending.firstName,
                LastName: pending.lastName,
                Notes: pending.notes,
                SkillId: pending.skillId,
                TargetType: 'A'
            });
            const call = this.newContact({ callback: true }, pending.number);
            this.setStatus(call, 'Incoming');
            this.at(2000, () => {
                call.answered = true;
                this.setStatus(call, 'Active', { linked: true });
            });
        });
    }
}
