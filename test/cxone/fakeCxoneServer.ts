/**
 * A local fake of the CXone Agent API for tests: Node `http` on 127.0.0.1 (random port) speaking the
 * endpoints the adapter calls, with a scripted Personal Connection dialer behind them (login, previews,
 * calls moving through NaturalCall statuses, a linked call, callbacks, messages) on a virtual clock, and
 * fault injection. It also implements the ContractDriver, so the shared adapter contract suite can run
 * the CXone adapter against it. Test-only: never shipped.
 *
 * This file is the fake's one public face; its parts live in ./fake/: the dialer (dialer.ts, and the rules it
 * answers commands by in dialerCommands.ts), its script (script.ts), the agent session and its poll
 * (session.ts), the HTTP server (http.ts), OAuth (oauth.ts) and the fault switches (faults.ts).
 */
import type { ContractDriver, ForcedOutcome } from '../contract/harness';
import { FakeDialer } from './fake/dialer';
import type { FakeSkill } from './fake/dialer';
import { FaultSwitches } from './fake/faults';
import type { CommandFault, Fault, FaultTarget } from './fake/faults';
import { FakeHttpServer, Replies } from './fake/http';
import type { SentPost } from './fake/http';
import { AUTHORIZE_PATH, FakeOAuth, TOKEN_PATH } from './fake/oauth';
import { FakeSession } from './fake/session';
import { newMetrics } from './fake/types';
import type { FakeBehaviour, FakeMetrics, Raw, SessionRequest } from './fake/types';

export { COMMAND_FAULTS, FAULTS } from './fake/faults';
export type { CommandFault, Fault } from './fake/faults';
export type { FakeBehaviour, FakeMetrics } from './fake/types';

/** The fake server. Start with `FakeCxoneServer.start()`, stop with `stop()` after each test. */
export class FakeCxoneServer implements ContractDriver {
    /** The OAuth client id the fake expects. */
    readonly clientId = 'pc-console';
    /** How this fake departs from the defaults (see FakeBehaviour). */
    readonly behaviour: FakeBehaviour = { requireStation: false, replayOnJoin: true, outboundStrategy: true };
    /** Bodies of every session start and join, in order (what the adapter sent). */
    readonly sessionRequests: SessionRequest[] = [];
    /** Paths of every GET, in order (which endpoints the adapter reads). */
    readonly requestedPaths: string[] = [];
    /** Commands the dialer carried out, by method and path (without the session) and body. */
    readonly acted: string[] = [];
    /** Every POST to the Agent API as it arrived: version, path and body as sent ('' for none). */
    readonly posts: SentPost[] = [];
    /** What the fake counted. */
    readonly metrics: FakeMetrics = newMetrics();

    private readonly dialer: FakeDialer;
    private readonly faults = new FaultSwitches();
    private readonly oauth = new FakeOAuth(this.metrics);
    private readonly session: FakeSession;
    private readonly http: FakeHttpServer;
    private readonly faultTarget: FaultTarget;

    private constructor() {
        const replies = new Replies();
        this.dialer = new FakeDialer(
            (event) => this.session.enqueue(event),
            () => this.session.isOpen()
        );
        const { dialer, faults, metrics, behaviour } = this;
        this.session = new FakeSession({ dialer, faults, replies, metrics, behaviour, requests: this.sessionRequests });
        this.http = new FakeHttpServer({
            dialer,
            session: this.session,
            oauth: this.oauth,
            faults,
            replies,
            metrics,
            behaviour,
            requestedPaths: this.requestedPaths,
            acted: this.acted,
            posts: this.posts
        });
        this.faultTarget = {
            dropOpenPoll: () => this.session.dropOpenPoll(),
            failOpenPoll: (status) => this.session.failOpenPoll(status),
            abandonOpenPoll: () => this.session.abandonOpenPoll(),
            answerOpenPoll: () => this.session.answerOpenPoll(),
            endSession: () => this.session.end(),
            expireAccessTokens: () => this.oauth.expireAccessTokens(),
            replayStale: () => this.dialer.replayStale(),
            restart: (downMs) => this.restart(downMs)
        };
    }

    /** Starts a fake on a random local port. */
    static async start(): Promise<FakeCxoneServer> {
        const fake = new FakeCxoneServer();
        await fake.http.listen(0);
        return fake;
    }

    /** The agent the fake signs in. */
    get agentId(): string {
        return this.dialer.agentId;
    }

    /** The agent's team. */
    get teamId(): string {
        return this.dialer.teamId;
    }

    /** The agent's skills (two Personal Connection skills, one inbound). */
    get skills(): FakeSkill[] {
        return this.dialer.skills;
    }

    /** Preview buttons the skill shows (delivery preferences). */
    get deliveryPreferences(): Record<string, boolean> {
        return this.dialer.deliveryPreferences;
    }

    /** Machine overrides the skill allows (CPA management). */
    get cpa(): Record<string, boolean> {
        return this.dialer.cpa;
    }

    /** The ACD API base URI the adapter is given. */
    get baseUri(): string {
        return this.http.baseUri;
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
        this.dialer.clearTimers();
        this.session.forgetOpenPoll();
        await this.http.close();
    }

    /** Issues an access token directly (tests that do not exercise the OAuth flow). */
    issueToken(): { access: string; refresh: string } {
        return this.oauth.issueToken();
    }

    // ContractDriver

    /** Dialing mode of the skill. */
    async setPreviewMode(on: boolean): Promise<void> {
        this.dialer.previewMode = on;
    }

    /** Calls the dialer may place at once. */
    async setLines(lines: number): Promise<void> {
        this.dialer.lines = Math.max(1, Math.min(3, Math.floor(lines)));
    }

    /** The outcome of the next dial, or of the current unanswered one. */
    async forceNextOutcome(outcome: ForcedOutcome): Promise<void> {
        this.dialer.forceNextOutcome(outcome);
    }

    /** Lets virtual dialer time pass, then waits until the adapter has taken the events. */
    async advance(ms: number): Promise<void> {
        this.dialer.runUntil(this.dialer.now + Math.max(0, ms));
        await this.settle();
    }

    /** The next command fails once (500). */
    async failNextCommand(): Promise<void> {
        this.faults.failCommands += 1;
    }

    /**
     * Moves every pending dialer timer by `ms` (later when positive, sooner when negative) without moving the
     * dialer's clock: the local console pauses or speeds up what the dialer does by itself (rings, answers,
     * the next dial) while the times it reports stay the browser's, as a real CXone's would.
     */
    shiftTimers(ms: number): void {
        this.dialer.shiftTimers(ms);
    }

    /** How long until the dialer's next own timer is due (0 when one is due now); null when none is pending. */
    nextTimerIn(): number | null {
        return this.dialer.nextTimerIn();
    }

    /**
     * Waits (bounded) until the client took every queued event and applied it: the adapter polls again
     * only after applying a batch, so a poll parked with an empty queue means everything was delivered.
     */
    async settle(limitMs = 2000): Promise<void> {
        const started = Date.now();
        while (Date.now() - started < limitMs) {
            if (this.session.settled()) return;
            await new Promise((r) => setTimeout(r, 2));
        }
    }

    // Faults and test hooks

    /** Injects one fault. */
    async inject(fault: Fault): Promise<void> {
        await this.faults.inject(fault, this.faultTarget);
    }

    /** The next command is carried out but its answer is lost on the way back. */
    loseAnswerOfNextCommand(): void {
        this.faults.loseNextAnswer = true;
    }

    /**
     * The next command whose path matches meets a fault: `drop` (carried out, the answer lost), `serverError`
     * (503, not carried out), `hang` (carried out, never answered), `slow` (carried out, answered late).
     */
    injectCommandFault(kind: CommandFault, match: RegExp): void {
        this.faults.commandFault = { kind, match };
    }

    /** The next event of this type is delivered twice (a replayed poll answer). */
    duplicateNextEvent(type: string): void {
        this.faults.duplicateNext = type;
    }

    /** Stops listening for `downMs` (connections refused), keeps the dialer's state, invalidates session ids. */
    async restart(downMs: number): Promise<void> {
        await this.http.restart(downMs);
    }

    /** What the dialer recorded as a contact's disconnect code (its outcome), if it ended. */
    recordedOutcome(contactId: string): string | null {
        return this.dialer.contacts.get(contactId)?.disconnectCode ?? null;
    }

    /** How many callbacks the dialer scheduled from reschedules. */
    get callbacksScheduled(): number {
        return this.dialer.callbacksScheduled;
    }

    /** The dialer withdraws the open preview (it ends without the agent acting). */
    withdrawPreview(): void {
        this.dialer.withdrawPreview();
    }

    /** Queues a raw event as CXone would send it (tests of validation). */
    pushRaw(event: unknown): void {
        this.session.enqueue(event as Raw);
    }

    /** The dialer's clock now: the time its events report (the local console keeps it on real time). */
    get clockNow(): number {
        return this.dialer.now;
    }

    /** The agent's live contacts, for assertions. */
    liveContactIds(): string[] {
        return this.dialer.liveContactIds();
    }

    /** The current session id, if the agent has one. */
    currentSessionId(): string | null {
        return this.session.currentId();
    }

    /** Adds a message for the agent and tells the client to re-read messages. */
    sendAgentMessage(text: string): void {
        this.dialer.sendAgentMessage(text);
    }
}
