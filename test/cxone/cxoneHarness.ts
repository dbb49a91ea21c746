/**
 * Builds the CXone adapter against a fresh fake server, signed in through the real PKCE flow, for the
 * adapter's own tests, the fault suite, the contract suite and the bench.
 */
import { webcrypto } from 'node:crypto';
import { CxoneAdapter } from 'c/pcCxoneAdapter';
import type { CxoneAdapterOptions } from 'c/pcCxoneAdapter';
import { CxoneOAuth } from 'c/pcCxoneAuth';
import type { DialerAdapter, DialerEventMap, DialerEventName } from 'c/pcDialerPort';
import type { ContractHarness } from '../contract/harness';
import { FakeCxoneServer } from './fakeCxoneServer';
import { REAL_TIME, until as waitFor } from 'test-support/time';
import type { FakeBehaviour } from './fakeCxoneServer';

/** Signs in to the fake through authorize + token with PKCE, as the browser would. */
export async function signIn(fake: FakeCxoneServer): Promise<CxoneOAuth> {
    const auth = new CxoneOAuth({
        authorizeEndpoint: fake.authorizeEndpoint,
        tokenEndpoint: fake.tokenEndpoint,
        clientId: fake.clientId,
        redirectUri: 'http://127.0.0.1/pc-callback',
        fetch: (input, init) => fetch(input, init),
        crypto: webcrypto
    });
    const pending = await auth.beginAuthorization();
    const redirect = await fetch(pending.url, { redirect: 'manual' });
    const location = new URL(redirect.headers.get('location') ?? '');
    await auth.completeAuthorization(
        pending,
        location.searchParams.get('code') ?? '',
        location.searchParams.get('state') ?? ''
    );
    return auth;
}

/** Every event an adapter emitted, by name, in order. */
export type Recorded = { [K in DialerEventName]: DialerEventMap[K][] };

/** Records every event of an adapter. */
export function record(adapter: DialerAdapter): Recorded {
    const names: DialerEventName[] = [
        'agentState',
        'skills',
        'previewOffered',
        'previewClosed',
        'callUpdated',
        'callRouted',
        'callRemoved',
        'callbackDue',
        'agentMessage',
        'attemptsUpdated',
        'connection',
        'error'
    ];
    const out = {} as Record<DialerEventName, unknown[]>;
    for (const name of names) {
        out[name] = [];
        adapter.on(name, (event) => out[name].push(event));
    }
    return out as Recorded;
}

/** A quiet logger so test output stays readable; counts what it was told. */
export function quietLogger(): { warn: (m: string) => void; lines: string[] } {
    const lines: string[] = [];
    return { warn: (m) => lines.push(m), lines };
}

/** Options tuned for tests: short polls and back-off, the same rules. */
export function testOptions(
    fake: FakeCxoneServer,
    auth: CxoneOAuth,
    extra: Partial<CxoneAdapterOptions> = {}
): CxoneAdapterOptions {
    return {
        baseUri: fake.baseUri,
        fetch: (input, init) => fetch(input, init),
        tokenProvider: auth,
        pollTimeoutSeconds: 1,
        pollGraceMs: 600,
        commandTimeoutMs: 4000,
        confirmTimeoutMs: 1500,
        backoff: { baseMs: 200, maxMs: 2000, maxAttempts: 30 },
        logger: quietLogger(),
        ...extra
    };
}

/** A fake, a signed-in adapter on it, and the cleanup. */
export interface CxoneRig {
    readonly fake: FakeCxoneServer;
    readonly auth: CxoneOAuth;
    readonly adapter: CxoneAdapter;
    readonly events: Recorded;
    dispose(): Promise<void>;
}

/** Starts a rig; the caller connects. */
export async function startRig(extra: Partial<CxoneAdapterOptions> = {}): Promise<CxoneRig> {
    const fake = await FakeCxoneServer.start();
    const auth = await signIn(fake);
    const adapter = new CxoneAdapter(testOptions(fake, auth, extra));
    const events = record(adapter);
    return {
        fake,
        auth,
        adapter,
        events,
        dispose: async () => {
            await adapter.disconnect();
            await fake.stop();
        }
    };
}

/**
 * The contract harness: the CXone adapter with the fake as its driver; with a behaviour, the fake acts
 * as the notes describe (a station required, no replay on join, skill rows without outboundStrategy).
 */
export async function cxoneContractHarness(
    behaviour: Partial<FakeBehaviour> = {},
    extra: Partial<CxoneAdapterOptions> = {}
): Promise<ContractHarness> {
    const rig = await startRig(extra);
    Object.assign(rig.fake.behaviour, behaviour);
    return { adapter: rig.adapter, driver: rig.fake, dispose: rig.dispose };
}

/**
 * Sends one command and waits up to `limitMs` for it to settle: `undefined` when it never did (lost), `null` when it
 * resolved, else what it rejected with. Both fault suites send as an agent through this.
 */
export async function settleWithin(send: () => Promise<unknown>, limitMs: number): Promise<unknown> {
    let settled = false;
    const outcome = send().then(
        () => {
            settled = true;
            return null;
        },
        (e: unknown) => {
            settled = true;
            return e ?? new Error('rejected with nothing');
        }
    );
    if (!(await until(() => settled, limitMs))) return undefined;
    return outcome;
}

/** Waits (bounded, real time) until a condition holds; returns whether it did. */
export async function until(test: () => boolean, limitMs = 5000): Promise<boolean> {
    return waitFor(REAL_TIME, test, { step: 10, maxMs: limitMs });
}
