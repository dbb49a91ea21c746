/**
 * The CXone fake's HTTP server: Node `http` on 127.0.0.1 with CORS for the local console, routing the documented
 * endpoints (OAuth, the agent's reads, the session and its poll, the agent's commands) to the parts behind them,
 * with the faults that bite on a request or a command; and its restart (down for a while, the dialer kept).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FakeDialer } from './dialer';
import { answerCommand } from './dialerCommands';
import type { FaultSwitches } from './faults';
import { AUTHORIZE_PATH, TOKEN_PATH } from './oauth';
import type { FakeOAuth } from './oauth';
import { DISPOSITIONS, UNAVAILABLE_CODES } from './script';
import type { FakeSession } from './session';
import type { FakeBehaviour, FakeMetrics, Raw } from './types';

const API = /^\/InContactAPI\/services\/v(\d+)\.0\/(.*)$/i;
const POLL_PATH = /\/get-next-event$/i;

/** Writes JSON answers and counts those still on their way (a settled fake has none). */
export class Replies {
    /** Answers written and not yet finished or closed. */
    inFlight = 0;

    /** Answers with a status and a JSON body (or `raw` text), unless the response already ended. */
    send(res: ServerResponse, status: number, body?: unknown, raw?: string): void {
        if (res.writableEnded || res.destroyed) return;
        const text = raw ?? (body === undefined ? '' : JSON.stringify(body));
        this.inFlight += 1;
        const finish = (): void => {
            this.inFlight -= 1;
        };
        res.once('finish', finish);
        res.once('close', () => {
            if (!res.writableFinished) finish();
        });
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(text);
    }
}

/** What the server routes to, and what it records. */
export interface HttpParts {
    readonly dialer: FakeDialer;
    readonly session: FakeSession;
    readonly oauth: FakeOAuth;
    readonly faults: FaultSwitches;
    readonly replies: Replies;
    readonly metrics: FakeMetrics;
    readonly behaviour: FakeBehaviour;
    /** Paths of every GET, in order. */
    readonly requestedPaths: string[];
    /** Commands the dialer carried out, by method, path (without the session) and body. */
    readonly acted: string[];
    /** Every POST to the Agent API as it arrived: its version, its path and its body as sent ('' for none). */
    readonly posts: SentPost[];
}

/** A POST as the adapter sent it. */
export interface SentPost {
    readonly version: number;
    readonly path: string;
    readonly body: string;
}

/** The fake's HTTP face. */
export class FakeHttpServer {
    private server: Server;
    private port = 0;
    private readonly sockets = new Set<Socket>();

    /** A server over these parts; call `listen`. */
    constructor(private readonly parts: HttpParts) {
        this.server = this.makeServer();
    }

    /** Where it listens, e.g. http://127.0.0.1:40123. */
    get baseUri(): string {
        return `http://127.0.0.1:${this.port}`;
    }

    /** Listens on `port` (0: a free one). */
    listen(port: number): Promise<void> {
        return new Promise((resolve) => {
            this.server.listen(port, '127.0.0.1', () => {
                const address = this.server.address();
                if (address && typeof address === 'object') this.port = address.port;
                resolve();
            });
        });
    }

    /** Stops listening, closing every connection. */
    async close(): Promise<void> {
        for (const socket of this.sockets) socket.destroy();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    /** Stops listening for `downMs` (connections refused), keeps the dialer's state, invalidates session ids. */
    async restart(downMs: number): Promise<void> {
        this.parts.session.forgetOpenPoll();
        await this.close();
        this.parts.session.park();
        await new Promise((r) => setTimeout(r, downMs));
        this.server = this.makeServer();
        await this.listen(this.port);
    }

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

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const { faults, oauth, replies } = this.parts;
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const body = await readBody(req);
        const isPoll = POLL_PATH.test(url.pathname);
        const commandChannel = !isPoll && url.pathname !== TOKEN_PATH;
        if (commandChannel && faults.dropsCommandRequest()) {
            req.socket.destroy();
            return;
        }
        if (url.pathname === AUTHORIZE_PATH) {
            const answer = oauth.authorize(url);
            if ('status' in answer) return replies.send(res, answer.status, answer.body);
            res.writeHead(302, { Location: answer.location });
            res.end();
            return;
        }
        if (url.pathname === TOKEN_PATH) {
            const answer = oauth.token(body);
            return replies.send(res, answer.status, answer.body);
        }
        if (!oauth.accepts(req.headers.authorization ?? '')) {
            this.parts.metrics.unauthorized += 1;
            return replies.send(res, 401, { error: 'invalid_token' });
        }
        const match = API.exec(url.pathname);
        if (!match) return replies.send(res, 404, { error: 'not found' });
        const version = Number(match[1]);
        const path = match[2]!;
        if (req.method === 'POST') this.parts.posts.push({ version, path, body });
        let json: Raw = {};
        if (body.trim()) {
            try {
                json = JSON.parse(body) as Raw;
            } catch {
                return replies.send(res, 400, { error: 'bad json' });
            }
        }
        const slowMs = isPoll ? 0 : faults.slowsCommandRequest();
        if (slowMs > 0) await new Promise((r) => setTimeout(r, slowMs));
        if (req.method === 'GET') return this.get(version, path, url, req, res);
        if (req.method === 'POST') return this.post(path, json, res);
        if (req.method === 'DELETE' && /^agent-sessions\/[^/]+$/i.test(path)) return replies.send(res, 202, {});
        return replies.send(res, 405, {});
    }

    private get(version: number, path: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
        const { dialer, replies, behaviour } = this.parts;
        this.parts.requestedPaths.push(path);
        const poll = /^agent-sessions\/([^/]+)\/get-next-event$/i.exec(path);
        if (poll) return this.parts.session.poll(decodeURIComponent(poll[1]!), url, req, res);
        if (/^agents\/([^/]+)\/skills$/i.test(path)) {
            return replies.send(res, 200, {
                resultSet: {
                    agentSkillAssignments: dialer.skills.map((s) => ({
                        skillId: Number(s.id),
                        skillName: s.name,
                        isSkillActive: true,
                        mediaTypeId: 4,
                        isOutbound: s.pc,
                        ...(behaviour.outboundStrategy
                            ? { outboundStrategy: s.pc ? 'Personal Connection' : 'Manual' }
                            : { outboundStrategy: null })
                    }))
                }
            });
        }
        // An inbound skill has no dialer parameters: CXone answers 404.
        const parameters = /^skills\/([^/]+)\/parameters\//i.exec(path);
        if (parameters && !dialer.skills.some((s) => s.id === decodeURIComponent(parameters[1]!) && s.pc))
            return replies.send(res, 404, { error: 'not found' });
        if (/^skills\/([^/]+)\/parameters\/delivery-preferences$/i.test(path)) {
            return replies.send(res, 200, { deliveryPreferences: { ...dialer.deliveryPreferences, version } });
        }
        if (/^skills\/([^/]+)\/parameters\/cpa-management$/i.test(path)) {
            return replies.send(res, 200, { cpaManagement: { ...dialer.cpa, ansMachineOverrideSeconds: 4 } });
        }
        if (/^skills\/([^/]+)\/dispositions$/i.test(path))
            return replies.send(res, 200, { dispositions: DISPOSITIONS });
        if (/^agents\/([^/]+)\/messages$/i.test(path)) return replies.send(res, 200, { messages: dialer.messages });
        if (/^agents\/([^/]+)$/i.test(path)) {
            return replies.send(res, 200, {
                agents: [{ agentId: Number(dialer.agentId), teamId: Number(dialer.teamId) }]
            });
        }
        if (/^teams\/([^/]+)\/unavailable-codes$/i.test(path)) {
            return replies.send(res, 200, { unavailableCodes: UNAVAILABLE_CODES });
        }
        replies.send(res, 404, { error: 'not found' });
    }

    private post(path: string, json: Raw, res: ServerResponse): void {
        const { session, faults, replies, metrics } = this.parts;
        if (/^agent-sessions\/?$/i.test(path)) return session.start(json, res);
        if (/^agent-sessions\/join$/i.test(path)) return session.join(json, res);
        const m = /^agent-sessions\/([^/]+)\/(.+)$/i.exec(path);
        if (!m) return replies.send(res, 404, { error: 'not found' });
        if (!session.resolve(decodeURIComponent(m[1]!), res)) return;
        const rest = m[2]!;
        const key = `POST ${rest} ${JSON.stringify(json)}`;
        metrics.commands.push(key);
        // Only what the dialer carries out counts: a request refused (500, 503) may rightly be sent again.
        if (faults.failsCommand()) return replies.send(res, 500, { error: 'dialer error' });
        const fault = faults.takeCommandFault(rest);
        if (fault === 'serverError') return replies.send(res, 503, { error: 'unavailable' });
        if (session.seenCommands.has(key)) metrics.duplicateCommands += 1;
        session.seenCommands.add(key);
        const result = answerCommand(this.parts.dialer, rest, json);
        if (result.status >= 200 && result.status < 300) this.parts.acted.push(key);
        if (fault === 'drop') {
            res.socket?.destroy();
            return;
        }
        if (fault === 'hang') return;
        if (fault === 'slow') {
            setTimeout(() => replies.send(res, result.status, result.body ?? {}), 1200);
            return;
        }
        if (faults.losesAnswer()) {
            // The dialer acted, but the answer never reaches the client.
            res.socket?.destroy();
            return;
        }
        replies.send(res, result.status, result.body ?? {});
    }
}

/** Reads a request's body as text. */
async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
}
