/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// Back-off of the event poll on a stepped clock: growth, jitter, the 30 s cap, and Failed at the end.
import type { FetchLike } from 'c/pcCxoneAuth';
import type { ConnectionState } from 'c/pcModel';
import { adapterOnScript } from '../../../../../../test/cxone/cxoneSteps';
import { SteppedClock } from 'test-support/clocks';

/** CXone that starts a session, answers the first poll, then is unreachable. */
function goneAfterConnect(): { fetch: FetchLike; requests: string[] } {
    const requests: string[] = [];
    let polls = 0;
    const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status });
    const fetchFn: FetchLike = async (url, init) => {
        requests.push(`${init?.method ?? 'GET'} ${url.replace(/^.*services\//, '')}`);
        if (url.endsWith('/agent-sessions/join')) return json(404, {});
        if (url.endsWith('/agent-sessions')) return json(200, { sessionId: 's-1' });
        if (url.includes('/get-next-event')) {
            polls += 1;
            if (polls === 1)
                return json(200, { sessionId: 's-1', events: [{ Type: 'AgentSessionStart', AgentId: '' }] });
            throw new TypeError('network down');
        }
        throw new TypeError('network down');
    };
    return { fetch: fetchFn, requests };
}

async function run(
    random: number,
    attempts: number
): Promise<{ delays: number[]; attempts: number[]; last: ConnectionState; polls: number }> {
    const clock = new SteppedClock();
    const cxone = goneAfterConnect();
    const adapter = adapterOnScript(cxone.fetch, {
        clock,
        random: () => random,
        pollTimeoutSeconds: 30,
        backoff: { maxAttempts: attempts }
    });
    const states: ConnectionState[] = [];
    adapter.on('connection', (c) => states.push(c));
    await adapter.connect();
    await clock.advance(0);
    for (let i = 0; i < attempts + 2; i += 1) {
        // Time is stepped in order: each step must finish before the next.
        // eslint-disable-next-line no-await-in-loop
        await clock.advance(30_000);
    }
    const reconnecting = states.filter((s) => s.status === 'Reconnecting');
    // Each retry fails at once, so consecutive nextRetryAt stamps are exactly one delay apart.
    const delays = reconnecting.map((s, i) => s.nextRetryAt! - (i === 0 ? 0 : reconnecting[i - 1]!.nextRetryAt!));
    const last = states.at(-1)!;
    await adapter.disconnect();
    return {
        delays,
        attempts: reconnecting.map((s) => s.attempt),
        last,
        polls: cxone.requests.filter((r) => r.includes('get-next-event')).length
    };
}

describe('c/pcCxoneAdapter back-off', () => {
    it('BX-5 retries with exponential back-off: first within 1 s, doubling, capped at 30 s, attempt numbers in order', async () => {
        const { delays, attempts } = await run(0.999999, 8);
        expect(attempts).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect(delays.map((d) => Math.round(d / 100) * 100)).toEqual([
            800, 1600, 3200, 6400, 12800, 25600, 30000, 30000
        ]);
    });

    it('BX-5 jitter scales each delay into [half, whole] of its ceiling', async () => {
        const { delays } = await run(0, 4);
        expect(delays).toEqual([400, 800, 1600, 3200]);
    });

    it('BX-5 after the last attempt the connection is Failed and says what to do; polling stops', async () => {
        const { last, polls } = await run(0, 3);
        expect(last.status).toBe('Failed');
        expect(last.detail).toMatch(/check the network, then reconnect/);
        // The first poll, then one per attempt: nothing after Failed.
        expect(polls).toBe(1 + 1 + 3);
    });
});
