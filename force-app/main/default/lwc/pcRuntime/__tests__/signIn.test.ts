/* eslint-disable no-await-in-loop -- microtasks are flushed in order */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CxoneOAuthOptions, FetchLike, PendingAuthorization } from 'c/pcCxoneAuth';
import { DialerError } from 'c/pcDialerPort';
import { VirtualClock } from 'c/pcVirtualClock';
import {
    CLOSED_POLL_MS,
    CxoneSignIn,
    SIGN_IN_MESSAGE_TYPE,
    SIGN_IN_TIMEOUT_MS,
    discoverEndpoints,
    visualforceOriginFor
} from '../signIn';
import type { OAuthClient, PopupWindow, SignInHost, SignInMessage } from '../signIn';

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
    url: string | null = null;
    close(): void {
        this.closed = true;
    }
    navigate(url: string): void {
        this.url = url;
    }
}

/** The console window: opens fake popups and delivers messages the test posts. */
class FakeHost implements SignInHost {
    readonly popups: FakePopup[] = [];
    blocked = false;
    private readonly listeners = new Set<(message: SignInMessage) => void>();

    open(): PopupWindow | null {
        if (this.blocked) return null;
        const popup = new FakePopup();
        this.popups.push(popup);
        return popup;
    }
    onMessage(listener: (message: SignInMessage) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    get listening(): number {
        return this.listeners.size;
    }
    post(origin: string, data: unknown): void {
        for (const l of [...this.listeners]) l({ origin, data });
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

const flush = async (): Promise<void> => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

function setup(over: Partial<ConstructorParameters<typeof CxoneSignIn>[0]> = {}) {
    const host = new FakeHost();
    const oauth = new FakeOAuth();
    const clock = new VirtualClock({ startAt: 0 });
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
        pageOrigin: PAGE_ORIGIN,
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
    return { host, oauth, clock, signIn, created, fetchFn };
}

const answer = (over: Record<string, unknown> = {}) => ({
    type: SIGN_IN_MESSAGE_TYPE,
    state: STATE,
    code: 'code-123',
    error: '',
    ...over
});

describe('CXone popup sign-in', () => {
    it('BX-5 opens the window inside the click, sends it to the authorize URL and completes with the right answer', async () => {
        const { host, oauth, signIn, created } = setup();
        const changes: boolean[] = [];
        signIn.onChange((required) => changes.push(required));
        await expect(signIn.getToken()).rejects.toMatchObject({ code: 'Unauthorized' });
        expect(signIn.isRequired()).toBe(true);

        const done = signIn.signIn();
        // Opened synchronously, before any await: a popup needs the click's user activation.
        expect(host.popups).toHaveLength(1);
        await flush();
        expect(oauth.beginAuthorization).toHaveBeenCalledWith('popup');
        expect(host.popups[0].url).toBe(PENDING.url);
        expect(created[0]).toMatchObject({ clientId: 'client-1', redirectUri: REDIRECT });

        host.post(PAGE_ORIGIN, answer());
        await done;
        expect(oauth.completed).toEqual([{ pending: PENDING, code: 'code-123', state: STATE }]);
        expect(signIn.isRequired()).toBe(false);
        expect(changes).toEqual([true, false]);
        expect(host.popups[0].closed).toBe(true);
        expect(host.listening).toBe(0);
        await expect(signIn.getToken()).resolves.toBe('access-1');
    });

    it('BX-5 ignores a message from any other origin, even with the right state', async () => {
        const { host, oauth, signIn } = setup();
        const done = signIn.signIn();
        let settled = false;
        done.then(
            () => (settled = true),
            () => (settled = true)
        );
        await flush();
        host.post('https://evil.example.com', answer());
        host.post('https://acme.lightning.force.com', answer());
        host.post('http://acme--c.vf.force.com', answer());
        await flush();
        expect(settled).toBe(false);
        expect(oauth.completed).toEqual([]);
        host.post(PAGE_ORIGIN, answer());
        await done;
        expect(oauth.completed).toHaveLength(1);
    });

    it('BX-5 ignores a message with another state or of another kind, then completes with the matching one', async () => {
        const { host, oauth, signIn } = setup();
        const done = signIn.signIn();
        let settled = false;
        done.then(
            () => (settled = true),
            () => (settled = true)
        );
        await flush();
        host.post(PAGE_ORIGIN, answer({ state: 'an-older-sign-in', code: 'stale-code' }));
        host.post(PAGE_ORIGIN, answer({ state: undefined }));
        host.post(PAGE_ORIGIN, answer({ type: 'something-else' }));
        host.post(PAGE_ORIGIN, 'code-123');
        host.post(PAGE_ORIGIN, null);
        await flush();
        expect(settled).toBe(false);
        host.post(PAGE_ORIGIN, answer());
        await done;
        expect(oauth.completed.map((c) => c.code)).toEqual(['code-123']);
    });

    it("BX-5 CXone's refusal ends the sign-in with its error code and nothing of its description", async () => {
        const { host, oauth, signIn } = setup();
        const done = signIn.signIn();
        await flush();
        host.post(PAGE_ORIGIN, answer({ code: '', error: 'access_denied', error_description: 'user jane@x said no' }));
        const error = await done.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DialerError);
        expect(error).toMatchObject({ code: 'Unauthorized', message: 'CXone refused the sign-in (access_denied)' });
        expect(oauth.completed).toEqual([]);
        expect(host.popups[0].closed).toBe(true);
    });

    it('BX-5 a matching answer without a usable code fails as a protocol error, never echoing it', async () => {
        const { host, signIn } = setup();
        const done = signIn.signIn();
        await flush();
        host.post(PAGE_ORIGIN, answer({ code: '<img src=x onerror=alert(1)>' }));
        await expect(done).rejects.toMatchObject({ code: 'Protocol', message: 'the sign-in page sent no usable code' });
    });

    it('BX-5 a closed sign-in window ends the wait, and the next click opens a new one', async () => {
        const { host, clock, signIn } = setup();
        const done = signIn.signIn();
        await flush();
        host.popups[0].closed = true;
        clock.advance(CLOSED_POLL_MS);
        await expect(done).rejects.toMatchObject({ code: 'Rejected' });
        expect(host.listening).toBe(0);
        const again = signIn.signIn();
        expect(host.popups).toHaveLength(2);
        await flush();
        host.post(PAGE_ORIGIN, answer());
        await expect(again).resolves.toBeUndefined();
    });

    it('BX-5 gives up after the time-out and closes the window', async () => {
        const { host, clock, signIn } = setup();
        const done = signIn.signIn();
        await flush();
        clock.advance(10_000);
        // One look at the window and the time-out wait, however long the agent takes.
        expect(clock.pendingCount).toBe(2);
        clock.advance(SIGN_IN_TIMEOUT_MS);
        await expect(done).rejects.toMatchObject({ code: 'Timeout', retryable: true });
        expect(host.popups[0].closed).toBe(true);
        expect(clock.pendingCount).toBe(0);
        expect(host.listening).toBe(0);
    });

    it('BX-5 a blocked popup is refused at once with what to do', async () => {
        const { host, oauth, signIn } = setup();
        host.blocked = true;
        await expect(signIn.signIn()).rejects.toMatchObject({
            code: 'Rejected',
            message: 'the browser blocked the sign-in window; allow pop-ups for Salesforce'
        });
        expect(oauth.beginAuthorization).not.toHaveBeenCalled();
    });

    it('BX-5 a second click while signing in opens no second window', async () => {
        const { host, signIn } = setup();
        const first = signIn.signIn();
        const second = signIn.signIn();
        expect(second).toBe(first);
        expect(host.popups).toHaveLength(1);
        await flush();
        host.post(PAGE_ORIGIN, answer());
        await first;
    });

    it('BX-5 a refresh that CXone refuses asks the agent to sign in again', async () => {
        const { host, signIn } = setup();
        const done = signIn.signIn();
        await flush();
        host.post(PAGE_ORIGIN, answer());
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
        const { host, signIn, created } = setup({
            authHost: 'https://cxone.niceincontact.com/',
            authorizeEndpoint: '',
            tokenEndpoint: '',
            fetch: fetchFn
        });
        const done = signIn.signIn();
        await flush();
        await flush();
        expect(fetchFn).toHaveBeenCalledWith('https://cxone.niceincontact.com/.well-known/openid-configuration', {
            headers: { Accept: 'application/json' }
        });
        expect(created[0]).toMatchObject({
            authorizeEndpoint: 'https://cxone.niceincontact.com/auth/authorize',
            tokenEndpoint: 'https://cxone.niceincontact.com/auth/token'
        });
        host.post(PAGE_ORIGIN, answer());
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
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1];

    function runPage(hostname: string, search: string, opener: { postMessage: jest.Mock } | null) {
        const shown: string[] = [];
        const win = {
            location: { hostname, search, pathname: '/apex/PersonalConnectionSignIn' },
            history: { replaceState: jest.fn() },
            opener,
            close: jest.fn()
        };
        const doc = {
            getElementById: (id: string) => ({
                set hidden(value: boolean) {
                    if (!value) shown.push(id);
                }
            })
        };
        // eslint-disable-next-line no-new-func -- runs the page's own script, as shipped, against stand-ins.
        new Function('window', 'document', script)(win, doc);
        return { win, shown };
    }

    it('BX-5 posts the code and state to the console origin only, clears the address bar and closes', () => {
        const opener = { postMessage: jest.fn() };
        const { win, shown } = runPage('acme--c.vf.force.com', '?code=code-123&state=S1', opener);
        expect(opener.postMessage).toHaveBeenCalledWith(
            { type: SIGN_IN_MESSAGE_TYPE, state: 'S1', code: 'code-123', error: '' },
            'https://acme.lightning.force.com'
        );
        expect(win.history.replaceState).toHaveBeenCalledWith(null, '', '/apex/PersonalConnectionSignIn');
        expect(win.close).toHaveBeenCalled();
        expect(shown).toEqual(['pc-signin-done']);
    });

    it('BX-5 the page and the console agree on each other origin, sandboxes included', () => {
        for (const lightning of ['https://acme.lightning.force.com', 'https://acme--uat.sandbox.lightning.force.com']) {
            const opener = { postMessage: jest.fn() };
            runPage(new URL(visualforceOriginFor(lightning)!).hostname, '?code=c&state=s', opener);
            expect(opener.postMessage.mock.calls[0][1]).toBe(lightning);
        }
    });

    it("BX-5 passes CXone's error on, and without an opener posts nothing and says what to do", () => {
        const opener = { postMessage: jest.fn() };
        runPage('acme--c.vf.force.com', '?error=access_denied&state=S1', opener);
        expect(opener.postMessage.mock.calls[0][0]).toMatchObject({ error: 'access_denied', code: '' });

        const alone = runPage('acme--c.vf.force.com', '?code=c&state=s', null);
        expect(alone.shown).toEqual(['pc-signin-failed']);
        expect(alone.win.close).not.toHaveBeenCalled();
    });

    it('BX-5 on a host it does not know it posts nothing', () => {
        const opener = { postMessage: jest.fn() };
        const { shown } = runPage('evil.example.com', '?code=c&state=s', opener);
        expect(opener.postMessage).not.toHaveBeenCalled();
        expect(shown).toEqual(['pc-signin-failed']);
    });
});
