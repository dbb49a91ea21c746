/**
 * The agent's commands on a call (CL-4, AM-1 .. AM-3, WU-3, WU-4): each checked against the call's status and the
 * dialer's capabilities, sent once (a second click while one is in flight is refused), its failure shown.
 */
import type {
    AgentDialRequest,
    CallStatus,
    CommandResult,
    ComplianceVerdict,
    Confirmation,
    ConsoleError,
    Instant,
    MachineOverride,
    TransferTarget
} from 'c/pcModel';
import { CallAction, CLICK_TO_DIAL_COMMAND, OVERRIDABLE_STATUSES } from 'c/pcModel';
import { placeFieldsOf } from 'c/pcCompliance';
import { normalizePhone } from 'c/pcSchedule';
import { checkBareNumber, gate } from './compliance';
import type { ServiceContext } from './context';
import { OK } from './store';
import type { Patch } from './store';

/** The card commands confirmed in words when they go through (UB-7); the others show in the call's own status. */
const CONFIRMED_AS: Readonly<Partial<Record<CallAction, Confirmation['action']>>> = {
    [CallAction.AnsweringMachine]: 'AnsweringMachine',
    [CallAction.Fax]: 'Fax',
    [CallAction.BadNumber]: 'BadNumber',
    [CallAction.Voicemail]: 'Voicemail'
};

/**
 * The call-commands slice: the console's `CallCommands` on a line (wrap-up's save is `WrapUps`'), and the commands in
 * flight, by call and command.
 */
export class LineCommands {
    private readonly inFlight = new Set<string>();

    constructor(private readonly ctx: ServiceContext) {}

    private async send(
        callId: string,
        key: string,
        action: CallAction | null,
        allowed: readonly CallStatus[],
        supported: boolean,
        send: () => Promise<void>
    ): Promise<CommandResult> {
        const { store, errors, calls } = this.ctx;
        const view = store.state.calls.find((v) => v.call.id === callId);
        if (!view) return errors.fail('Validation', 'NotFound', 'no such call', key);
        const lock = `${callId}:${key}`;
        if (this.inFlight.has(lock)) return errors.inFlight(key);
        if (!supported) return errors.fail('Validation', 'Unsupported', `${key} is not offered by the dialer`, key);
        if (!allowed.includes(view.call.status)) {
            return errors.fail('Validation', 'InvalidState', `${key} not allowed while ${view.call.status}`, key);
        }
        this.inFlight.add(lock);
        store.commit(calls.setPending(callId, key, true));
        try {
            await send();
            this.inFlight.delete(lock);
            const patch = calls.setPending(callId, key, false);
            if (action) this.keepCardResult(callId, action, null, patch);
            // What was just done replaces an older confirmation, such as the "Calling …" of its Accept (UB-7).
            const confirmed = action ? CONFIRMED_AS[action] : undefined;
            if (confirmed)
                patch.confirmation = this.ctx.messages.confirmationOf(confirmed, view.call.record, view.call.number);
            store.commit(patch);
            return OK;
        } catch (e) {
            this.inFlight.delete(lock);
            const error = errors.of(e, key);
            const patch = calls.setPending(callId, key, false);
            if (!action || !this.keepCardResult(callId, action, error, patch)) patch.errors = errors.add(error);
            store.commit(patch);
            return { ok: false, error };
        }
    }

    /**
     * Keeps a card command's failure on its call, for the card to show where the agent acted with one Retry (UB-6):
     * a later failure replaces it, a command that goes through clears it, each with its message in the errors. Adds
     * to `patch`; false when the call is no longer there to show it.
     */
    private keepCardResult(callId: string, action: CallAction, error: ConsoleError | null, patch: Patch): boolean {
        const state = this.ctx.store.state;
        const calls = patch.calls ?? state.calls;
        const index = calls.findIndex((v) => v.call.id === callId);
        const view = calls[index];
        if (!view) return false;
        const earlier = view.commandFailure?.error ?? null;
        // Stryker disable next-line ConditionalExpression,BooleanLiteral: hygiene; with no failure before or now the call stays as it is, and only a failure reads the answer
        if (!earlier && !error) return true;
        const next = calls.slice();
        next[index] = { ...view, commandFailure: error ? { action, error } : null };
        patch.calls = next;
        const rest = earlier ? state.errors.filter((e) => e !== earlier) : state.errors;
        patch.errors = error ? this.ctx.errors.add(error, rest) : rest;
        return true;
    }

    /**
     * Dials a number for the agent (click-to-dial, WU-4) on the skill worked: the number must be one the console
     * can normalise to E.164 and the agent Working with no call on the lines; the call then arrives as any other.
     */
    async dial(
        request: AgentDialRequest,
        confirmWarnings: boolean,
        command: 'dial' | typeof CLICK_TO_DIAL_COMMAND
    ): Promise<CommandResult> {
        const { store, errors, adapter } = this.ctx;
        const state = store.state;
        const send = adapter.dialNumber;
        if (state.capabilities.agentDial !== true || typeof send !== 'function') {
            return errors.fail('Validation', 'Unsupported', 'the dialer does not place agent calls', command);
        }
        const number = typeof request?.number === 'string' ? normalizePhone(request.number) : null;
        if (!number) return errors.fail('Validation', 'Rejected', 'not a dialable number', command);
        const agent = state.agent;
        if (agent.status !== 'Working' || !agent.skillId) {
            return errors.fail('Validation', 'InvalidState', 'log in to a skill before dialing', command);
        }
        if (state.calls.length > 0 || state.preview) {
            return errors.fail('Validation', 'InvalidState', 'finish the current call or preview first', command);
        }
        // One dial at a time, whichever way it came.
        if (this.inFlight.has('dial')) return errors.inFlight(command);
        this.inFlight.add('dial');
        try {
            const contactId = typeof request.contactId === 'string' ? request.contactId : null;
            const now = this.ctx.clock.now();
            const outcome = gate(await this.checkDial(number, contactId, now), now, confirmWarnings);
            if (!outcome.go) {
                return errors.complianceStop(command, outcome.notice, () => this.dial(request, true, command));
            }
            this.ctx.overrides.keep(outcome, `n:${number}`);
            await send.call(adapter, agent.skillId, { number, contactId });
            const rest = errors.without(command);
            // Stryker disable next-line ConditionalExpression: hygiene; the same list again would only repeat the snapshot
            if (rest !== store.state.errors) store.commit({ errors: rest });
            return OK;
        } catch (e) {
            const error = errors.of(e, command);
            store.commit({ errors: errors.add(error) });
            return { ok: false, error };
        } finally {
            this.inFlight.delete('dial');
        }
    }

    /**
     * The rules' answer for a click-to-dial (WU-4, CP-1): the Contact's place fields and its logged attempts when
     * Salesforce answers, else what the number alone says (a failed look-up must not stop the agent's call).
     */
    private async checkDial(number: string, contactId: string | null, now: Instant): Promise<ComplianceVerdict> {
        const { store, gateway } = this.ctx;
        try {
            const contact = await gateway.findContact({
                salesforceId: contactId,
                dialerRecordId: '',
                phone: number,
                fields: placeFieldsOf(store.state.settings)
            });
            const history = contact ? await gateway.getContactHistory(contact.id) : [];
            return checkBareNumber(store.state, number, now, contact?.fields, history);
        } catch {
            return checkBareNumber(store.state, number, now);
        }
    }

    /** Leaves the skill's recorded message at an answering machine; the line closes as message left (WU-3). */
    dropVoicemail(callId: string): Promise<CommandResult> {
        const adapter = this.ctx.adapter;
        const drop = adapter.dropVoicemail;
        const supported = this.ctx.store.state.capabilities.voicemailDrop === true && typeof drop === 'function';
        return this.send(callId, 'voicemail', CallAction.Voicemail, ['AMD'], supported, () => {
            return drop ? drop.call(adapter, callId) : Promise.resolve();
        });
    }

    /** Closes a call by hand as Answering Machine, Fax or Bad Number while Dialing, Ringing or AMD (AM-1 .. AM-3). */
    overrideMachine(callId: string, kind: MachineOverride): Promise<CommandResult> {
        const supported = this.ctx.store.state.capabilities.machineOverrides.includes(kind);
        return this.send(callId, 'override', kind, OVERRIDABLE_STATUSES, supported, () =>
            this.ctx.adapter.overrideMachine(callId, kind)
        );
    }

    /** Puts an Active call on hold (CL-4). */
    hold(callId: string): Promise<CommandResult> {
        const caps = this.ctx.store.state.capabilities;
        return this.send(callId, 'hold', CallAction.Hold, ['Active'], caps.hold, () => this.ctx.adapter.hold(callId));
    }

    /** Resumes a held call (CL-4). */
    resume(callId: string): Promise<CommandResult> {
        const caps = this.ctx.store.state.capabilities;
        return this.send(callId, 'resume', CallAction.Resume, ['Held'], caps.hold, () =>
            this.ctx.adapter.resume(callId)
        );
    }

    /** Mutes the agent on an answered call (CL-4). */
    mute(callId: string): Promise<CommandResult> {
        const caps = this.ctx.store.state.capabilities;
        return this.send(callId, 'mute', CallAction.Mute, ['Active', 'Held'], caps.mute, () =>
            this.ctx.adapter.mute(callId)
        );
    }

    /** Unmutes the agent (CL-4). */
    unmute(callId: string): Promise<CommandResult> {
        const caps = this.ctx.store.state.capabilities;
        return this.send(callId, 'unmute', CallAction.Unmute, ['Active', 'Held'], caps.mute, () =>
            this.ctx.adapter.unmute(callId)
        );
    }

    /** Ends a call (CL-4). */
    endCall(callId: string): Promise<CommandResult> {
        return this.send(callId, 'end', CallAction.EndCall, ['Dialing', 'Ringing', 'AMD', 'Active', 'Held'], true, () =>
            this.ctx.adapter.endCall(callId)
        );
    }

    /** Transfers an answered call to a skill, an agent or a number (CL-4); a number only where the rules allow (CP-1). */
    async transfer(callId: string, target: TransferTarget, confirmWarnings: boolean): Promise<CommandResult> {
        const result = await this.transferOnce(callId, target, confirmWarnings);
        this.keepTransferResult(callId, result);
        return result;
    }

    /**
     * Keeps a transfer's failure on its call, for the transfer form to show where the agent acted (UB-6); a result
     * after it replaces it, and the earlier failure's message goes. A second click while one is in flight is no
     * failure of its own.
     */
    private keepTransferResult(callId: string, result: CommandResult): void {
        if (!result.ok && result.error.code === 'InFlight') return;
        const store = this.ctx.store;
        const calls = store.state.calls;
        const index = calls.findIndex((v) => v.call.id === callId);
        const view = calls[index];
        if (!view) return;
        const earlier = view.transferError ?? null;
        const error = result.ok ? null : result.error;
        // Stryker disable next-line ConditionalExpression: hygiene; the same result again would only repeat the snapshot
        if (error === earlier) return;
        const next = calls.slice();
        next[index] = { ...view, transferError: error };
        const errors = store.state.errors;
        store.commit(
            // Stryker disable next-line ConditionalExpression: hygiene; with nothing to take out the list stays the same
            earlier && errors.includes(earlier)
                ? { calls: next, errors: errors.filter((e) => e !== earlier) }
                : { calls: next }
        );
    }

    private transferOnce(callId: string, target: TransferTarget, confirmWarnings: boolean): Promise<CommandResult> {
        const { store, errors } = this.ctx;
        let sent = target;
        if (target.kind === 'Number') {
            const e164 = normalizePhone(target.value);
            if (!e164)
                return Promise.resolve(errors.fail('Validation', 'Rejected', 'invalid transfer number', 'transfer'));
            sent = { kind: 'Number', value: e164 };
            const view = store.state.calls.find((v) => v.call.id === callId);
            if (view && !this.inFlight.has(`${callId}:transfer`)) {
                const now = this.ctx.clock.now();
                const outcome = gate(checkBareNumber(store.state, e164, now), now, confirmWarnings);
                if (!outcome.go) {
                    const retry = (): Promise<CommandResult> => this.transfer(callId, target, true);
                    return Promise.resolve(errors.complianceStop('transfer', outcome.notice, retry));
                }
                this.ctx.overrides.keep(outcome, callId);
            }
        }
        const supported = store.state.capabilities.transferKinds.includes(target.kind);
        return this.send(callId, 'transfer', null, ['Active', 'Held'], supported, () =>
            this.ctx.adapter.transfer(callId, sent)
        );
    }
}
