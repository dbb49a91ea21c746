/** Starting or joining the agent's CXone session, with the station setting, and the first poll after it. */
import { ConnectionStatus } from 'c/pcModel';
import { DialerError } from 'c/pcDialerPort';
import type { SessionInfo } from 'c/pcDialerPort';
import { statusError } from './http';
import { parseStation } from './protocol';
import { CxonePolling } from './pollLoop';
import { V, asDialerError } from './core';

/** The CXone adapter's session layer. */
export abstract class CxoneSession extends CxonePolling {
    protected async connectSession(): Promise<SessionInfo> {
        this.stopPolling();
        const gen = this.generation;
        this.setConnection(ConnectionStatus.Connecting, 'connecting');
        let joined: boolean;
        try {
            joined = await this.openSession();
            this.resyncing = joined;
            // The first poll after a start or join: CXone may replay the current state in it; where it does
            // not, the connection says Resynchronising until an AgentState arrives.
            const batch = await this.pollOnce(1);
            if (gen !== this.generation) throw new DialerError('NotConnected', 'connect superseded');
            if (batch) this.applyBatch(batch.sessionId, batch.events);
        } catch (e) {
            const error = asDialerError(e, 'connect failed');
            if (gen === this.generation) {
                this.setConnection(ConnectionStatus.Failed, this.failDetail(error));
            }
            throw error;
        }
        await this.loadSkillOptions();
        this.setConnection(this.liveStatus(), joined ? 'joined the existing session' : 'session started');
        this.startPolling();
        return this.sessionInfo(joined);
    }

    protected sessionInfo(joined: boolean): SessionInfo {
        return {
            sessionId: this.sessionId ?? '',
            agentId: this.agentId ?? '',
            joined,
            agent: this.agent,
            calls: this.book.calls(),
            preview: this.book.preview()
        };
    }

    /** Joins the agent's session where one exists (a refresh, BX-2), else starts one. */
    protected async openSession(): Promise<boolean> {
        const join = await this.http.send('POST', `${V}/agent-sessions/join`, {
            body: this.agentId ? { asAgentId: this.agentId } : {},
            timeoutMs: this.commandTimeoutMs
        });
        if (join.status >= 200 && join.status < 300) {
            this.adoptSession(join);
            return true;
        }
        if (![400, 404, 409].includes(join.status)) throw statusError(join.status, 'join session');
        const station = parseStation(this.options.station ?? '');
        const body: Record<string, string> = { ...station };
        if (this.agentId) body.asAgentId = this.agentId;
        const start = await this.http.send('POST', `${V}/agent-sessions`, { body, timeoutMs: this.commandTimeoutMs });
        if (start.status >= 200 && start.status < 300) {
            this.adoptSession(start);
            return false;
        }
        if (start.status === 400 && !station.stationId && !station.stationPhoneNumber) {
            throw new DialerError(
                'Rejected',
                "CXone needs the agent's station to start a session; ask the admin to set it"
            );
        }
        throw statusError(start.status, 'start session');
    }
}
