/**
 * CXone events applied to the adapter: contacts through the ContactBook, the agent's state, callbacks;
 * every kind de-duplicated and ordered by one EventOrder (BX-5).
 */
import { AgentStatus, ConnectionStatus, MessageKind } from 'c/pcModel';
import type { AgentMessage, AgentState, Callback } from 'c/pcModel';
import { ContactBook } from './contacts';
import { parseEvent } from './protocol';
import type { AgentStateEvent, CxoneEvent, PromiseKeeperEvent } from './protocol';
import { CxoneReads } from './reads';
import { MAX_LINES, LOGGED_OUT } from './core';

/** The CXone adapter's events layer. */
export abstract class CxoneEventsLayer extends CxoneReads {
    /** Contacts whose invalid fields were reported: once each, though CXone repeats them on every status. */
    private readonly reportedContacts = new Set<string>();

    protected applyBatch(sessionId: string | null, events: readonly unknown[]): void {
        if (sessionId && sessionId !== this.sessionId) {
            // CXone may rotate the session id; every later request must carry the new one.
            this.sessionId = sessionId;
        }
        for (const raw of events) {
            const parsed = parseEvent(raw);
            if (!parsed.ok) {
                this.protocolError(parsed.reason);
                continue;
            }
            try {
                this.applyEvent(parsed.value);
            } catch (e) {
                this.protocolError(`event could not be applied: ${e instanceof Error ? e.name : 'error'}`);
            }
        }
        this.checkWaiters();
    }

    protected applyEvent(event: CxoneEvent): void {
        switch (event.kind) {
            case 'contact':
                if (event.warning && !this.reportedContacts.has(event.contactId)) {
                    this.reportedContacts.add(event.contactId);
                    this.protocolError(event.warning);
                }
                this.emitAll(
                    this.book.apply(event, {
                        actionsFor: (skillId) => this.previewActions.get(skillId) ?? this.caps.previewActions,
                        overrideFor: (id) => this.overrides.get(id),
                        closeReasonFor: (id) => this.closeReasons.get(id),
                        now: () => this.clock.now()
                    })
                );
                return;
            case 'agentState':
                this.applyAgentState(event);
                return;
            case 'sessionStart':
                if (event.agentId && !this.agentId) this.agentId = event.agentId;
                if (event.teamId && !this.teamId) this.teamId = event.teamId;
                return;
            case 'sessionEnd':
                this.endSession('CXone ended the session; log in to the dialer again');
                return;
            case 'mute':
                this.emitAll(this.book.setMuted(event.muted));
                return;
            case 'refreshSkills':
                this.refreshSkills().catch(() => undefined);
                return;
            case 'refreshMessages':
                this.refreshMessages().catch(() => undefined);
                return;
            case 'promiseKeeper':
                this.applyPromiseKeeper(event);
                break;
            default:
                // UpdateCallbacks and the ignored types: the port has nothing to say about them.
                break;
        }
    }

    protected applyAgentState(event: AgentStateEvent): void {
        if (this.resyncing) {
            // Any AgentState, a replay included, says what the agent's state is: resynchronised.
            this.resyncing = false;
            if (this.connection.status === ConnectionStatus.Resynchronising)
                this.setConnection(ConnectionStatus.Connected, 'resynchronised');
        }
        // An AgentState that began before the last one applied is a replay (a retried poll, a rejoin): stale.
        if (event.since !== null && !this.order.accept('agent', event.since, `${event.state}|${event.outReason ?? ''}`))
            return;
        const since = event.since ?? this.clock.now();
        const state = event.state.toLowerCase();
        let next: AgentState;
        if (state === 'dialer' || state === 'dialerpending') {
            // The AgentState may overtake the answer to dialer-login: the skill being logged into is the one.
            if (this.loginSkill) this.workingSkill = this.loginSkill;
            next = {
                status: AgentStatus.Working,
                skillId: this.workingSkill?.id ?? null,
                skillName: this.workingSkill?.name ?? null,
                unavailableCode: null,
                pending: this.pending,
                since
            };
        } else if (['inboundcontact', 'outboundcontact', 'inboundconsult', 'outboundconsult'].includes(state)) {
            // On a call: the agent keeps the status the console showed (Working while on a PC call).
            next = { ...this.agent, pending: this.pending, since: this.agent.since || since };
        } else if (state === 'available') {
            this.pending = null;
            this.workingSkill = null;
            next = { ...LOGGED_OUT, status: AgentStatus.Available, since };
        } else if (state === 'unavailable' || state === 'loggedout' || state === 'logout') {
            this.pending = null;
            this.workingSkill = null;
            // CXone's idle state after a dialer logout is Unavailable without a reason: Logged out of the dialer.
            const code = state === 'unavailable' && event.outReason ? this.codeFor(event.outReason) : null;
            next = code
                ? { ...LOGGED_OUT, status: AgentStatus.Unavailable, unavailableCode: code, since }
                : { ...LOGGED_OUT, since };
        } else {
            this.protocolError(`AgentState with unknown state ${event.state.slice(0, 30)}`);
            return;
        }
        this.setAgent(next);
    }

    protected applyPromiseKeeper(event: PromiseKeeperEvent): void {
        // A replayed PromiseKeeper is the same callback again: announced once.
        if (!this.order.accept(`callback:${event.callbackId}`, event.dueAt, 'due')) return;
        if (event.warning) this.protocolError(event.warning);
        const callback: Callback = {
            id: event.callbackId,
            recordId: event.callbackId,
            contactName: `${event.firstName} ${event.lastName}`.trim(),
            number: event.number,
            deliverTo: event.targetIsAgent ? 'Me' : 'Skill',
            dueAt: event.dueAt,
            timeZone: 'UTC',
            notes: event.notes,
            skillId: event.skillId
        };
        this.emit('callbackDue', callback);
        const key = `cb:${event.callbackId}`;
        if (!this.seenMessages.has(key)) {
            this.seenMessages.add(key);
            const message: AgentMessage = {
                id: key,
                kind: MessageKind.Callback,
                at: this.clock.now(),
                text: callback.contactName ? `Callback: ${callback.contactName}` : 'Callback',
                number: event.number || null
            };
            this.emit('agentMessage', message);
        }
    }

    protected endSession(detail: string): void {
        this.stopPolling();
        this.sessionId = null;
        this.resyncing = false;
        this.emitAll(this.book.clear());
        this.book = new ContactBook(MAX_LINES);
        this.workingSkill = null;
        this.pending = null;
        this.order.clear();
        this.reportedContacts.clear();
        this.setAgent({ ...LOGGED_OUT, since: this.clock.now() });
        this.releaseWaiters();
        this.setConnection(ConnectionStatus.Disconnected, detail);
    }
}
