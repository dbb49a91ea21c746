/* eslint-disable no-await-in-loop -- microtasks are flushed in order */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CxoneOAuthOptions, FetchLike, PendingAuthorization } from 'c/pcCxoneAuth';
import { DialerError } from 'c/pcDialerPort';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { VirtualClock } from 'c/pcVirtualClock';
import {
    CLOSED_CHECK_MS,
    COLLECT_POLL_MS,
    CxoneSignIn,
    SIGN_IN_TIMEOUT_MS,
    discoverEndpoints,
    visualforceOriginFor
} from '../signIn';
import type { OAuthClient, PopupWindow, SignInHost } from '../signIn';
import { flush } from 'test-support/time';

const PAGE_ORIGIN = 'https://acme--c.vf.force.com';
const REDIRECT = `${PAGE_ORIGIN}/apex/PersonalConnectionSignIn`;
const STATE = 'st4te-of-this-sign-in';
const PENDING: PendingAuthorization = {
    url: `https://cxone.niceincontact.com/auth/authorize?state=${STATE}`,
    state: STATE,
    verifier: 'verifier-1'
};

class FakePopup implements PopupWindow {
    closed = false;
    constructor(readonly url: string) {}
    close(): void {
        this.closed = true;
    }
}

/** The console window: opens fake popups; `noopener` makes open() return null, as under Lightning Web Security. */
class FakeHost implements SignInHost {
    readonly popups: FakePopup[] = [];
    readonly opened: string[] = [];
    noopener = false;

    open(url: string): PopupWindow | null {
        this.opened.push(url);
        if (this.noopener) return null;
        const popup = new FakePopup(url);
        this.popups.push(popup);
        return popup;
    }
}

class FakeOAuth implements OAuthClient {
    readonly completed: { pending: PendingAuthorization; code: string; state: string }[] = [];
    beginAuthorization = jest.fn((_display?: 'page' | 'popup') => Promise.resolve(PENDING));
    completeAuthorization(pending: PendingAuthorization, code: string, state: string): Promise<void> {
        this.completed.push({ pending, code, state });
        return Promise.resolve();
    }
    getToken(): Promise<string> {
        return this.completed.length
            ? Promise.resolve('access-1')
            : Promise.reject(new DialerError('Unauthorized', 'not signed in to CXone'));
    }
    refresh(): Promise<string> {
        return Promise.reject(new DialerError('Unauthorized', 'no refresh token; sign in again'));
    }
}

function setup(over: Partial<ConstructorParameters<typeof CxoneSignIn>[0]> = {}) {
    const host = new FakeHost();
    const oauth = new FakeOAuth();
    const clock = new VirtualClock({ startAt: 0 });
    const apex = new InMemorySalesforceGateway();
    const created: CxoneOAuthOptions[] = [];
    const fetchFn = jest.fn<ReturnType<FetchLike>, Parameters<FetchLike>>(() =>
        Promise.reject(new Error('no discovery in this test'))
    );
    const signIn = new CxoneSignIn({
        authHost: '',
        authorizeEndpoint: 'https://cxone.niceincontact.com/auth/authorize',
        tokenEndpoint: 'https://cxone.niceincontact.com/auth/token',
        clientId: 'client-1',
        tenantId: '',
        redirectUri: REDIRECT,
        collect: (state) => apex.collectSignIn(state),
        host,
        fetch: fetchFn,
        crypto: { getRandomValues: (a) => a, subtle: { digest: () => Promise.resolve(new ArrayBuffer(32)) } },
        clock,
        createOAuth: (options) => {
            created.push(options);
            return oauth;
        },
        ...over
    });
    /** Lets the console's collect loop take `ticks` turns. */
    const tick = async (ticks = 1): Promise<void> => {
        for (let i = 0; i < ticks; i += 1) {
            await flush();
            clock.advance(COLLECT_POLL_MS);
            await flush();
        }
    };
    return { host, oauth, clock, apex, signIn, created, fetchFn, tick };
}

describe('CXone popup sign-in through Salesforce (no opener, no postMessage)', () => {
    it('BX-11 opens the authorize URL inside the click and completes with the code the page saved under the state', async () => {
        const { host, oauth, apex, signIn, created, tick } = setup();
        const changes: boolean[] = [];
        signIn.onChange((required) => changes.push(required));
        await expect(signIn.getToken()).rejects.toMatchObject({ code: 'Unauthorized' });
        expect(signIn.isRequired()).toBe(true);
        // Prepared as soon as a sign-in is needed, so the click opens the window with no await before it.
        await flush();
        expect(oauth.beginAuthorization).toHaveBeenCalledWith('popup');

        const done = signIn.signIn();
        await flush();
        expect(host.opened).toEqual([PENDING.url]);
        expect(created[0]).toMatchObject({ clientId: 'client-1', redirectUri: REDIRECT });
        await tick(2);
        expect(oauth.completed).toEqual([]);

        // The sign-in page, in its own window, saves the code in Salesforce and closes.
        expect(apex.saveSignIn(STATE, { code: 'code-123' })).toBe('saved');
        host.popups[0]!.close();
        await tick();
        await done;
        expect(oauth.completed).toEqual([{ pending: PENDING, code: 'code-123', state: STATE }]);
        expect(signIn.isRequired()).toBe(false);
        expect(changes).toEqual([true, false]);
        await expect(signIn.getToken()).resolves.toBe('access-1');
        // Single use: the answer is gone from Salesforce.
        await expect(apex.collectSignIn(STATE)).resolves.toEqual({ status: 'pending' });
    });

    it('BX-11 collects the answer as soon as the sign-in window closes, not a whole poll later', async () => {
        const { host, oauth, apex, clock, signIn } = setup();
        const done = signIn.signIn();
        await flush();
        apex.saveSignIn(STATE, { code: 'code-fast' });
        host.popups[0]!.close();
        // Well inside the first second: the closed window is seen at the next look and the answer asked for.
        for (let i = 0; i < 2; i += 1) {
            clock.advance(CLOSED_CHECK_MS);
            await flush();
        }
        expect(2 * CLOSED_CHECK_MS).toBeLessThan(COLLECT_POLL_MS);
        expect(apex.callCount('collectSignIn')).toBe(1);
        await done;
        expect(oauth.completed.map((c) => c.code)).toEqual(['code-fast']);
    });

    it('BX-11 works where the window opens with noopener and the browser gives no handle to it', async () => {
        const { host, oauth, apex, signIn, tick } = setup();
        host.noopener = true;
        const done = signIn.signIn();
        await tick(3);
        apex.saveSignIn(STATE, { code: 'code-9' });
        await tick();
        await done;
        expect(oauth.completed[0]).toMatchObject({ code: 'code-9' });
    });

    it('BX-11 an answer saved under another state is never collected', async () => {
        const { host, oauth, apex, signIn, tick } = setup();
        const done = signIn.signIn();
        apex.saveSignIn('another-state-entirely', { code: 'stolen' });
        await tick(3);
        expect(oauth.completed).toEqual([]);
        host.popups[0]!.close();
        await tick();
        await expect(done).rejects.toMatchObject({ code: 'Rejected' });
        expect(oauth.completed).toEqual([]);
    });

    it("BX-11 CXone's refusal ends the sign-in with its error code", async () => {
        const { apex, signIn, tick } = setup();
        const done = signIn.signIn();
        const outcome = done.then(
            () => null,
            (e: unknown) => e
        );
        apex.saveSignIn(STATE, { error: 'access_denied' });
        await tick();
        expect(await outcome).toMatchObject({
            code: 'Unauthorized',
            message: expect.stringContaining('access_denied')
        });
    });

    it('BX-11 a sign-in window closed with nothing saved ends the wait, and the next click opens a new one', async () => {
        const { host, oauth, signIn, tick } = setup();
        await signIn.getToken().catch(() => undefined);
        await flush();
        const first = signIn.signIn();
        await tick();
        host.popups[0]!.close();
        await tick();
        await expect(first).rejects.toMatchObject({ code: 'Rejected' });
        // The next authorize URL is prepared before the next click.
        await flush();
        expect(oauth.beginAuthorization).toHaveBeenCalledTimes(2);
        const second = signIn.signIn();
        await flush();
        expect(host.popups).toHaveLength(2);
        host.popups[1]!.close();
        await tick();
        await expect(second).rejects.toBeInstanceOf(DialerError);
    });

    it('BX-11 a Salesforce failure while collecting is retried at the next tick', async () => {
        const { apex, oauth, signIn, tick } = setup();
        apex.failNext('collectSignIn', 'Network');
        const done = signIn.signIn();
        await tick();
        apex.saveSignIn(STATE, { code: 'code-2' });
        await tick();
        await done;
        expect(oauth.completed[0]).toMatchObject({ code: 'code-2' });
        expect(apex.callCount('collectSignIn')).toBeGreaterThanOrEqual(2);
    });

    it('BX-11 gives up after the time-out and closes the window', async () => {
        const { host, signIn, tick } = setup();
        const done = signIn.signIn();
        const outcome = done.then(
            () => null,
            (e: unknown) => e
        );
        await tick(SIGN_IN_TIMEOUT_MS / COLLECT_POLL_MS + 1);
        expect(await outcome).toMatchObject({ code: 'Timeout', retryable: true });
        expect(host.popups[0]!.closed).toBe(true);
    });

    it('BX-11 a second click while signing in opens no second window', async () => {
        const { host, signIn, apex, tick } = setup();
        const a = signIn.signIn();
        const b = signIn.signIn();
        expect(b).toBe(a);
        await flush();
        expect(host.opened).toHaveLength(1);
        apex.saveSignIn(STATE, { code: 'c' });
        await tick();
        await a;
    });

    it('BX-5 a refresh that CXone refuses asks the agent to sign in again', async () => {
        const { apex, signIn, tick } = setup();
        const done = signIn.signIn();
        apex.saveSignIn(STATE, { code: 'code-1' });
        await tick();
        await done;
        expect(signIn.isRequired()).toBe(false);
        await expect(signIn.refresh()).rejects.toMatchObject({ code: 'Unauthorized' });
        expect(signIn.isRequired()).toBe(true);
    });

    it('AD-2 discovers the endpoints from the auth host when they are not given', async () => {
        const fetchFn = jest.fn<ReturnType<FetchLike>, Parameters<FetchLike>>(() =>
            Promise.resolve({
                ok: true,
                status: 200,
                json: () =>
                    Promise.resolve({
                        authorization_endpoint: 'https://cxone.niceincontact.com/auth/authorize',
                        token_endpoint: 'https://cxone.niceincontact.com/auth/token'
                    })
            } as Response)
        );
        const { apex, signIn, created, tick } = setup({
            authHost: 'https://cxone.niceincontact.com/',
            authorizeEndpoint: '',
            tokenEndpoint: '',
            fetch: fetchFn
        });
        const done = signIn.signIn();
        await flush();
        expect(fetchFn).toHaveBeenCalledWith('https://cxone.niceincontact.com/.well-known/openid-configuration', {
            headers: { Accept: 'application/json' }
        });
        expect(created[0]).toMatchObject({
            authorizeEndpoint: 'https://cxone.niceincontact.com/auth/authorize',
            tokenEndpoint: 'https://cxone.niceincontact.com/auth/token'
        });
        apex.saveSignIn(STATE, { code: 'c' });
        await tick();
        await done;
    });

    it('AD-3 refuses discovered endpoints that are not https', async () => {
        const fetchFn: FetchLike = () =>
            Promise.resolve({
                ok: true,
                status: 200,
                json: () =>
                    Promise.resolve({
                        authorization_endpoint: 'http://cxone.niceincontact.com/auth/authorize',
                        token_endpoint: 'https://cxone.niceincontact.com/auth/token'
                    })
            } as Response);
        await expect(discoverEndpoints(fetchFn, 'https://cxone.niceincontact.com')).rejects.toMatchObject({
            code: 'Protocol'
        });
    });

    it.each([
        ['https://acme.lightning.force.com', 'https://acme--c.vf.force.com'],
        ['https://acme--uat.sandbox.lightning.force.com', 'https://acme--uat--c.sandbox.vf.force.com'],
        ['https://fun-dev-ed.develop.lightning.force.com', 'https://fun-dev-ed--c.develop.vf.force.com'],
        ['https://page-1234.scratch.lightning.force.com', 'https://page-1234--c.scratch.vf.force.com'],
        ['https://acme.my.salesforce.com', null],
        ['http://acme.lightning.force.com', null],
        ['https://acme.lightning.force.com.evil.example.com', null]
    ])('BX-5 knows the sign-in page origin of the console on %s', (lightning, visualforce) => {
        expect(visualforceOriginFor(lightning)).toBe(visualforce);
    });
});

describe('PersonalConnectionSignIn page', () => {
    const page = readFileSync(join(__dirname, '..', '..', '..', 'pages', 'PersonalConnectionSignIn.page'), 'utf8');
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;

    type Remote = (
        action: string,
        state: string,
        code: string,
        error: string,
        done: (r: unknown, e: { status: boolean }) => void,
        o: unknown
    ) => void;

    function runPage(search: string, answer: { result: unknown; status: boolean }) {
        const shown: string[] = [];
        const calls: unknown[][] = [];
        const invokeAction: Remote = (action, state, code, error, done) => {
            calls.push([action, state, code, error]);
            done(answer.result, { status: answer.status });
        };
        const win = {
            location: { search, pathname: '/apex/PersonalConnectionSignIn' },
            history: { replaceState: jest.fn() },
            opener: null,
            close: jest.fn()
        };
        const doc = {
            getElementById: (id: string) => ({
                set hidden(value: boolean) {
                    if (!value) shown.push(id);
                }
            })
        };
        const Visualforce = { remoting: { Manager: { invokeAction } } };
        // eslint-disable-next-line no-new-func -- runs the page's own script, as shipped, against stand-ins.
        new Function('window', 'document', 'Visualforce', script)(win, doc, Visualforce);
        return { win, shown, calls };
    }

    it('BX-11 saves the state and code in Salesforce without any opener, clears the address bar and closes', () => {
        const { win, shown, calls } = runPage('?code=abc&state=xyz', { result: 'saved', status: true });
        expect(calls).toEqual([['{!$RemoteAction.PersonalConnectionSignInController.saveSignIn}', 'xyz', 'abc', '']]);
        expect(win.history.replaceState).toHaveBeenCalledWith(null, '', '/apex/PersonalConnectionSignIn');
        expect(shown).toEqual(['pc-signin-done']);
        expect(win.close).toHaveBeenCalled();
        expect(page).not.toMatch(/postMessage|window\.opener/);
    });

    it("BX-11 passes CXone's error on, and says so when Salesforce refused the save", () => {
        const refused = runPage('?error=access_denied&state=xyz', { result: 'Rejected', status: true });
        expect(refused.calls[0]).toEqual([expect.any(String), 'xyz', '', 'access_denied']);
        expect(refused.shown).toEqual(['pc-signin-failed']);
        expect(refused.win.close).not.toHaveBeenCalled();
    });

    it('BX-11 without a state or an answer it saves nothing and says what happened', () => {
        const { calls, shown } = runPage('?code=abc', { result: 'saved', status: true });
        expect(calls).toEqual([]);
        expect(shown).toEqual(['pc-signin-failed']);
    });
});
