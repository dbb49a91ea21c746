/**
 * CXone sign-in for the browser: OAuth 2 authorization code with PKCE (S256), behind a small
 * TokenProvider port so the adapter never knows where tokens come from (this flow, Apex, a test).
 * Tokens are held in memory only and never written to a log or an error message.
 */
import { DialerError, systemClock } from 'c/pcDialerPort';
import type { Clock } from 'c/pcDialerPort';

/** Where the adapter gets a bearer token. */
export interface TokenProvider {
    /** The current access token (fetching or refreshing one if needed). */
    getToken(): Promise<string>;
    /** Forces a new access token, after the API answered 401; concurrent calls share one refresh. */
    refresh(): Promise<string>;
}

/** The fetch the auth flow and the adapter use; injected so tests can pass Node's. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The part of Web Crypto PKCE needs; the browser's `window.crypto` and Node's `webcrypto` both fit. */
export interface CryptoLike {
    getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
    readonly subtle: Pick<SubtleCrypto, 'digest'>;
}

/** A PKCE verifier and its S256 challenge. */
export interface PkcePair {
    readonly verifier: string;
    readonly challenge: string;
}

function base64Url(bytes: Uint8Array): string {
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Makes a 43-character verifier and its SHA-256 challenge (RFC 7636). */
export async function createPkcePair(crypto: CryptoLike): Promise<PkcePair> {
    const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

/** The OAuth client as registered in CXone. */
export interface CxoneOAuthOptions {
    /** From `/.well-known/openid-configuration`: authorization_endpoint. */
    readonly authorizeEndpoint: string;
    /** From `/.well-known/openid-configuration`: token_endpoint. */
    readonly tokenEndpoint: string;
    readonly clientId: string;
    readonly redirectUri: string;
    readonly fetch: FetchLike;
    readonly crypto: CryptoLike;
    readonly clock?: Clock;
    readonly tenantId?: string;
    /** Refresh this long before expiry, so a long poll never starts with a token about to lapse. */
    readonly refreshMarginMs?: number;
}

/** What the browser must remember between the redirect and the callback (sessionStorage). */
export interface PendingAuthorization {
    readonly url: string;
    readonly state: string;
    readonly verifier: string;
}

/** OAuth 2 authorization code + PKCE against CXone, and a TokenProvider over its tokens. */
export class CxoneOAuth implements TokenProvider {
    private accessToken: string | null = null;
    private refreshToken: string | null = null;
    private expiresAt = 0;
    private refreshing: Promise<string> | null = null;
    private readonly clock: Clock;

    constructor(private readonly options: CxoneOAuthOptions) {
        this.clock = options.clock ?? systemClock;
    }

    /** Builds the authorize URL; keep `state` and `verifier` until the redirect comes back. */
    async beginAuthorization(display: 'page' | 'popup' = 'page'): Promise<PendingAuthorization> {
        const pkce = await createPkcePair(this.options.crypto);
        const state = base64Url(this.options.crypto.getRandomValues(new Uint8Array(16)));
        const params = new URLSearchParams({
            client_id: this.options.clientId,
            redirect_uri: this.options.redirectUri,
            response_type: 'code',
            scope: 'openid',
            state,
            display,
            code_challenge: pkce.challenge,
            code_challenge_method: 'S256'
        });
        if (this.options.tenantId) params.set('tenantId', this.options.tenantId);
        return { url: `${this.options.authorizeEndpoint}?${params.toString()}`, state, verifier: pkce.verifier };
    }

    /** Completes sign-in with the code from the redirect; `returnedState` must match. */
    async completeAuthorization(pending: PendingAuthorization, code: string, returnedState: string): Promise<void> {
        if (returnedState !== pending.state) throw new DialerError('Unauthorized', 'OAuth state mismatch');
        await this.tokenRequest({
            grant_type: 'authorization_code',
            code,
            redirect_uri: this.options.redirectUri,
            client_id: this.options.clientId,
            code_verifier: pending.verifier
        });
    }

    /** Returns the access token, refreshing it first when it is about to expire. */
    async getToken(): Promise<string> {
        const margin = this.options.refreshMarginMs ?? 60_000;
        if (this.accessToken && this.clock.now() < this.expiresAt - margin) return this.accessToken;
        if (!this.refreshToken) {
            if (this.accessToken) return this.accessToken;
            throw new DialerError('Unauthorized', 'not signed in to CXone');
        }
        return this.refresh();
    }

    /** Exchanges the refresh token for a new access token; concurrent callers share the request. */
    refresh(): Promise<string> {
        if (!this.refreshToken)
            return Promise.reject(new DialerError('Unauthorized', 'no refresh token; sign in again'));
        if (!this.refreshing) {
            const body = {
                grant_type: 'refresh_token',
                scope: 'openid',
                refresh_token: this.refreshToken,
                client_id: this.options.clientId
            };
            this.refreshing = this.tokenRequest(body).finally(() => {
                this.refreshing = null;
            });
        }
        return this.refreshing;
    }

    /** Forgets every token (sign-out). */
    clear(): void {
        this.accessToken = null;
        this.refreshToken = null;
        this.expiresAt = 0;
    }

    private async tokenRequest(form: Record<string, string>): Promise<string> {
        let response: Response;
        try {
            response = await this.options.fetch(this.options.tokenEndpoint, {
                method: 'POST',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
                body: new URLSearchParams(form).toString()
            });
        } catch {
            throw new DialerError('Network', 'token endpoint unreachable', true);
        }
        if (!response.ok) {
            // The body may echo the grant; it is never read into the error.
            throw new DialerError('Unauthorized', `token endpoint answered ${response.status}`, false);
        }
        let body: unknown;
        try {
            body = await response.json();
        } catch {
            throw new DialerError('Protocol', 'token response is not JSON');
        }
        const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
        const access = record.access_token;
        if (typeof access !== 'string' || !access) throw new DialerError('Protocol', 'token response has no token');
        const refresh = record.refresh_token;
        const expiresIn = typeof record.expires_in === 'number' ? record.expires_in : 3600;
        this.accessToken = access;
        if (typeof refresh === 'string' && refresh) this.refreshToken = refresh;
        this.expiresAt = this.clock.now() + expiresIn * 1000;
        return access;
    }
}
