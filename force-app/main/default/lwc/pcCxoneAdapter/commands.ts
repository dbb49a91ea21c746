/**
 * The CXone adapter's commands. Each is sent at most once per attempt; nothing is recorded as done
 * (override, close reason) before the dialer confirmed it, so a failed command can always be retried,
 * and a retry after a lost answer first checks what the dialer reported (BX-5, AM-3, PV-6).
 */
import {
    AgentStatus,
    CallStatus,
    MachineOverride,
    OVERRIDABLE_STATUSES,
    PendingAgentChange,
    TransferTargetKind,
    recordName
} from 'c/pcModel';
import type {
    AgentDialRequest,
    Call,
    Callback,
    Preview,
    RescheduleRequest,
    TransferTarget,
    UnavailableCode
} from 'c/pcModel';
import { DialerError, PreviewClosedReason } from 'c/pcDialerPort';
import type { HttpResult } from './http';
import { AMD_OVERRIDE_TYPE, Fields } from './protocol';
import { V } from './core';
import { CxoneSession } from './session';

/** The CXone adapter's commands layer. */
export abstract class CxoneCommands extends CxoneSession {
    protected async loginLocal(skillId: string): Promise<void> {
        const skill =
            this.skills.find((s) => s.id === skillId) ?? (await this.listSkillsLocal()).find((s) => s.id === skillId);
        if (!skill) throw new DialerError('NotFound', 'no such skill for this agent');
        if (!skill.isPersonalConnection) throw new DialerError('InvalidState', 'not a Personal Connection skill');
        if (await this.alreadyDone('login', () => this.agent.status === AgentStatus.Working)) return;
        this.loginSkill = skill;
        try {
            await this.post('login', 'dialer-login', { skillName: skill.name });
        } finally {
            this.loginSkill = null;
        }
        this.workingSkill = skill;
        await this.waitFor(() => this.agent.status === AgentStatus.Working);
        if (this.agent.status === AgentStatus.Working && this.agent.skillId !== skill.id) {
            this.setAgent({ ...this.agent, skillId: skill.id, skillName: skill.name });
        }
    }

    protected async logoutLocal(): Promise<void> {
        if (await this.alreadyDone('logout', () => this.agent.status !== AgentStatus.Working || this.pending !== null))
            return;
        const live = this.hasLiveCall();
        await this.post('logout', 'dialer-logout');
        if (live && this.agent.status === AgentStatus.Working) {
            // CXone finishes the call in progress first (AV-3): show the logout as pending until then.
            this.pending = PendingAgentChange.Logout;
            this.setAgent({ ...this.agent, pending: this.pending });
            return;
        }
        await this.waitFor(() => this.agent.status !== AgentStatus.Working);
    }

    protected async setStateLocal(codeId: string | null): Promise<void> {
        let code: UnavailableCode | null = null;
        if (codeId !== null) {
            code = this.codes.find((c) => c.id === codeId) ?? null;
            if (!code) code = (await this.listCodesLocal()).find((c) => c.id === codeId) ?? null;
            if (!code) throw new DialerError('NotFound', 'no such unavailable code');
        }
        const live = this.hasLiveCall();
        if (this.agent.status === AgentStatus.Working) {
            // Leaving Personal Connection for an ACD state takes a dialer logout first (as CXone's own agent does).
            await this.post('logout', 'dialer-logout');
        }
        const body = code ? { state: 'Unavailable', reason: code.label } : { state: 'Available', reason: '' };
        await this.post('state', 'state', body);
        if (live && code) {
            this.pending = PendingAgentChange.Unavailable;
            this.setAgent({ ...this.agent, pending: this.pending });
            return;
        }
        const target = code ? AgentStatus.Unavailable : AgentStatus.Available;
        await this.waitFor(() => this.agent.status === target);
    }

    protected requirePreview(previewId: string): Preview {
        const preview = this.book.openPreview(previewId);
        if (!preview) throw new DialerError('InvalidState', 'no such open preview');
        return preview;
    }

    protected previewGone(previewId: string): boolean {
        return this.book.openPreview(previewId) === null;
    }

    /**
     * Sends one command that closes a preview. The close reason is held only while the command is in
     * flight or its outcome unknown (an event may show the closure before the answer does); any answered
     * failure drops it, so a preview the dialer later withdraws is reported Withdrawn.
     */
    protected async closingPreview(
        previewId: string,
        reason: PreviewClosedReason,
        send: () => Promise<HttpResult>
    ): Promise<HttpResult | null> {
        const key = `preview:${previewId}`;
        if (await this.alreadyDone(key, () => this.previewGone(previewId))) return null;
        this.requirePreview(previewId);
        if (this.inFlight.has(key)) throw new DialerError('InFlight', `${key}: already sent`);
        this.closeReasons.set(previewId, reason);
        let result: HttpResult;
        try {
            result = await send();
        } catch (e) {
            if (!this.unknownOutcome.has(key)) this.closeReasons.delete(previewId);
            throw e;
        }
        this.emitAll(this.book.closePreview(previewId, reason));
        this.closeReasons.delete(previewId);
        return result;
    }

    protected async previewCommand(previewId: string, action: string, reason: PreviewClosedReason): Promise<void> {
        await this.closingPreview(previewId, reason, () =>
            this.post(`preview:${previewId}`, `interactions/${encodeURIComponent(previewId)}/${action}`)
        );
    }

    protected async rescheduleLocal(previewId: string, request: RescheduleRequest): Promise<Callback> {
        const preview = this.book.previewById(previewId) ?? this.requirePreview(previewId);
        // The reschedule call names no target (capabilities say so): a callback for the skill is refused unsent
        // rather than booked for this agent under another name.
        if (!this.caps.rescheduleDeliverTo.includes(request.deliverTo)) {
            throw new DialerError('Unsupported', `reschedule: CXone delivers the callback to the agent only`);
        }
        const result = await this.closingPreview(previewId, PreviewClosedReason.Rescheduled, () =>
            this.post(
                `preview:${previewId}`,
                `interactions/${encodeURIComponent(previewId)}/disposition`,
                {
                    primaryDispositionId: this.options.rescheduleDispositionId ?? '101',
                    primaryCallbackNumber: request.number,
                    // CXone takes an instant only (capabilities say so): the form shows the agent what is sent.
                    primaryCallbackTime: new Date(request.at).toISOString(),
                    primaryDispositionNotes: request.notes
                },
                // The Personal Connection reschedule is v23.0; v27.0 is the generic disposition (BX-7, below).
                V
            )
        );
        return {
            id: (result && Fields.of(result.body)?.str('callbackId')) ?? `${previewId}-callback`,
            recordId: preview.record.id,
            contactName: recordName(preview.record),
            number: request.number,
            deliverTo: request.deliverTo,
            dueAt: request.at,
            timeZone: request.timeZone,
            notes: request.notes,
            skillId: preview.skillId
        };
    }

    protected async previewDispositionLocal(previewId: string, dispositionId: string, notes: string): Promise<void> {
        await this.closingPreview(previewId, PreviewClosedReason.Dispositioned, () =>
            this.post(
                `preview:${previewId}`,
                `interactions/${encodeURIComponent(previewId)}/disposition`,
                { primaryDispositionId: dispositionId, primaryDispositionNotes: notes },
                'v27.0'
            )
        );
    }

    protected requireCall(callId: string, allowed: readonly CallStatus[]): Call {
        const call = this.book.call(callId);
        if (!call) throw new DialerError('NotFound', 'no such call');
        if (!allowed.includes(call.status)) throw new DialerError('InvalidState', `call is ${call.status}`);
        return call;
    }

    protected async overrideLocal(callId: string, kind: MachineOverride): Promise<void> {
        if (!Object.values(MachineOverride).includes(kind)) throw new DialerError('Rejected', 'unknown override');
        const key = `call:${callId}:override`;
        if (await this.alreadyDone(key, () => this.callEndedOrGone(callId))) return;
        this.requireCall(callId, OVERRIDABLE_STATUSES);
        // AM-3: one override per call, ever; a second click sends nothing. Recorded only once the dialer
        // confirmed it, so a failed send can always be retried.
        if (this.overrides.has(callId)) throw new DialerError('InFlight', 'override already sent');
        await this.post(key, `interactions/${encodeURIComponent(callId)}/amd-override`, {
            type: AMD_OVERRIDE_TYPE[kind]
        });
        this.overrides.set(callId, kind);
        await this.waitFor(() => this.book.call(callId)?.status !== CallStatus.Amd && this.callEndedOrGone(callId));
    }

    protected callEndedOrGone(callId: string): boolean {
        const call = this.book.call(callId);
        return !call || call.status === CallStatus.Ended;
    }

    protected async callCommand(
        callId: string,
        action: string,
        allowed: readonly CallStatus[],
        target: CallStatus
    ): Promise<void> {
        const reached = (): boolean => {
            const call = this.book.call(callId);
            return !call || call.status === target || call.status === CallStatus.Ended;
        };
        const key = `call:${callId}:${action}`;
        if (await this.alreadyDone(key, reached)) return;
        this.requireCall(callId, allowed);
        await this.post(key, `interactions/${encodeURIComponent(callId)}/${action}`);
        await this.waitFor(reached);
    }

    protected async muteLocal(callId: string, muted: boolean): Promise<void> {
        if (await this.alreadyDone(`mute:${callId}`, () => this.book.call(callId)?.muted === muted)) return;
        this.requireCall(callId, [CallStatus.Active, CallStatus.Held]);
        await this.post(`mute:${callId}`, `agent-phone/${muted ? 'mute' : 'unmute'}`);
        this.emitAll(this.book.setMuted(muted, callId));
    }

    protected async transferLocal(callId: string, target: TransferTarget): Promise<void> {
        const key = `call:${callId}:transfer`;
        if (await this.alreadyDone(key, () => this.callEndedOrGone(callId))) return;
        const call = this.requireCall(callId, [CallStatus.Active, CallStatus.Held]);
        // Transfer is a consult leg to the target, then transfer-calls joining the two (CXone has no blind transfer call).
        if (target.kind === TransferTargetKind.Skill) {
            await this.post(`${key}:dial`, 'dial-skill', { skillId: target.value });
        } else if (target.kind === TransferTargetKind.Agent) {
            await this.post(`${key}:dial`, 'dial-agent', { targetAgentId: target.value });
        } else if (target.kind === TransferTargetKind.Number) {
            await this.post(`${key}:dial`, 'dial-phone', {
                phoneNumber: target.value,
                skillId: call.skillId,
                parentContactId: callId
            });
        } else {
            throw new DialerError('Rejected', 'unknown transfer target');
        }
        await this.post(key, 'interactions/transfer-calls');
        await this.waitFor(() => this.callEndedOrGone(callId));
    }

    protected async dispositionLocal(callId: string, dispositionId: string, notes: string): Promise<void> {
        if (await this.alreadyDone(`call:${callId}:disposition`, () => this.book.call(callId) === null)) return;
        this.requireCall(callId, [CallStatus.Ended]);
        await this.post(
            `call:${callId}:disposition`,
            `interactions/${encodeURIComponent(callId)}/disposition`,
            { primaryDispositionId: dispositionId, primaryDispositionNotes: notes },
            'v27.0'
        );
    }

    /**
     * Manual dial on the agent's skill (WU-4): `dial-phone` with the E.164 number. Sent once; a retry after a lost
     * answer first waits for the call CXone may already be placing, so the contact is never dialled twice.
     */
    protected async dialLocal(skillId: string, request: AgentDialRequest): Promise<void> {
        const key = `dial:${request.number}`;
        if (await this.alreadyDone(key, () => this.hasLiveCall())) return;
        if (!/^\+[1-9]\d{6,14}$/.test(request.number)) throw new DialerError('Rejected', 'dial: number not E.164');
        if (this.agent.status !== AgentStatus.Working)
            throw new DialerError('InvalidState', 'dial: not working a skill');
        if (this.hasLiveCall()) throw new DialerError('InvalidState', 'dial: a call is on screen');
        await this.post(key, 'dial-phone', { skillId, phoneNumber: request.number });
        await this.waitFor(() => this.hasLiveCall());
    }
}
