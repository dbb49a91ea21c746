/**
 * CXone sign-in inside a Lightning page (BX-11). Lightning drops a page's own URL parameters, so a redirect back to the
 * console would lose the OAuth code: the console signs in through a popup instead. Lightning Web Security opens popups
 * with `noopener`, so neither window can reach the other: the popup ends on the package's Visualforce page
 * (PersonalConnectionSignIn), which saves `{ state, code }` in Salesforce and closes, and the console collects the code
 * from Salesforce by the state of the sign-in under way, once. The PKCE verifier never leaves the console, so a code
 * read by anyone else is useless. Tokens stay inside CxoneOAuth, in memory; nothing here logs or reports them.
 */
import { CxoneOAuth } from 'c/pcCxoneAuth';
import type { CryptoLike, CxoneOAuthOptions, FetchLike, PendingAuthorization, TokenProvider } from 'c/pcCxoneAuth';
import { DialerError } from 'c/pcDialerPort';
import type { Clock, DialerSignIn } from 'c/pcDialerPort';
import type { Unsubscribe } from 'c/pcModel';
import type { SignInCollected } from 'c/pcSalesforcePort';

/** The path of the package's sign-in page (the OAuth redirect URI) on the org's Visualforce domain. */
export const SIGN_IN_PAGE_PATH = '/apex/PersonalConnectionSignIn';
/** How long the console waits for the sign-in before giving up (the Apex side keeps an answer as long). */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
/** How often the console asks Salesforce for the sign-in answer, and looks whether the window was closed. */
export const COLLECT_POLL_MS = 1000;

/** The sign-in window, reduced to what the flow touches. */
export interface PopupWindow {
    readonly closed: boolean;
    close(): void;
}

/** The console's window: opening the sign-in popup. */
export interface SignInHost {
    /**
     * Opens the sign-in window at the authorize URL. Returns null when the browser blocked it, and also where the
     * window opens with `noopener` (Lightning Web Security): the flow then only waits for the answer.
     */
    open(url: string): PopupWindow | null;
}

/** The SignInHost over a browser window. */
export function browserSignInHost(win: Window = window): SignInHost {
    return {
        open(url: string): PopupWindow | null {
            const popup = win.open(url, 'pc-cxone-signin', 'popup,width=520,height=720');
            if (!popup) return null;
            return {
                get closed(): boolean {
                    return popup.closed;
                },
                close: () => popup.close()
            };
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
    return `https://${(match[1] ?? '').toLowerCase()}--c.${(match[2] ?? '').toLowerCase()}vf.force.com`;
}

/** Asks Salesforce for the answer the sign-in page saved under a state (the gateway's collectSignIn). */
export type CollectSignIn = (state: string) => Promise<SignInCollected>;

/** What waitForCode needs. */
export interface CodeWait {
    readonly collect: CollectSignIn;
    /** The sign-in window when the browser gave a handle to it; null under `noopener`. */
    readonly popup: PopupWindow | null;
    /** The state of this sign-in: the only key the answer is collected by. */
    readonly state: string;
    readonly clock: Clock;
    readonly timeoutMs?: number;
}

/** How often the console looks whether the sign-in window closed, to ask for the answer at once when it did. */
export const CLOSED_CHECK_MS = 100;

/**
 * Resolves when the next ask is due: after COLLECT_POLL_MS, or as soon as the window is seen closed (the page
 * saves the answer, then closes itself), so the agent does not wait out the rest of a second for nothing.
 */
function nextAsk(wait: CodeWait): Promise<void> {
    return new Promise<void>((resolve) => {
        let waited = 0;
        const look = (): void => {
            waited += CLOSED_CHECK_MS;
            if (waited >= COLLECT_POLL_MS || (wait.popup?.closed ?? false)) resolve();
            else wait.clock.schedule(CLOSED_CHECK_MS, look);
        };
        wait.clock.schedule(CLOSED_CHECK_MS, look);
    });
}

/**
 * Waits for the sign-in answer: asks Salesforce every COLLECT_POLL_MS for the answer saved under `state`; resolves
 * with the code, rejects when CXone refused, when the window was closed with no answer saved, or after the time-out.
 * A failed ask is asked again at the next tick: Salesforce being slow for a moment does not end the sign-in.
 */
export async function waitForCode(wait: CodeWait): Promise<string> {
    const deadline = wait.clock.now() + (wait.timeoutMs ?? SIGN_IN_TIMEOUT_MS);
    // One ask at a time, in order: each waits for the last answer before the next tick.
    /* eslint-disable no-await-in-loop */
    for (;;) {
        await nextAsk(wait);
        // Read before asking: the page saves, then closes, so a closed window still gets this last ask.
        const closed = wait.popup?.closed ?? false;
        let answer: SignInCollected | null = null;
        try {
            answer = await wait.collect(wait.state);
        } catch {
            answer = null;
        }
        if (answer?.status === 'code') return answer.code;
        if (answer?.status === 'error') {
            throw new DialerError('Unauthorized', `CXone refused the sign-in (${answer.error})`);
        }
        if (answer?.status === 'expired') {
            throw new DialerError('Timeout', 'sign-in took too long; click Sign in to CXone again', true);
        }
        if (closed) throw new DialerError('Rejected', 'the sign-in window was closed before sign-in finished');
        if (wait.clock.now() >= deadline) {
            throw new DialerError('Timeout', 'sign-in took too long; click Sign in to CXone again', true);
        }
    }
    /* eslint-enable no-await-in-loop */
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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
    /** Where the sign-in page's answer is collected from (Salesforce, through the gateway). */
    readonly collect: CollectSignIn;
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
    private prepared: Promise<PendingAuthorization> | null = null;

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

    /**
     * Opens the sign-in window (call it from the click), then completes the sign-in; one at a time. The authorize URL
     * is prepared as soon as a sign-in is needed, so the window opens synchronously inside the click.
     */
    signIn(): Promise<void> {
        if (this.running) return this.running;
        this.running = this.run().finally(() => {
            this.running = null;
            // A failed sign-in leaves the agent to click again: have the next authorize URL ready for that click.
            if (this.required && !this.prepared) this.prepared = this.prepare();
        });
        return this.running;
    }

    private async run(): Promise<void> {
        const prepared = this.prepared;
        this.prepared = null;
        const pending = prepared ? await prepared : await this.prepare();
        const popup = this.options.host.open(pending.url);
        try {
            const code = await waitForCode({
                collect: this.options.collect,
                popup,
                state: pending.state,
                clock: this.options.clock,
                timeoutMs: this.options.timeoutMs
            });
            const oauth = await this.client();
            await oauth.completeAuthorization(pending, code, pending.state);
            this.setRequired(false);
        } finally {
            if (popup && !popup.closed) popup.close();
        }
    }

    // A fresh state and verifier for each sign-in; a failed preparation is tried again at the click.
    private prepare(): Promise<PendingAuthorization> {
        const pending = this.client().then((oauth) => oauth.beginAuthorization('popup'));
        pending.catch(() => {
            if (this.prepared === pending) this.prepared = null;
        });
        return pending;
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
        // Ready before the click: a window opened after an await may be blocked as not the agent's doing.
        if (required && !this.prepared && !this.running) this.prepared = this.prepare();
        for (const listener of [...this.listeners]) listener(required);
    }
}
