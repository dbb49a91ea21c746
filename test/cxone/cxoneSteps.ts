/**
 * Steps the CXone adapter's suites share: on the fake, a rig for each test (disposed of after it), the agent's
 * way to the first preview on offer and the agent's way of retrying a command; without it, an adapter on a
 * scripted CXone.
 */
import { CxoneAdapter } from 'c/pcCxoneAdapter';
import { DialerError } from 'c/pcDialerPort';
import type { CxoneAdapterOptions } from 'c/pcCxoneAdapter';
import type { FetchLike } from 'c/pcCxoneAuth';
import type { ForcedOutcome } from '../contract/harness';
import { quietLogger, settleWithin, startRig, until } from './cxoneHarness';
import type { CxoneRig } from './cxoneHarness';

/** Where a suite's tests start their rigs; what they start is disposed of after each test. */
export interface RigsPerTest {
    /** Starts a fake and a signed-in adapter on it for this test; the caller connects. */
    start(extra?: Partial<CxoneAdapterOptions>): Promise<CxoneRig>;
    /** Disconnects this further adapter (a refreshed page, a second tab) after the test as well. */
    adopt(adapter: CxoneAdapter): void;
}

/** Registers with the calling suite the disposal, after each test, of the rigs and adapters its tests started. */
export function rigsPerTest(): RigsPerTest {
    const rigs: CxoneRig[] = [];
    const adapters: CxoneAdapter[] = [];
    afterEach(async () => {
        await Promise.all(adapters.splice(0).map((a) => a.disconnect()));
        for (const rig of rigs.splice(0)) await rig.dispose();
    });
    return {
        start: async (extra = {}) => {
            const rig = await startRig(extra);
            rigs.push(rig);
            return rig;
        },
        adopt: (adapter) => {
            adapters.push(adapter);
        }
    };
}

/** Connects with previews on and logs in to the skill 501; the dialer has delivered nothing yet. */
export async function loggedInForPreviews(rig: CxoneRig): Promise<void> {
    await rig.fake.setPreviewMode(true);
    await rig.adapter.connect();
    await rig.adapter.loginToSkill('501');
}

/**
 * Logs in for previews and lets the dialer deliver; resolves with the first preview's id, or rejects when none
 * was offered within `limitMs`.
 */
export async function previewing(rig: CxoneRig, limitMs = 5000): Promise<string> {
    await loggedInForPreviews(rig);
    await rig.fake.advance(600);
    if (!(await until(() => rig.events.previewOffered.length > 0, limitMs))) throw new Error('no preview offered');
    return rig.events.previewOffered[0]!.id;
}

/**
 * Accepts the first preview with the next dial's outcome forced, and waits until the call is Ringing (a second
 * of dialling) or Active (the answer too); resolves with its id, or rejects when it never got there.
 */
export async function acceptedUntil(
    rig: CxoneRig,
    outcome: ForcedOutcome,
    status: 'Ringing' | 'Active'
): Promise<string> {
    const id = await previewing(rig);
    await rig.fake.forceNextOutcome(outcome);
    await rig.adapter.acceptPreview(id);
    await rig.fake.advance(1000);
    if (status === 'Active') await rig.fake.advance(2500);
    if (!(await until(() => rig.events.callUpdated.some((c) => c.id === id && c.status === status)))) {
        throw new Error(`the accepted call never became ${status}`);
    }
    return id;
}

/** Adapter options under which a dropped connection stays Reconnecting a while: back-off from 1 s, each wait its full length. */
export const SLOW_RETRIES: Partial<CxoneAdapterOptions> = {
    backoff: { baseMs: 1000, maxMs: 30000 },
    random: () => 0.999
};

/** Drops the event poll once the adapter took everything; resolves once it says Reconnecting (false: never did). */
export async function droppedUntilReconnecting(rig: CxoneRig): Promise<boolean> {
    await rig.fake.settle();
    await rig.fake.inject('droppedConnection');
    return until(() => rig.events.connection.at(-1)?.status === 'Reconnecting');
}

/** An adapter on a scripted CXone (`fetch`), with a fixed token and a quiet logger; `options` add the clock and the rest. */
export function adapterOnScript(fetch: FetchLike, options: Partial<CxoneAdapterOptions>): CxoneAdapter {
    return new CxoneAdapter({
        baseUri: 'https://api-test.example',
        fetch,
        tokenProvider: { getToken: async () => 't', refresh: async () => 't' },
        logger: quietLogger(),
        ...options
    });
}

/** How one command sent as the agent went. */
export interface AgentAttempts {
    /** It went through. */
    readonly done: boolean;
    /** An attempt never settled. */
    readonly lost: boolean;
    /** Each failed attempt's code ('non-DialerError' for anything else), in order. */
    readonly codes: readonly string[];
    /** Why it did not go through, naming the command; null when it did. */
    readonly problem: string | null;
}

/**
 * Sends one command as the agent does: again only when the adapter said it may (retryable), only once
 * `connected()` holds again, three attempts at most; each attempt waits up to `waitMs` to settle.
 */
export async function sendAsAgent(
    name: string,
    send: () => Promise<unknown>,
    connected: () => boolean,
    waitMs: number
): Promise<AgentAttempts> {
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
        const error = await settleWithin(send, waitMs);
        if (error === undefined) return { done: false, lost: true, codes, problem: `${name} never settled` };
        if (error === null) return { done: true, lost: false, codes, problem: null };
        const code = error instanceof DialerError ? error.code : 'non-DialerError';
        codes.push(code);
        if (!(error instanceof DialerError) || !error.retryable) {
            return { done: false, lost: false, codes, problem: `${name} failed: ${code}` };
        }
        await until(connected, waitMs);
    }
    return { done: false, lost: false, codes, problem: `${name} failed three times (${codes.join(', ')})` };
}
