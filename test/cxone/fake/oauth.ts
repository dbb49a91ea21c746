/**
 * The CXone fake's OAuth: the authorize endpoint (authorization code with PKCE, S256 only), the token endpoint
 * (code and refresh grants), and the set of access tokens the API accepts.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Answer, FakeMetrics } from './types';

/** The token endpoint's path. */
export const TOKEN_PATH = '/public/authentication/v1/token';
/** The authorize endpoint's path. */
export const AUTHORIZE_PATH = '/auth/authorize';

/** Base64url without padding, as PKCE and the fake's ids use it. */
export function b64url(buf: Buffer): string {
    return buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Tokens, codes and the two endpoints' rules. */
export class FakeOAuth {
    private readonly validTokens = new Set<string>();
    private readonly refreshTokens = new Set<string>();
    private readonly codes = new Map<string, string>();

    /** Counts the tokens it issues in `metrics`. */
    constructor(private readonly metrics: FakeMetrics) {}

    /** Issues an access token and a refresh token. */
    issueToken(): { access: string; refresh: string } {
        const access = b64url(randomBytes(12));
        const refresh = b64url(randomBytes(12));
        this.validTokens.add(access);
        this.refreshTokens.add(refresh);
        this.metrics.tokensIssued += 1;
        return { access, refresh };
    }

    /** Whether an Authorization header carries a valid bearer token. */
    accepts(authorization: string): boolean {
        const token = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
        return this.validTokens.has(token);
    }

    /** Every access token expires at once (refresh tokens stay good). */
    expireAccessTokens(): void {
        this.validTokens.clear();
    }

    /** The authorize endpoint: a redirect with a code bound to the PKCE challenge, or a 400 without one. */
    authorize(url: URL): Answer | { location: string } {
        const challenge = url.searchParams.get('code_challenge') ?? '';
        if (url.searchParams.get('code_challenge_method') !== 'S256' || !challenge) {
            return { status: 400, body: { error: 'pkce required' } };
        }
        const code = b64url(randomBytes(9));
        this.codes.set(code, challenge);
        const redirect = new URL(url.searchParams.get('redirect_uri') ?? 'http://127.0.0.1/cb');
        redirect.searchParams.set('code', code);
        redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
        return { location: redirect.toString() };
    }

    /** The token endpoint: a code whose verifier matches its challenge, or a known refresh token, gets tokens. */
    token(body: string): Answer {
        const form = new URLSearchParams(body);
        const grant = form.get('grant_type');
        if (grant === 'authorization_code') {
            const challenge = this.codes.get(form.get('code') ?? '');
            const verifier = form.get('code_verifier') ?? '';
            const computed = b64url(createHash('sha256').update(verifier).digest());
            if (!challenge || computed !== challenge) return { status: 400, body: { error: 'invalid_grant' } };
            this.codes.delete(form.get('code') ?? '');
        } else if (grant === 'refresh_token') {
            if (!this.refreshTokens.has(form.get('refresh_token') ?? '')) {
                return { status: 400, body: { error: 'invalid_grant' } };
            }
        } else {
            return { status: 400, body: { error: 'unsupported_grant_type' } };
        }
        const issued = this.issueToken();
        return {
            status: 200,
            body: { access_token: issued.access, refresh_token: issued.refresh, token_type: 'Bearer', expires_in: 3600 }
        };
    }
}
