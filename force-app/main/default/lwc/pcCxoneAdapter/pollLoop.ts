/**
 * The long poll (`get-next-event`): exactly one request in flight, the next after the last; a poll with
 * no answer after its time-out plus grace is given up (a silent connection shows Reconnecting within
 * 15 s); failures back off with jitter (first retry within 1 s, capped at 30 s); a 409 rejoins once.
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
        if (result.malformed) {
            this.protocolError('get-next-event answered malformed JSON');
            return null;
        }
        const batch = parsePollBatch(result.body);
        if (!batch.ok) {
            this.protocolError(batch.reason);
            return null;
        }
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
                if (error.code === 'Unauthorized' || error.code === 'Permission') {
                    this.polling = false;
                    this.setConnection(ConnectionStatus.Failed, this.failDetail(error));
                    return;
                }
                attempt += 1;
                if (attempt > this.maxAttempts) {
                    this.polling = false;
                    this.setConnection(
                        ConnectionStatus.Failed,
                        `CXone unreachable after ${this.maxAttempts} attempts; check the network, then reconnect`
                    );
                    return;
                }
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

    /** After a 409: the session id is gone. Rejoin the agent's session once; otherwise it ended. */
    protected async rejoin(gen: number): Promise<boolean> {
        this.setConnection(ConnectionStatus.Reconnecting, 'session ended by CXone; rejoining', 1, this.clock.now());
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
        } catch (e) {
            if (gen !== this.generation) return false;
            const error = asDialerError(e, 'rejoin failed');
            if (error.retryable) {
                // The network is still down: keep the session id and let the back-off loop carry on.
                this.setConnection(ConnectionStatus.Reconnecting, `${error.code}: rejoining`, 1, this.clock.now());
                await this.sleep(this.backoffDelay(1), gen);
                return gen === this.generation;
            }
        }
        this.endSession('the CXone session ended; log in to the dialer again');
        return false;
    }

    protected adoptSession(result: HttpResult): void {
        const id = parseSessionId(result.body);
        if (!id.ok) throw new DialerError('Protocol', id.reason);
        this.sessionId = id.value;
    }
}
