/**
 * The long poll (`get-next-event`): exactly one request in flight, the next after the last; a poll with
 * no answer after its time-out plus grace is given up (a silent connection shows Reconnecting within
 * 15 s); failures, and answers that are not an event batch, back off with jitter (first retry within 1 s,
 * capped at 30 s); a 409 rejoins the agent's session, retried the same way while CXone is unreachable or
 * restarting.
 */
import { ConnectionStatus } from 'c/pcModel';
import { DialerError } from 'c/pcDialerPort';
import { statusError } from './http';
import type { HttpResult } from './http';
import { parsePollBatch, parseSessionId } from './protocol';
import { CxoneEventsLayer } from './events';
import { V, asDialerError } from './core';

/** The CXone adapter's pollLoop layer. */
export abstract class CxonePolling extends CxoneEventsLayer {
    protected startPolling(): void {
        if (this.polling) return;
        this.polling = true;
        this.pollLoop(this.generation).catch((e: unknown) => this.emit('error', asDialerError(e, 'poll loop failed')));
    }

    protected stopPolling(): void {
        this.generation += 1;
        this.polling = false;
        this.pollCancel.abort?.();
        this.cancelSleep?.();
        this.cancelSleep = null;
        this.wakeSleep?.();
        this.wakeSleep = null;
    }

    /** One get-next-event; null when it answered with no events. */
    protected async pollOnce(
        timeoutSeconds: number
    ): Promise<{ sessionId: string | null; events: readonly unknown[] } | null> {
        const sid = this.sessionId;
        if (!sid) throw new DialerError('NotConnected', 'no session');
        const result = await this.http.send(
            'GET',
            `${V}/agent-sessions/${encodeURIComponent(sid)}/get-next-event?timeout=${timeoutSeconds}`,
            { timeoutMs: timeoutSeconds * 1000 + this.pollGraceMs, cancel: this.pollCancel }
        );
        if (result.status === 204 || result.status === 304) return null;
        if (result.status === 409 || result.status === 404) throw statusError(409, 'get-next-event');
        if (result.status < 200 || result.status >= 300) throw statusError(result.status, 'get-next-event');
        // An answer that is no event batch (a proxy's page, a truncated body) is a failure like a 5xx: polling
        // again at once would ask as fast as the answers come.
        if (result.malformed) throw new DialerError('Protocol', 'get-next-event answered malformed JSON', true);
        const batch = parsePollBatch(result.body);
        if (!batch.ok) throw new DialerError('Protocol', batch.reason, true);
        return batch.value;
    }

    // The poll is sequential by design: exactly one request in flight, the next after the last.
    /* eslint-disable no-await-in-loop */
    protected async pollLoop(gen: number): Promise<void> {
        let attempt = 0;
        let guard = 0;
        while (gen === this.generation) {
            // A safety valve: a poll that returns instantly forever must still yield to the page.
            guard += 1;
            if (guard % 50 === 0) await this.sleep(0, gen);
            try {
                const batch = await this.pollOnce(this.pollTimeoutSeconds);
                if (gen !== this.generation) return;
                if (attempt > 0) {
                    attempt = 0;
                    this.setConnection(this.liveStatus(), 'reconnected');
                }
                if (batch) this.applyBatch(batch.sessionId, batch.events);
            } catch (e) {
                if (gen !== this.generation) return;
                const error = asDialerError(e, 'poll failed');
                if (error.code === 'SessionEnded') {
                    if (await this.rejoin(gen)) {
                        attempt = 0;
                        continue;
                    }
                    return;
                }
                if (this.stopsPolling(error)) return;
                attempt += 1;
                // One message for a run of unreadable answers; the connection's status says the rest.
                if (error.code === 'Protocol' && attempt === 1) this.protocolError(error.message);
                if (this.outOfAttempts(attempt)) return;
                const delay = this.backoffDelay(attempt);
                this.setConnection(
                    ConnectionStatus.Reconnecting,
                    `${error.code}: retrying in ${Math.ceil(delay / 1000)} s`,
                    attempt,
                    this.clock.now() + delay
                );
                await this.sleep(delay, gen);
            }
        }
    }

    /* eslint-enable no-await-in-loop */

    /** Full-jitter exponential back-off in [half, whole] of base * 2^(attempt-1), capped. */
    protected backoffDelay(attempt: number): number {
        const ceiling = Math.min(this.backoffMax, this.backoffBase * 2 ** Math.min(attempt - 1, 20));
        return Math.round(ceiling * (0.5 + 0.5 * this.random()));
    }

    protected sleep(ms: number, gen: number): Promise<void> {
        if (gen !== this.generation) return Promise.resolve();
        return new Promise((resolve) => {
            this.wakeSleep = resolve;
            this.cancelSleep = this.clock.schedule(ms, () => {
                this.cancelSleep = null;
                this.wakeSleep = null;
                resolve();
            });
        });
    }

    /** A sign-in CXone refuses ends the poll: Failed, saying what to do. */
    private stopsPolling(error: DialerError): boolean {
        if (error.code !== 'Unauthorized' && error.code !== 'Permission') return false;
        this.polling = false;
        this.setConnection(ConnectionStatus.Failed, this.failDetail(error));
        return true;
    }

    /** Past the last attempt the poll stops: Failed, until the agent reconnects. */
    private outOfAttempts(attempt: number): boolean {
        if (attempt <= this.maxAttempts) return false;
        this.polling = false;
        this.setConnection(
            ConnectionStatus.Failed,
            `CXone unreachable after ${this.maxAttempts} attempts; check the network, then reconnect`
        );
        return true;
    }

    /**
     * After a 409 the session id is gone: join the agent's session again. While CXone is unreachable or restarting
     * (no answer, 408, 429, 5xx) the join is retried with the poll's back-off, up to its attempts; a join CXone
     * refuses (or answers without a session) ends the session. True once joined, and the poll goes on.
     */
    protected async rejoin(gen: number): Promise<boolean> {
        this.setConnection(ConnectionStatus.Reconnecting, 'session ended by CXone; rejoining', 1, this.clock.now());
        // The joins are sequential by design: one in flight, the next after a back-off.
        /* eslint-disable no-await-in-loop */
        for (let attempt = 1; ; attempt += 1) {
            let error: DialerError;
            try {
                const joined = await this.http.send('POST', `${V}/agent-sessions/join`, {
                    body: this.agentId ? { asAgentId: this.agentId } : {},
                    timeoutMs: this.commandTimeoutMs
                });
                if (gen !== this.generation) return false;
                if (joined.status >= 200 && joined.status < 300) {
                    // The same page rejoins: it kept its state, and the events go on from it.
                    this.adoptSession(joined);
                    this.setConnection(this.liveStatus(), 'rejoined the session');
                    return true;
                }
                error = statusError(joined.status, 'join');
            } catch (e) {
                if (gen !== this.generation) return false;
                error = asDialerError(e, 'rejoin failed');
            }
            if (this.stopsPolling(error)) return false;
            if (!error.retryable) break;
            if (this.outOfAttempts(attempt)) return false;
            const delay = this.backoffDelay(attempt);
            this.setConnection(
                ConnectionStatus.Reconnecting,
                `${error.code}: rejoining in ${Math.ceil(delay / 1000)} s`,
                attempt,
                this.clock.now() + delay
            );
            await this.sleep(delay, gen);
            if (gen !== this.generation) return false;
        }
        /* eslint-enable no-await-in-loop */
        this.endSession('the CXone session ended; log in to the dialer again');
        return false;
    }

    protected adoptSession(result: HttpResult): void {
        const id = parseSessionId(result.body);
        if (!id.ok) throw new DialerError('Protocol', id.reason);
        this.sessionId = id.value;
    }
}
