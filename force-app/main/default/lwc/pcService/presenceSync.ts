/**
 * Omni-Channel presence in step with the dialer's agent state (WU-5), as the admin chooses:
 *
 * - DialerLeads: every dialer state change sets the mapped Omni-Channel status; Omni-Channel changes stay there.
 * - SalesforceLeads: every Omni-Channel change sets the mapped dialer state; when the agent logs in to a skill the
 *   dialer takes Omni-Channel's current status. A call still shows as busy, and the status before it comes back.
 * - Both: each side's change sets the other. Conflicts: the latest change wins (a change that arrives while the
 *   other side's command is in flight is applied once it settles); at login the dialer leads; a call always shows
 *   as busy, and a status the agent picks in Omni-Channel during the call goes to the dialer, which applies it once
 *   the call ends (AV-4).
 * - Off: nothing is synchronised.
 *
 * Loop safety: a change this console made on one side is never mirrored back (the echo of an Omni-Channel status
 * it set, the dialer state it asked for), and a side that already shows the target is not sent anything. One
 * command per side is in flight; changes meanwhile are coalesced, the latest sent once it settles. A failure is
 * shown once (it replaces an earlier presence failure) with Retry (UB-6); the dialer never waits for Omni-Channel.
 */
import type { Clock } from 'c/pcDialerPort';
import type {
    CommandResult,
    ConsoleError,
    ConsoleState,
    ErrorCode,
    PresenceMapping,
    UnavailableCode,
    Unsubscribe
} from 'c/pcModel';
import { OMNI_OFFLINE } from 'c/pcModel';
import type { PresenceChange, PresencePort } from 'c/pcPresencePort';
import { failureOf, withTimeout } from './presenceFailure';
import { codeMatches, dialerRowFor, keyOf, keyText, omniTargetFor, same } from './presenceMapping';

export { PRESENCE_TIMEOUT_MS } from './presenceFailure';

/** The error panel's command name for a presence failure; its Retry calls `retryPresence()`. */
export const PRESENCE_COMMAND = 'presence';

/** What the sync needs of the console service: its state and the agent commands the agent also has. */
export interface PresenceHost {
    state(): ConsoleState;
    subscribe(listener: (state: ConsoleState) => void): Unsubscribe;
    setAvailable(): Promise<CommandResult>;
    setUnavailable(codeId: string): Promise<CommandResult>;
    logout(): Promise<CommandResult>;
    /** Shows a presence failure in place of any earlier one, or clears it (null); returns the error shown. */
    report(failure: { readonly code: ErrorCode; readonly detail: string } | null): ConsoleError | null;
}

/** Keeps one PresencePort in step with one console service; built by the service when it has a port. */
export class PresenceSync {
    private offs: Unsubscribe[] = [];
    private running = false;
    /** The dialer state last seen, as keyText. */
    private lastKey: string | null = null;
    /** Omni-Channel's status as last known (OMNI_OFFLINE when logged out); undefined until read. */
    private omniStatus: string | undefined;
    /** The Omni-Channel status being set now, and the one this console set last (to know its echo). */
    private omniSending: string | null = null;
    private omniLastSet: string | null = null;
    /** The status to set once the one in flight settles: the latest change wins. */
    private omniWanted: string | null = null;
    /** The status whose change failed, for Retry; null once one went through. */
    private omniFailed: string | null = null;
    /** Omni-Channel's status before this console showed a call as busy, to come back to (SalesforceLeads). */
    private beforeCall: string | null = null;
    /** The dialer state this console asked for because of Omni-Channel, so its arrival is not mirrored back. */
    private dialerExpected: string | null = null;
    private dialerSending = false;
    private dialerWanted: string | null = null;

    constructor(
        private readonly port: PresencePort,
        private readonly clock: Clock,
        private readonly host: PresenceHost
    ) {}

    private get settings(): ConsoleState['settings'] {
        return this.host.state().settings;
    }

    /** Starts following both sides. */
    start(): void {
        if (this.running) return;
        this.running = true;
        // Reactions run after the snapshot is delivered to every listener: a command sent from inside a listener
        // would commit a newer snapshot before the others saw this one.
        this.offs.push(
            this.host.subscribe((state) => this.soon(() => this.onDialer(state))),
            this.port.onChange((change) => this.soon(() => this.onOmni(change)))
        );
        this.port.getStatus().then(
            (status) => {
                if (this.omniStatus !== undefined) return;
                this.omniStatus = status?.apiName ?? OMNI_OFFLINE;
                this.soon(() => this.afterFirstRead());
            },
            () => {
                // Unknown until Omni-Channel reports a change; the first dialer change is then simply sent.
            }
        );
    }

    /** Stops following; commands in flight settle on their own. */
    stop(): void {
        this.running = false;
        for (const off of this.offs.splice(0)) off();
    }

    /** Omni-Channel's status became known after the dialer's: the side that leads is applied now. */
    private afterFirstRead(): void {
        const key = this.lastKey;
        if (key === null || key.startsWith('LoggedOut:') || key.startsWith('OnCall:')) return;
        const mode = this.settings.presenceMode;
        if (mode === 'SalesforceLeads' && this.omniStatus !== undefined) this.toDialer(this.omniStatus);
        else if (mode === 'DialerLeads' || mode === 'Both') {
            const target = omniTargetFor(this.settings.presenceMap, keyOf(this.host.state()));
            if (target) this.setOmni(target);
        }
    }

    private soon(fn: () => void): void {
        void Promise.resolve().then(() => {
            if (this.running) fn();
        });
    }

    // -----------------------------------------------------------------------------------------
    // Dialer to Omni-Channel
    // -----------------------------------------------------------------------------------------

    private onDialer(state: ConsoleState): void {
        if (state.connection.status !== 'Connected') return;
        const key = keyOf(state);
        const text = keyText(key);
        if (text === this.lastKey) return;
        const previous = this.lastKey;
        this.lastKey = text;
        if (this.dialerExpected !== null && key.state !== 'OnCall') {
            const expected = this.dialerExpected;
            this.dialerExpected = null;
            // The dialer arrived where Omni-Channel sent it: nothing to mirror back.
            if (expected === text) return;
        }
        const mode = this.settings.presenceMode;
        if (mode === 'Off') return;
        const map = this.settings.presenceMap;
        const wasOnCall = previous?.startsWith('OnCall:') ?? false;
        if (key.state === 'OnCall') {
            const busy = omniTargetFor(map, key);
            if (!busy) return;
            if (mode === 'SalesforceLeads' && !wasOnCall) this.beforeCall = this.omniStatus ?? null;
            this.setOmni(busy);
            return;
        }
        if (mode === 'SalesforceLeads') {
            const loggedIn = previous === null || previous.startsWith('LoggedOut:');
            if (wasOnCall) this.restoreAfterCall(map);
            else if (loggedIn && key.state !== 'LoggedOut' && this.omniStatus !== undefined) {
                this.toDialer(this.omniStatus);
            }
            return;
        }
        const target = omniTargetFor(map, key);
        if (target) this.setOmni(target);
    }

    /** SalesforceLeads: the status from before the call comes back, unless the agent picked another since. */
    private restoreAfterCall(map: readonly PresenceMapping[]): void {
        const before = this.beforeCall;
        this.beforeCall = null;
        const busy = omniTargetFor(map, { state: 'OnCall', code: null });
        if (before && busy && same(this.omniWanted ?? this.omniSending ?? this.omniStatus, busy)) this.setOmni(before);
    }

    private setOmni(target: string): void {
        this.omniWanted = target;
        if (this.omniSending === null) void this.sendOmni();
    }

    /** Sends the wanted status, then any that was wanted meanwhile; resolves with the last failure, if any. */
    private async sendOmni(): Promise<ConsoleError | null> {
        const target = this.omniWanted;
        this.omniWanted = null;
        if (target === null || !this.running) return null;
        const failed =
            same(target, this.omniStatus) && this.omniFailed === null ? null : await this.sendOmniOnce(target);
        // A change that came meanwhile is sent now, once: the latest wins.
        return this.omniWanted !== null ? this.sendOmni() : failed;
    }

    private async sendOmniOnce(target: string): Promise<ConsoleError | null> {
        this.omniSending = target;
        try {
            const sent = target === OMNI_OFFLINE ? this.port.logout() : this.port.setStatus(target);
            await withTimeout<unknown>(this.clock, sent);
            this.omniStatus = target;
            this.omniLastSet = target;
            this.omniFailed = null;
            this.host.report(null);
            return null;
        } catch (e) {
            this.omniFailed = target;
            return this.host.report(failureOf(e));
        } finally {
            this.omniSending = null;
        }
    }

    /** Sends again the status change that failed (UB-6); resolves with the error shown if it fails again. */
    async retry(): Promise<ConsoleError | null> {
        if (this.omniFailed === null) return null;
        if (this.omniSending !== null) return null;
        this.omniWanted = this.omniWanted ?? this.omniFailed;
        return this.sendOmni();
    }

    // -----------------------------------------------------------------------------------------
    // Omni-Channel to dialer
    // -----------------------------------------------------------------------------------------

    private onOmni(change: PresenceChange): void {
        const name = change.status?.apiName ?? OMNI_OFFLINE;
        // This console's own change coming back: in flight now, or the toolkit's report of the last one it made.
        const echo = same(name, this.omniSending) || (change.cause === 'Toolkit' && same(name, this.omniLastSet));
        if (echo) {
            this.omniStatus = name;
            return;
        }
        if (same(name, this.omniStatus)) return;
        this.omniStatus = name;
        // The agent chose a status: it is no longer the one to come back to after a call.
        this.beforeCall = null;
        const mode = this.settings.presenceMode;
        if (mode === 'SalesforceLeads' || mode === 'Both') this.toDialer(name);
    }

    private toDialer(status: string): void {
        this.dialerWanted = status;
        if (!this.dialerSending) void this.sendDialer();
    }

    private async sendDialer(): Promise<void> {
        const status = this.dialerWanted;
        this.dialerWanted = null;
        if (status === null || !this.running) return;
        const command = this.dialerCommand(status);
        if (command) {
            this.dialerSending = true;
            this.dialerExpected = command.expect;
            try {
                // A dialer failure is shown by the service, as for the agent's own click on the same control.
                const result = await command.send();
                if (!result.ok) this.dialerExpected = null;
            } finally {
                this.dialerSending = false;
            }
        }
        if (this.dialerWanted !== null) await this.sendDialer();
    }

    /** The agent command that puts the dialer where the status maps, or null when it is there or cannot go. */
    private dialerCommand(status: string): { expect: string; send: () => Promise<CommandResult> } | null {
        const row = dialerRowFor(this.settings.presenceMap, status);
        const state = this.host.state();
        const agent = state.agent;
        // Logging in needs the agent's choice of skill: Omni-Channel cannot make it.
        if (!row || agent.status === 'LoggedOut') return null;
        if (row.dialerState === 'LoggedOut') {
            return agent.pending === 'Logout' ? null : { expect: 'LoggedOut:', send: () => this.host.logout() };
        }
        if (row.dialerState === 'Available') {
            const there = agent.status !== 'Unavailable' && agent.pending !== 'Unavailable';
            return there ? null : { expect: 'Available:', send: () => this.host.setAvailable() };
        }
        const current = agent.status === 'Unavailable' ? agent.unavailableCode : null;
        if (row.unavailableCode === '') {
            if (agent.status === 'Unavailable' || agent.pending === 'Unavailable') return null;
            const first = state.unavailableCodes[0];
            return first ? this.unavailable(first) : null;
        }
        if (codeMatches(row, current)) return null;
        const code = state.unavailableCodes.find((c) => codeMatches(row, c));
        return code ? this.unavailable(code) : null;
    }

    private unavailable(code: UnavailableCode): { expect: string; send: () => Promise<CommandResult> } {
        return { expect: `Unavailable:${code.id}`, send: () => this.host.setUnavailable(code.id) };
    }
}
