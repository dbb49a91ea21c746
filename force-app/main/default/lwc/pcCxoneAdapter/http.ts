/**
 * HTTP to the CXone Agent API: bearer auth with one refresh-and-replay on 401 (a 401 means the request
 * was refused unread, so replaying it cannot act twice), a hard deadline per request, and every
 * failure reduced to a DialerError. Nothing here retries anything else: that is the adapter's decision.
 */
import { DialerError } from 'c/pcDialerPort';
import type { Clock } from 'c/pcDialerPort';
import type { FetchLike, TokenProvider } from 'c/pcCxoneAuth';

/** A response: its status and the JSON body (null when empty or not JSON; `malformed` says which). */
export interface HttpResult {
    readonly status: number;
    readonly body: unknown;
    readonly malformed: boolean;
}

/** What the adapter logs: technical events only, never tokens, numbers or names. */
export interface CxoneLogger {
    warn(message: string): void;
}

/** Options of one request. */
export interface RequestOptions {
    readonly body?: unknown;
    readonly timeoutMs: number;
    /** Lets the caller abort (disconnect); aborted requests reject with NotConnected. */
    readonly cancel?: { abort: (() => void) | null };
}

/** Joins a base URI and an API path like `v23.0/agent-sessions`. */
export function apiUrl(baseUri: string, path: string): string {
    return `${baseUri.replace(/\/+$/, '')}/InContactAPI/services/${path.replace(/^\/+/, '')}`;
}

/** The error a non-2xx status means; 409 is the session's end (CXone Agent API convention). */
export function statusError(status: number, what: string): DialerError {
    if (status === 401) return new DialerError('Unauthorized', `${what}: 401 after token refresh`);
    if (status === 403) return new DialerError('Permission', `${what}: 403`);
    if (status === 404) return new DialerError('NotFound', `${what}: 404`);
    if (status === 409) return new DialerError('SessionEnded', `${what}: 409 session ended`);
    if (status === 408 || status === 504) return new DialerError('Timeout', `${what}: ${status}`, true);
    if (status === 429 || status >= 500) return new DialerError('Unavailable', `${what}: ${status}`, true);
    return new DialerError('Rejected', `${what}: ${status}`);
}

/** The HTTP client. */
export class CxoneHttp {
    constructor(
        private readonly baseUri: string,
        private readonly fetchFn: FetchLike,
        private readonly tokens: TokenProvider,
        private readonly clock: Clock
    ) {}

    /** Sends one request; 401 refreshes the token and replays exactly once. */
    async send(method: string, path: string, options: RequestOptions): Promise<HttpResult> {
        const first = await this.attempt(method, path, options, await this.token(false));
        if (first.status !== 401) return first;
        return this.attempt(method, path, options, await this.token(true));
    }

    private async token(refresh: boolean): Promise<string> {
        try {
            return refresh ? await this.tokens.refresh() : await this.tokens.getToken();
        } catch (e) {
            if (e instanceof DialerError) throw e;
            throw new DialerError('Unauthorized', 'token provider failed');
        }
    }

    private async attempt(method: string, path: string, options: RequestOptions, token: string): Promise<HttpResult> {
        const controller = new AbortController();
        let timedOut = false;
        let cancelled = false;
        const cancelTimer = this.clock.schedule(options.timeoutMs, () => {
            timedOut = true;
            controller.abort();
        });
        if (options.cancel) {
            options.cancel.abort = () => {
                cancelled = true;
                controller.abort();
            };
        }
        const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
        if (options.body !== undefined) headers['Content-Type'] = 'application/json';
        try {
            const response = await this.fetchFn(apiUrl(this.baseUri, path), {
                method,
                headers,
                body: options.body === undefined ? undefined : JSON.stringify(options.body),
                signal: controller.signal
            });
            const text = await response.text();
            let body: unknown = null;
            let malformed = false;
            if (text.trim() !== '') {
                try {
                    body = JSON.parse(text);
                } catch {
                    malformed = true;
                }
            }
            return { status: response.status, body, malformed };
        } catch {
            if (cancelled) throw new DialerError('NotConnected', `${method} cancelled`);
            if (timedOut) throw new DialerError('Timeout', `${method} no answer in ${options.timeoutMs} ms`, true);
            throw new DialerError('Network', `${method} connection failed`, true);
        } finally {
            cancelTimer();
            if (options.cancel) options.cancel.abort = null;
        }
    }
}
