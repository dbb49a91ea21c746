/**
 * CXone sign-in inside a Lightning page. Lightning drops a page's own URL parameters, so a redirect back to the console
 * would lose the OAuth code: the console signs in through a popup instead. The popup ends on the package's
 * Visualforce page (PersonalConnectionSignIn), which posts `{ type, code, state }` to the console window and closes.
 * A message counts only when it comes from the sign-in page's origin and carries the state of the sign-in under way;
 * anything else is ignored. Tokens stay inside CxoneOAuth, in memory; nothing here logs or reports them.
 */
import { CxoneOAuth } from 'c/pcCxoneAuth';
import type { CryptoLike, CxoneOAuthOptions, FetchLike, PendingAuthorization, TokenProvider } from 'c/pcCxoneAuth';
import { DialerError } from 'c/pcDialerPort';
import type { Clock, DialerSignIn } from 'c/pcDialerPort';
import type { Unsubscribe } from 'c/pcModel';

/** The `type` of the message the sign-in page posts to the console. */
export const SIGN_IN_MESSAGE_TYPE = 'pc-cxone-signin';
/** The path of the package's sign-in page (the OAuth redirect URI) on the org's Visualforce domain. */
export const SIGN_IN_PAGE_PATH = '/apex/PersonalConnectionSignIn';
/** How long the console waits for the sign-in window before giving up. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
/** How often the console looks whether the agent closed the sign-in window. */
export const CLOSED_POLL_MS = 500;

/** The sign-in window, reduced to what the flow touches. */
export interface PopupWindow {
    readonly closed: boolean;
    close(): void;
    /** Sends the window to the authorize URL: it opens blank inside the click, before that URL is known. */
    navigate(url: string): void;
}

/** A `message` event as the flow reads it. */
export interface SignInMessage {
    readonly origin: string;
    readonly data: unknown;
}

/** The console's window: opening the sign-in popup and hearing its message. */
export interface SignInHost {
    /** Opens the (blank) sign-in window, or returns null when the browser blocked it. */
    open(): PopupWindow | null;
    /** Listens to `message` events; returns the unsubscribe. */
    onMessage(listener: (message: SignInMessage) => void): Unsubscribe;
}

/** The SignInHost over a browser window. */
export function browserSignInHost(win: Window = window): SignInHost {
    return {
        open(): PopupWindow | null {
            // A blank window first: popups are allowed only inside the click, and the authorize URL needs an await.
            const popup = win.open('', 'pc-cxone-signin', 'popup,width=520,height=720');
            if (!popup) return null;
            return {
                get closed(): boolean {
                    return popup.closed;
                },
                close: () => popup.close(),
                navigate: (url: string) => {
                    popup.location.href = url;
                }
            };
        },
        onMessage(listener: (message: SignInMessage) => void): Unsubscribe {
            const handler = (event: MessageEvent): void => listener({ origin: event.origin, data: event.data });
            win.addEventListener('message', handler);
            return () => win.removeEventListener('message', handler);
        }
    };
}

const LIGHTNING_HOST = /^https:\/\/([a-z0-9-]+)\.((?:[a-z0-9]+\.)?)lightning\.force\.com$/i;

/**
 * The Visualforce origin that serves the package's pages for a Lightning origin (enhanced domains):
 * `https://acme.lightning.force.com` → `https://acme--c.vf.force.com`, and
 * `https://acme--uat.sandbox.lightning.force.com` → `https://acme--uat--c.sandbox.vf.force.com`. Null otherwise.
 */
export function visualforceOriginFor(lightningOrigin: string): string | null {
    const match = LIGHTNING_HOST.exec(lightningOrigin);
    if (!match) return null;
    return `https://${match[1]!.toLowerCase()}--c.${match[2]!.toLowerCase()}vf.force.com`;
}

/** What the sign-in page answered: the code, already matched to the state of this sign-in. */
export interface SignInAnswer {
    readonly code: string;
    readonly state: string;
}

/** An authorization code as OAuth servers issue them: URL-safe text of bounded length. */
const CODE = /^[A-Za-z0-9._~+/=-]{1,4096}$/;
/** An OAuth error code (RFC 6749 §4.1.2.1), safe to show. */
const OAUTH_ERROR = /^[a-z_]{1,64}$/;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What waitForAnswer needs. */
export interface AnswerWait {
    readonly host: SignInHost;
    readonly popup: PopupWindow;
    /** The sign-in page's origin; messages from any other origin are ignored. */
    readonly origin: string;
    /** The state of this sign-in; messages with any other state are ignored. */
    readonly state: string;
    readonly clock: Clock;
    readonly timeoutMs?: number;
}

/**
 * Waits for the sign-in page's message: resolves with the code of a message from `origin` whose state matches, rejects
 * when that message carries an error, when the window closes first, or after the time-out. Listening starts at once, so
 * call it before the popup is sent to the authorize URL.
 */
export function waitForAnswer(wait: AnswerWait): Promise<SignInAnswer> {
    return new Promise<SignInAnswer>((resolve, reject) => {
        let done = false;
        const cleanups: (() => void)[] = [];
        const finish = (outcome: () => void): void => {
            if (done) return;
            done = true;
            for (const cleanup of cleanups) cleanup();
            outcome();
        };
        cleanups.push(
            wait.host.onMessage((message) => {
                // Origin first: nothing from another page is even read.
                if (message.origin !== wait.origin) return;
                const data = message.data;
                if (!isRecord(data) || data.type !== SIGN_IN_MESSAGE_TYPE) return;
                if (typeof data.state !== 'string' || data.state !== wait.state) return;
                const error = data.error;
                if (typeof error === 'string' && error !== '') {
                    const shown = OAUTH_ERROR.test(error) ? error : 'error';
                    finish(() => reject(new DialerError('Unauthorized', `CXone refused the sign-in (${shown})`)));
                    return;
                }
                const code = data.code;
                if (typeof code !== 'string' || !CODE.test(code)) {
                    finish(() => reject(new DialerError('Protocol', 'the sign-in page sent no usable code')));
                    return;
                }
                finish(() => resolve({ code, state: data.state as string }));
            })
        );
        // One poll timer at a time, re-armed after each look.
        let cancelPoll: () => void = () => undefined;
        const watchClosed = (): void => {
            cancelPoll = wait.clock.schedule(CLOSED_POLL_MS, () => {
                if (done) return;
                if (wait.popup.closed) {
                    finish(() =>
                        reject(new DialerError('Rejected', 'the sign-in window was closed before sign-in finished'))
                    );
                    return;
                }
                watchClosed();
            });
        };
        watchClosed();
        cleanups.push(() => cancelPoll());
        const cancelTimeout = wait.clock.schedule(wait.timeoutMs ?? SIGN_IN_TIMEOUT_MS, () =>
            finish(() =>
                reject(new DialerError('Timeout', 'sign-in took too long; click Sign in to CXone again', true))
            )
        );
        cleanups.push(cancelTimeout);
    });
}

/** The OAuth client the sign-in drives; CxoneOAuth in the org, a stand-in in tests. */
export type OAuthClient = Pick<CxoneOAuth, 'beginAuthorization' | 'completeAuthorization' | 'getToken' | 'refresh'>;

/** Where CXone's sign-in lives: an auth host to discover from, or both endpoints. */
export interface CxoneSignInConfig {
    readonly authHost: string;
    readonly authorizeEndpoint: string;
    readonly tokenEndpoint: string;
    readonly clientId: string;
    readonly tenantId: string;
    /** The redirect URI registered in CXone: the sign-in page. */
    readonly redirectUri: string;
    /** The origin the sign-in page posts from (the redirect URI's). */
    readonly pageOrigin: string;
}

/** What CxoneSignIn is built from. */
export interface CxoneSignInOptions extends CxoneSignInConfig {
    readonly host: SignInHost;
    readonly fetch: FetchLike;
    readonly crypto: CryptoLike;
    readonly clock: Clock;
    readonly timeoutMs?: number;
    /** Builds the OAuth client once the endpoints are known; CxoneOAuth by default. */
    readonly createOAuth?: (options: CxoneOAuthOptions) => OAuthClient;
}

/** The endpoints the auth host's OpenID configuration names; both must be https. */
export async function discoverEndpoints(
    fetchFn: FetchLike,
    authHost: string
): Promise<{ readonly authorize: string; readonly token: string }> {
    const url = `${authHost.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let response: Response;
    try {
        response = await fetchFn(url, { headers: { Accept: 'application/json' } });
    } catch {
        throw new DialerError('Network', 'CXone sign-in configuration unreachable', true);
    }
    if (!response.ok) throw new DialerError('Protocol', `CXone sign-in configuration answered ${response.status}`);
    let body: unknown;
    try {
        body = await response.json();
    } catch {
        throw new DialerError('Protocol', 'CXone sign-in configuration is not JSON');
    }
    const record = isRecord(body) ? body : {};
    const authorize = httpsUrl(record.authorization_endpoint);
    const token = httpsUrl(record.token_endpoint);
    if (!authorize || !token) throw new DialerError('Protocol', 'CXone sign-in configuration names no https endpoints');
    return { authorize, token };
}

function httpsUrl(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    try {
        const url = new URL(value);
        return url.protocol === 'https:' && !url.username && !url.password ? value : null;
    } catch {
        return null;
    }
}

/**
 * The CXone TokenProvider of an org console, and its DialerSignIn: it has no token until the agent signs in through
 * the popup, says so (isRequired) when the adapter asks for one it cannot give, and lets one sign-in run at a time.
 */
export class CxoneSignIn implements TokenProvider, DialerSignIn {
    private oauth: OAuthClient | null = null;
    private required = false;
    private running: Promise<void> | null = null;
    private readonly listeners = new Set<(required: boolean) => void>();

    constructor(private readonly options: CxoneSignInOptions) {}

    /** True while the adapter has asked for a token this provider could not give. */
    isRequired(): boolean {
        return this.required;
    }

    /** Calls the listener when isRequired() changes. */
    onChange(listener: (required: boolean) => void): Unsubscribe {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    /** The current token; rejects Unauthorized (and asks for a sign-in) when there is none. */
    async getToken(): Promise<string> {
        if (!this.oauth) {
            this.setRequired(true);
            throw new DialerError('Unauthorized', 'not signed in to CXone');
        }
        return this.watch(this.oauth.getToken());
    }

    /** A new token after a 401; rejects Unauthorized (and asks for a sign-in) when it cannot refresh. */
    async refresh(): Promise<string> {
        if (!this.oauth) {
            this.setRequired(true);
            throw new DialerError('Unauthorized', 'not signed in to CXone');
        }
        return this.watch(this.oauth.refresh());
    }

    /** Opens the sign-in window at once (call it from the click), then completes the sign-in; one at a time. */
    signIn(): Promise<void> {
        if (this.running) return this.running;
        const popup = this.options.host.open();
        if (!popup) {
            return Promise.reject(
                new DialerError('Rejected', 'the browser blocked the sign-in window; allow pop-ups for Salesforce')
            );
        }
        this.running = this.run(popup).finally(() => {
            this.running = null;
        });
        return this.running;
    }

    private async run(popup: PopupWindow): Promise<void> {
        try {
            const oauth = await this.client();
            const pending: PendingAuthorization = await oauth.beginAuthorization('popup');
            const answer = waitForAnswer({
                host: this.options.host,
                popup,
                origin: this.options.pageOrigin,
                state: pending.state,
                clock: this.options.clock,
                timeoutMs: this.options.timeoutMs
            });
            popup.navigate(pending.url);
            const { code, state } = await answer;
            await oauth.completeAuthorization(pending, code, state);
            this.setRequired(false);
        } finally {
            if (!popup.closed) popup.close();
        }
    }

    private async client(): Promise<OAuthClient> {
        if (this.oauth) return this.oauth;
        const o = this.options;
        let authorize = o.authorizeEndpoint;
        let token = o.tokenEndpoint;
        if (!authorize || !token) {
            const found = await discoverEndpoints(o.fetch, o.authHost);
            authorize = authorize || found.authorize;
            token = token || found.token;
        }
        const create = o.createOAuth ?? ((options: CxoneOAuthOptions): OAuthClient => new CxoneOAuth(options));
        this.oauth = create({
            authorizeEndpoint: authorize,
            tokenEndpoint: token,
            clientId: o.clientId,
            redirectUri: o.redirectUri,
            fetch: o.fetch,
            crypto: o.crypto,
            clock: o.clock,
            tenantId: o.tenantId || undefined
        });
        return this.oauth;
    }

    private async watch(token: Promise<string>): Promise<string> {
        try {
            return await token;
        } catch (e) {
            if (e instanceof DialerError && e.code === 'Unauthorized') this.setRequired(true);
            throw e;
        }
    }

    private setRequired(required: boolean): void {
        if (this.required === required) return;
        this.required = required;
        for (const listener of [...this.listeners]) listener(required);
    }
}
