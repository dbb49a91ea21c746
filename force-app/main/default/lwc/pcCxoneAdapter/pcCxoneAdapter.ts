/**
 * The CXone Agent API dialer: a DialerAdapter over the REST endpoints of NICE CXone, called from the
 * browser (the long poll never goes through Apex). Events arrive through one long poll
 * (`get-next-event`) with exactly one request in flight; commands are single REST calls.
 *
 * Reliability rules (BX-2, BX-5):
 * - A dropped poll reconnects with jittered exponential back-off (first retry within 1 s, capped at
 *   30 s) and reports Reconnecting with the attempt and the next retry; a 409 means the session ended,
 *   so the adapter rejoins the agent's session once and otherwise reports the end.
 * - A command is sent at most once. While the connection is down it is refused (NotConnected,
 *   retryable) without being sent. If its answer is lost it rejects as retryable with "outcome
 *   unknown": it is never replayed, because the dialer may have acted; the next events show whether it
 *   did (a preview that turns into a call closes as Accepted, a call that ends shows Ended).
 * - Sharing one session between the agent's tabs is not this adapter's job: pcTabShare wraps it.
 */
import { CallStatus, ConnectionStatus, MachineOverride } from 'c/pcModel';
import type {
    AgentDialRequest,
    AttemptsHistory,
    Callback,
    DialerCapabilities,
    Disposition,
    RescheduleRequest,
    Skill,
    TransferTarget,
    UnavailableCode,
    Unsubscribe
} from 'c/pcModel';
import { DialerError, PreviewClosedReason } from 'c/pcDialerPort';
import type { DialerAdapter, DialerEventHandler, DialerEventName, SessionInfo } from 'c/pcDialerPort';
import type { TokenProvider } from 'c/pcCxoneAuth';
import { CxoneCommands } from './commands';
import { ENDABLE } from './core';

export type { CxoneLogger } from './http';
export type { BackoffOptions, CxoneAdapterOptions } from './core';

/** The DialerAdapter over the CXone Agent API. */
export class CxoneAdapter extends CxoneCommands implements DialerAdapter {
    /** What CXone offers: preview buttons and machine overrides from the skills' settings; no Attempts History. */
    capabilities(): DialerCapabilities {
        return this.caps;
    }

    /** The longest a silent connection goes unnoticed: the poll's time-out plus its grace (BX-5). */
    silenceLimitMs(): number {
        return this.pollTimeoutSeconds * 1000 + this.pollGraceMs;
    }

    /** Subscribes to an event; returns the unsubscribe. */
    on<K extends DialerEventName>(type: K, handler: DialerEventHandler<K>): Unsubscribe {
        return this.events.on(type, handler);
    }

    /** Joins the agent's session (or starts one), reads the current state, then starts the poll. */
    async connect(): Promise<SessionInfo> {
        return this.connectSession();
    }

    /** Stops polling and releases resources; the agent stays logged in to CXone. */
    async disconnect(): Promise<void> {
        this.stopPolling();
        this.releaseWaiters();
        this.setConnection(ConnectionStatus.Disconnected, 'disconnected');
    }

    /** The agent's skills (AV-2). */
    listSkills(): Promise<readonly Skill[]> {
        return this.listSkillsLocal();
    }

    /** The team's unavailable codes (AV-4). */
    listUnavailableCodes(): Promise<readonly UnavailableCode[]> {
        return this.listCodesLocal();
    }

    /** The skill's dispositions (CL-4, BX-7). */
    listDispositions(skillId: string): Promise<readonly Disposition[]> {
        return this.listDispositionsLocal(skillId);
    }

    /** `dialer-login` with the skill's name (AV-2). */
    loginToSkill(skillId: string): Promise<void> {
        return this.loginLocal(skillId);
    }

    /** `dialer-logout`; CXone lets a call in progress finish first (AV-3). */
    logout(): Promise<void> {
        return this.logoutLocal();
    }

    /** Agent state Available (after a dialer logout when working). */
    setAvailable(): Promise<void> {
        return this.setStateLocal(null);
    }

    /** Agent state Unavailable with the code's name as reason (AV-4). */
    setUnavailable(codeId: string): Promise<void> {
        return this.setStateLocal(codeId);
    }

    /** `accept`: the dialer places the call (PV-2). */
    acceptPreview(previewId: string): Promise<void> {
        return this.previewCommand(previewId, 'accept', PreviewClosedReason.Accepted);
    }

    /** `reject`, taken to be CXone's Requeue (PV-3; an assumption, see docs/cxone-setup.md). */
    requeuePreview(previewId: string): Promise<void> {
        return this.previewCommand(previewId, 'reject', PreviewClosedReason.Requeued);
    }

    /** `snooze` (PV-5). */
    snoozePreview(previewId: string): Promise<void> {
        return this.previewCommand(previewId, 'snooze', PreviewClosedReason.Snoozed);
    }

    /** The disposition endpoint with callback number and time (RS-1, RS-3). */
    reschedulePreview(previewId: string, request: RescheduleRequest): Promise<Callback> {
        return this.rescheduleLocal(previewId, request);
    }

    /** A disposition on the preview without dialing (BX-7). */
    dispositionPreview(previewId: string, dispositionId: string, notes: string): Promise<void> {
        return this.previewDispositionLocal(previewId, dispositionId, notes);
    }

    /** `amd-override` with the numeric type (AM-1, AM-2); sent once per call (AM-3). */
    overrideMachine(callId: string, kind: MachineOverride): Promise<void> {
        return this.overrideLocal(callId, kind);
    }

    /** Holds an Active call (CL-4). */
    hold(callId: string): Promise<void> {
        return this.callCommand(callId, 'hold', [CallStatus.Active], CallStatus.Held);
    }

    /** Resumes a Held call (CL-4). */
    resume(callId: string): Promise<void> {
        return this.callCommand(callId, 'resume', [CallStatus.Held], CallStatus.Active);
    }

    /** Mutes the agent's leg (CL-4). */
    mute(callId: string): Promise<void> {
        return this.muteLocal(callId, true);
    }

    /** Unmutes the agent's leg (CL-4). */
    unmute(callId: string): Promise<void> {
        return this.muteLocal(callId, false);
    }

    /** Ends a call (CL-4). */
    endCall(callId: string): Promise<void> {
        return this.callCommand(callId, 'end', ENDABLE, CallStatus.Ended);
    }

    /** Consult to the target, then transfer (CL-4). */
    transfer(callId: string, target: TransferTarget): Promise<void> {
        return this.transferLocal(callId, target);
    }

    /** Saves the disposition of an Ended call (CL-4). */
    disposition(callId: string, dispositionId: string, notes: string): Promise<void> {
        return this.dispositionLocal(callId, dispositionId, notes);
    }

    /** `dial-phone` on the agent's skill (click-to-dial, WU-4); the call arrives through the events. */
    dialNumber(skillId: string, request: AgentDialRequest): Promise<void> {
        return this.dialLocal(skillId, request);
    }

    /** CXone's Agent API has no per-record attempt history: always Unsupported. */
    getAttemptsHistory(_recordId: string): Promise<AttemptsHistory> {
        return Promise.reject(new DialerError('Unsupported', 'CXone supplies no Attempts History'));
    }
}

/** What a console page supplies to build the browser's CXone adapter. */
export interface BrowserCxoneOptions {
    /** The settings record's dialer endpoint: the ACD API base URI. */
    readonly baseUri: string;
    readonly tokenProvider: TokenProvider;
    readonly agentId?: string;
    /** The station setting (phone number, station id or `softphone`). */
    readonly station?: string;
}

/** Builds the adapter for a console page: the page's fetch and the system clock (pcRuntime shares it across tabs). */
export function createBrowserCxoneAdapter(options: BrowserCxoneOptions): CxoneAdapter {
    return new CxoneAdapter({ ...options, fetch: (input, init) => fetch(input, init) });
}
