/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The event poll's edges on a scripted CXone and a stepped clock (BX-5, BX-10): what each answer to
// get-next-event does to the connection the agent sees, the rejoin after a 409, and stopping.
import type { CxoneAdapter, CxoneAdapterOptions } from 'c/pcCxoneAdapter';
import type { FetchLike } from 'c/pcCxoneAuth';
import type { DialerError } from 'c/pcDialerPort';
import type { ConnectionState } from 'c/pcModel';
import { until } from '../../../../../../test/cxone/cxoneHarness';
import { adapterOnScript } from '../../../../../../test/cxone/cxoneSteps';
import { SteppedClock } from 'test-support/clocks';

/** One scripted answer: a status and body, a thrown network error, or no answer at all. */
type Reply = { status: number; body?: unknown; raw?: string; after?: Promise<void> } | 'down' | 'hang';

interface Scripted {
    readonly fetch: FetchLike;
    /** Requests in order, as "METHOD path?query" after `services/`. */
    readonly requests: string[];
    /** The bodies of the joins, in order. */
    readonly joinBodies: unknown[];
}

const START = { sessionId: 's-1', events: [{ Type: 'AgentSessionStart', AgentId: '' }] };

/**
 * CXone that starts session s-1 and answers the first poll, then answers each later poll from `polls` in
 * order (a poll past the script hangs until aborted) and each join after the first from `joins`.
 */
function scripted(polls: Reply[], joins: Reply[] = []): Scripted {
    const requests: string[] = [];
    const joinBodies: unknown[] = [];
    let poll = 0;
    let join = 0;
    const answer = (reply: Reply, signal: AbortSignal | null | undefined): Promise<Response> => {
        if (reply === 'down') return Promise.reject(new TypeError('network down'));
        if (reply === 'hang')
            return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
        const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
        return (reply.after ?? Promise.resolve()).then(
            () => new Response(text === '' ? null : text, { status: reply.status })
        );
    };
    const fetchFn: FetchLike = (url, init) => {
        requests.push(`${init?.method ?? 'GET'} ${url.replace(/^.*services\//, '')}`);
        if (url.endsWith('/agent-sessions/join')) {
            join += 1;
            joinBodies.push(JSON.parse(String(init?.body ?? 'null')));
            return answer(join === 1 ? { status: 404, body: {} } : (joins[join - 2] ?? 'down'), init?.signal);
        }
        if (url.endsWith('/agent-sessions')) return answer({ status: 200, body: { sessionId: 's-1' } }, init?.signal);
        if (url.includes('/get-next-event')) {
            poll += 1;
            return answer(poll === 1 ? { status: 200, body: START } : (polls[poll - 2] ?? 'hang'), init?.signal);
        }
        return answer('down', init?.signal);
    };
    return { fetch: fetchFn, requests, joinBodies };
}

interface Rig {
    readonly adapter: CxoneAdapter;
    readonly clock: SteppedClock;
    readonly cxone: Scripted;
    readonly states: ConnectionState[];
    readonly errors: DialerError[];
    polls(): string[];
}

async function connected(
    polls: Reply[],
    joins: Reply[] = [],
    maxAttempts = 5,
    random = 0,
    extra: Partial<CxoneAdapterOptions> = {}
): Promise<Rig> {
    const clock = new SteppedClock();
    const cxone = scripted(polls, joins);
    const adapter = adapterOnScript(cxone.fetch, {
        clock,
        random: () => random,
        pollTimeoutSeconds: 10,
        pollGraceMs: 2000,
        backoff: { baseMs: 1000, maxMs: 8000, maxAttempts },
        ...extra
    });
    const states: ConnectionState[] = [];
    const errors: DialerError[] = [];
    adapter.on('connection', (c) => states.push(c));
    adapter.on('error', (e) => errors.push(e));
    await adapter.connect();
    await clock.advance(0);
    return {
        adapter,
        clock,
        cxone,
        states,
        errors,
        polls: () => cxone.requests.filter((r) => r.includes('get-next-event'))
    };
}

const last = (rig: Rig): ConnectionState => rig.states.at(-1)!;

describe('c/pcCxoneAdapter event poll', () => {
    it('BX-5 an empty answer (204, 304) is no news: the poll goes on at once, the connection stays Connected', async () => {
        const rig = await connected([{ status: 204 }, { status: 304 }, { status: 204 }]);
        // The first poll (in connect) asks for 1 s; the loop then asks for its own time-out.
        expect(rig.polls()[0]).toMatch(/agent-sessions\/s-1\/get-next-event\?timeout=1$/);
        expect(rig.polls().slice(1)).toEqual(
            Array(4).fill('GET v23.0/agent-sessions/s-1/get-next-event?timeout=10') as string[]
        );
        expect(last(rig).status).toBe('Connected');
        expect(rig.states.some((s) => s.status === 'Reconnecting')).toBe(false);
        expect(rig.errors).toEqual([]);
        await rig.adapter.disconnect();
    });

    it('BX-5 a poll answered with events applies them and polls again', async () => {
        const rig = await connected([
            {
                status: 200,
                body: { sessionId: 's-1', events: [{ Type: 'AgentState', CurrentState: 'Available' }] }
            },
            { status: 204 }
        ]);
        expect(rig.polls()).toHaveLength(4);
        expect(rig.errors).toEqual([]);
        await rig.adapter.disconnect();
    });

    it('BX-10 a poll with no answer is given up after its time-out plus grace, and shown Reconnecting', async () => {
        const rig = await connected([]);
        await rig.clock.advance(11_999);
        expect(last(rig).status).toBe('Connected');
        await rig.clock.advance(1);
        expect(last(rig)).toMatchObject({ status: 'Reconnecting', attempt: 1 });
        expect(last(rig).detail).toMatch(/^Timeout: retrying in 1 s$/);
        await rig.adapter.disconnect();
    });

    it('BX-5 a failed poll shows Reconnecting with the attempt, the error and when it retries; one answer reconnects', async () => {
        const rig = await connected(['down', { status: 503 }, { status: 204 }], [], 5, 1);
        expect(rig.states.filter((s) => s.status === 'Reconnecting')).toEqual([
            { status: 'Reconnecting', detail: 'Network: retrying in 1 s', attempt: 1, nextRetryAt: 1000 }
        ]);
        await rig.clock.advance(1000);
        expect(last(rig)).toEqual({
            status: 'Reconnecting',
            detail: 'Unavailable: retrying in 2 s',
            attempt: 2,
            nextRetryAt: 3000
        });
        await rig.clock.advance(2000);
        expect(last(rig)).toMatchObject({ status: 'Connected', detail: 'reconnected', attempt: 0 });
        // The counter starts again: the next failure is attempt 1, with the first delay.
        await rig.clock.advance(12_000);
        expect(last(rig)).toMatchObject({ status: 'Reconnecting', attempt: 1, nextRetryAt: 16_000 });
        await rig.adapter.disconnect();
    });

    it('BX-5 a delay of a fraction of a second is announced as whole seconds, rounded up', async () => {
        const rig = await connected(['down'], [], 5, 0.2);
        // Half of 1000 plus a tenth of it: 600 ms, said as 1 s.
        expect(last(rig)).toMatchObject({ detail: 'Network: retrying in 1 s', nextRetryAt: 600 });
        await rig.adapter.disconnect();
    });

    it('BX-5 a refused sign-in (401 after the refresh) or a forbidden user (403) fails the connection at once and stops polling', async () => {
        // A 401 is replayed once with a refreshed token: both answers are 401.
        for (const [replies, detail] of [
            [[{ status: 401 }, { status: 401 }], /sign in again/],
            [[{ status: 403 }], /ask the admin/]
        ] as const) {
            // eslint-disable-next-line no-await-in-loop
            const rig = await connected([...replies, { status: 204 }]);
            expect(last(rig)).toMatchObject({ status: 'Failed', attempt: 0 });
            expect(last(rig).detail).toMatch(detail);
            expect(rig.states.some((s) => s.status === 'Reconnecting')).toBe(false);
            const polled = rig.polls().length;
            // eslint-disable-next-line no-await-in-loop
            await rig.clock.advance(60_000);
            expect(rig.polls()).toHaveLength(polled);
            // eslint-disable-next-line no-await-in-loop
            await rig.adapter.disconnect();
        }
    });

    it('BX-5 after the last attempt the connection is Failed, naming the attempts, and the poll stops', async () => {
        const rig = await connected(['down', 'down', 'down', { status: 204 }], [], 2);
        await rig.clock.advance(10_000);
        expect(last(rig)).toEqual({
            status: 'Failed',
            detail: 'CXone unreachable after 2 attempts; check the network, then reconnect',
            attempt: 0,
            nextRetryAt: null
        });
        // The first poll, the failing one, then one per retry: nothing after Failed.
        expect(rig.polls()).toHaveLength(1 + 1 + 2);
        await rig.adapter.disconnect();
    });

    it('BX-5 UB-6 an unreadable answer is one Protocol error, and the poll backs off as for a failure, then goes on', async () => {
        const rig = await connected(
            [
                { status: 200, raw: '{not json' },
                { status: 200, body: { sessionId: 's-1', events: 'none' } },
                { status: 204 }
            ],
            [],
            5,
            1
        );
        // One message for the run of unreadable answers; the connection says it is retrying.
        expect(rig.errors.map((e) => e.code)).toEqual(['Protocol']);
        expect(rig.errors[0]!.message).toMatch(/malformed JSON/);
        expect(last(rig)).toMatchObject({ status: 'Reconnecting', attempt: 1, detail: 'Protocol: retrying in 1 s' });
        expect(rig.polls()).toHaveLength(2);
        await rig.clock.advance(999);
        expect(rig.polls()).toHaveLength(2);
        await rig.clock.advance(1);
        // The second answer is no event batch either: still one message, a longer wait.
        expect(rig.polls()).toHaveLength(3);
        expect(rig.errors).toHaveLength(1);
        expect(last(rig)).toMatchObject({ status: 'Reconnecting', attempt: 2, detail: 'Protocol: retrying in 2 s' });
        await rig.clock.advance(2000);
        expect(rig.polls()).toHaveLength(5);
        expect(last(rig)).toMatchObject({ status: 'Connected', detail: 'reconnected', attempt: 0 });
        await rig.adapter.disconnect();
    });

    it('BX-5 a CXone that answers every poll with something that is not JSON is asked at the back-off pace, not at once', async () => {
        const rig = await connected(Array(100).fill({ status: 200, raw: '<html>proxy</html>' }) as Reply[], [], 3);
        const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));
        await settle();
        expect(rig.polls()).toHaveLength(2);
        await rig.clock.advance(30_000);
        // The first two polls, then one per retry, then Failed: nothing after it.
        expect(rig.polls()).toHaveLength(2 + 3);
        expect(last(rig)).toMatchObject({ status: 'Failed' });
        expect(rig.errors).toHaveLength(1);
        await rig.adapter.disconnect();
    });

    it('BX-5 a status outside 2xx that is not an empty answer is a failure, retried', async () => {
        for (const status of [199, 300]) {
            // eslint-disable-next-line no-await-in-loop
            const rig = await connected([{ status, body: START }]);
            expect(last(rig)).toMatchObject({ status: 'Reconnecting', attempt: 1 });
            // eslint-disable-next-line no-await-in-loop
            await rig.adapter.disconnect();
        }
    });

    it('BX-5 a poll answered 409 or 404 rejoins the session once and polls on with the new session id', async () => {
        for (const status of [409, 404]) {
            // eslint-disable-next-line no-await-in-loop
            const rig = await connected([{ status }, { status: 204 }], [{ status: 200, body: { sessionId: 's-2' } }]);
            expect(rig.states.map((s) => s.detail)).toContain('session ended by CXone; rejoining');
            expect(last(rig)).toMatchObject({ status: 'Connected', detail: 'rejoined the session', attempt: 0 });
            expect(rig.cxone.requests.filter((r) => r.endsWith('/join'))).toHaveLength(2);
            expect(rig.polls().at(-1)).toMatch(/agent-sessions\/s-2\/get-next-event\?timeout=10$/);
            // eslint-disable-next-line no-await-in-loop
            await rig.adapter.disconnect();
        }
    });

    it('BX-5 a rejoin that follows failed polls starts the count of attempts again', async () => {
        const rig = await connected(['down', { status: 409 }, 'down'], [{ status: 200, body: { sessionId: 's-2' } }]);
        await rig.clock.advance(1000);
        expect(last(rig)).toMatchObject({ status: 'Reconnecting', attempt: 1, detail: 'Network: retrying in 1 s' });
        await rig.adapter.disconnect();
    });

    it('BX-5 a rejoin CXone refuses ends the session: Disconnected, saying to log in again, and no more polls', async () => {
        const rig = await connected([{ status: 409 }, { status: 204 }], [{ status: 404, body: {} }]);
        expect(last(rig)).toMatchObject({ status: 'Disconnected' });
        expect(last(rig).detail).toMatch(/log in to the dialer again/);
        const polled = rig.polls().length;
        await rig.clock.advance(60_000);
        expect(rig.polls()).toHaveLength(polled);
        await rig.adapter.disconnect();
    });

    it('BX-5 a rejoin answered with no session id ends the session', async () => {
        const rig = await connected([{ status: 409 }, { status: 204 }], [{ status: 200, body: {} }]);
        expect(last(rig).status).toBe('Disconnected');
        await rig.adapter.disconnect();
    });

    it('BX-5 a rejoin while the network is down or CXone restarts is tried again after each back-off, then polls the new session', async () => {
        const rig = await connected(
            [{ status: 409 }, { status: 204 }],
            ['down', { status: 503 }, { status: 200, body: { sessionId: 's-2' } }],
            5,
            1
        );
        expect(last(rig)).toMatchObject({ status: 'Reconnecting', detail: 'Network: rejoining in 1 s', attempt: 1 });
        expect(rig.cxone.requests.filter((r) => r.endsWith('/join'))).toHaveLength(2);
        await rig.clock.advance(999);
        expect(rig.cxone.requests.filter((r) => r.endsWith('/join'))).toHaveLength(2);
        await rig.clock.advance(1);
        // CXone answers while it restarts: the join is tried again, later.
        expect(rig.cxone.requests.filter((r) => r.endsWith('/join'))).toHaveLength(3);
        expect(last(rig)).toMatchObject({
            status: 'Reconnecting',
            detail: 'Unavailable: rejoining in 2 s',
            attempt: 2
        });
        await rig.clock.advance(2000);
        expect(last(rig)).toMatchObject({ status: 'Connected', detail: 'rejoined the session', attempt: 0 });
        // No poll of the old session in between: the next one is the new session's.
        expect(rig.polls().slice(2)).toEqual(
            Array(2).fill('GET v23.0/agent-sessions/s-2/get-next-event?timeout=10') as string[]
        );
        await rig.adapter.disconnect();
    });

    it('BX-5 BX-10 a rejoin that gets no answer is given up after its time-out and tried again', async () => {
        const rig = await connected(
            [{ status: 409 }, { status: 204 }],
            ['hang', { status: 200, body: { sessionId: 's-2' } }],
            5,
            0,
            {
                commandTimeoutMs: 5000
            }
        );
        expect(last(rig)).toMatchObject({ status: 'Reconnecting', detail: 'session ended by CXone; rejoining' });
        await rig.clock.advance(5000);
        expect(last(rig)).toMatchObject({ status: 'Reconnecting', attempt: 1, detail: 'Timeout: rejoining in 1 s' });
        await rig.clock.advance(500);
        expect(last(rig)).toMatchObject({ status: 'Connected', detail: 'rejoined the session' });
        await rig.adapter.disconnect();
    });

    it('BX-5 a rejoin that keeps failing on the network stops after the attempts allowed: Failed, no more joins', async () => {
        const rig = await connected([{ status: 409 }], ['down', 'down', 'down'], 2);
        await rig.clock.advance(60_000);
        expect(rig.cxone.requests.filter((r) => r.endsWith('/join'))).toHaveLength(1 + 3);
        expect(last(rig)).toMatchObject({
            status: 'Failed',
            detail: 'CXone unreachable after 2 attempts; check the network, then reconnect'
        });
        await rig.clock.advance(60_000);
        expect(rig.cxone.requests.filter((r) => r.endsWith('/join'))).toHaveLength(1 + 3);
        expect(rig.polls()).toHaveLength(2);
        await rig.adapter.disconnect();
    });

    it('BX-5 a rejoin refused for a reason that is not the network ends the session', async () => {
        const rig = await connected([{ status: 409 }], [{ status: 400, body: {} }]);
        expect(last(rig).status).toBe('Disconnected');
        expect(rig.cxone.requests.filter((r) => r.endsWith('/join'))).toHaveLength(2);
        await rig.adapter.disconnect();
    });

    it('BX-5 a rejoin CXone forbids (403) fails saying the user may not use the Agent API', async () => {
        const rig = await connected([{ status: 409 }], [{ status: 403, body: {} }]);
        expect(last(rig)).toMatchObject({
            status: 'Failed',
            detail: 'this CXone user may not use the Agent API; ask the admin'
        });
        await rig.clock.advance(60_000);
        expect(rig.cxone.requests.filter((r) => r.endsWith('/join'))).toHaveLength(2);
        await rig.adapter.disconnect();
    });

    it('BX-5 disconnecting while the poll waits to retry cancels the retry: no poll after it', async () => {
        const rig = await connected(['down', { status: 204 }]);
        const polled = rig.polls().length;
        await rig.adapter.disconnect();
        await rig.clock.advance(60_000);
        expect(rig.polls()).toHaveLength(polled);
        expect(last(rig).status).toBe('Disconnected');
    });

    it('BX-5 disconnecting while a poll is open aborts it quietly: no Reconnecting and no poll after it', async () => {
        const rig = await connected([]);
        await rig.adapter.disconnect();
        await rig.clock.advance(60_000);
        expect(rig.polls()).toHaveLength(2);
        expect(last(rig)).toMatchObject({ status: 'Disconnected', detail: 'disconnected' });
        expect(rig.errors).toEqual([]);
    });

    it('BX-5 a CXone that answers every poll at once still lets the page run: the poll waits for a timer every 50 polls', async () => {
        const rig = await connected(Array(200).fill({ status: 204 }) as Reply[]);
        const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));
        // The first poll in connect, then 49 in the loop before it waits on the clock; no more, however long.
        expect(await until(() => rig.polls().length >= 50)).toBe(true);
        await settle();
        expect(rig.polls()).toHaveLength(50);
        await rig.clock.advance(0);
        expect(await until(() => rig.polls().length >= 100)).toBe(true);
        await settle();
        expect(rig.polls()).toHaveLength(100);
        await rig.adapter.disconnect();
    });

    it('BX-2 connecting again stops the old poll and starts one new one: never two in flight', async () => {
        const rig = await connected(['hang', { status: 204 }], [{ status: 200, body: { sessionId: 's-2' } }]);
        await rig.adapter.connect();
        await rig.clock.advance(0);
        expect(rig.polls().filter((p) => p.endsWith('timeout=10'))).toEqual([
            'GET v23.0/agent-sessions/s-1/get-next-event?timeout=10',
            'GET v23.0/agent-sessions/s-2/get-next-event?timeout=10'
        ]);
        // A joined session resynchronises until CXone says the agent's state.
        expect(last(rig).status).toBe('Resynchronising');
        await rig.adapter.disconnect();
    });

    it('BX-5 the rejoin after a 409 asks for the agent the adapter was set up for, and for none without one', async () => {
        const joined = { status: 200, body: { sessionId: 's-2' } };
        const withAgent = await connected([{ status: 409 }], [joined], 5, 0, { agentId: '1001' });
        expect(withAgent.cxone.joinBodies).toEqual([{ asAgentId: '1001' }, { asAgentId: '1001' }]);
        await withAgent.adapter.disconnect();
        const without = await connected([{ status: 409 }], [joined]);
        expect(without.cxone.joinBodies).toEqual([{}, {}]);
        await without.adapter.disconnect();
    });

    it('BX-5 disconnecting while a rejoin is on its way leaves the adapter disconnected, whatever the rejoin answers', async () => {
        let answer = (): void => undefined;
        const after = new Promise<void>((resolve) => {
            answer = resolve;
        });
        const joinedLate = await connected([{ status: 409 }], [{ status: 200, body: { sessionId: 's-2' }, after }]);
        await joinedLate.adapter.disconnect();
        answer();
        await joinedLate.clock.advance(0);
        expect(last(joinedLate)).toMatchObject({ status: 'Disconnected', detail: 'disconnected' });
        expect(joinedLate.polls()).toHaveLength(2);

        const timedOut = await connected([{ status: 409 }], ['hang'], 5, 0, { commandTimeoutMs: 5000 });
        await timedOut.adapter.disconnect();
        await timedOut.clock.advance(60_000);
        expect(last(timedOut)).toMatchObject({ status: 'Disconnected', detail: 'disconnected' });
        expect(timedOut.polls()).toHaveLength(2);
    });

    it('BX-5 a rejoin answered with a redirect (300) ends the session, even with a session id in it', async () => {
        const rig = await connected([{ status: 409 }], [{ status: 300, body: { sessionId: 's-2' } }]);
        expect(last(rig).status).toBe('Disconnected');
        await rig.adapter.disconnect();
    });
});
