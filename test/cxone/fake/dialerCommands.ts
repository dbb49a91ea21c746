/**
 * The rules by which the CXone fake's dialer answers the agent's commands: dialer login and logout, agent state,
 * mute, manual and consult dials, transfer, and each contact's actions (accept, reject, snooze, disposition,
 * machine override, hold, resume, end). `rest` is the command's path after `agent-sessions/{id}/`.
 */
import type { FakeContact, FakeDialer, PendingCallback } from './dialer';
import { callbackSequence } from './script';
import type { Answer, Raw } from './types';

/** Carries out one command, if the dialer's rules allow it, and says what to answer. */
export function answerCommand(d: FakeDialer, rest: string, json: Raw): Answer {
    if (rest === 'dialer-login') {
        const skill = d.skills.find((s) => s.name === json.skillName);
        if (!skill || !skill.pc) return { status: 400, body: { error: 'not a PC skill' } };
        d.dialerSkill = skill;
        d.agentState = 'Dialer';
        d.outReason = '';
        d.loggingOut = false;
        d.pushAgentState();
        d.scheduleDelivery();
        return { status: 202 };
    }
    if (rest === 'dialer-logout') {
        if (d.agentState !== 'Dialer') return { status: 202 };
        const preview = d.openPreview();
        if (preview) d.setStatus(preview, 'Disconnected', { finalState: true });
        if (d.liveCalls().length > 0) {
            d.loggingOut = true;
            return { status: 202 };
        }
        d.dialerSkill = null;
        d.agentState = 'Unavailable';
        d.outReason = '';
        d.pushAgentState();
        return { status: 202 };
    }
    if (rest === 'state') {
        const state = String(json.state ?? '');
        if (state !== 'Available' && state !== 'Unavailable') return { status: 400 };
        if (d.agentState === 'Dialer' && d.loggingOut) {
            // Taken after the call in progress, like the dialer logout before it (AV-4).
            d.stateAfterCall = { state, reason: state === 'Unavailable' ? String(json.reason ?? '') : '' };
            return { status: 202 };
        }
        if (d.agentState === 'Dialer') return { status: 400, body: { error: 'log out of the dialer first' } };
        d.agentState = state;
        d.outReason = state === 'Unavailable' ? String(json.reason ?? '') : '';
        d.pushAgentState();
        return { status: 202 };
    }
    if (rest === 'agent-phone/mute' || rest === 'agent-phone/unmute') {
        d.muted = rest.endsWith('/mute');
        d.emit({ Type: 'Mute', IsMuted: d.muted });
        return { status: 202 };
    }
    if (rest === 'dial-phone' && d.agentState === 'Dialer' && d.liveCalls().length === 0) {
        // A manual dial with no call on screen is the agent's own outbound call (click-to-dial), not a consult.
        const c = d.newContact({}, String(json.phoneNumber ?? ''));
        c.linked = true;
        d.dial(c);
        return { status: 202, body: { contactId: c.id } };
    }
    if (rest === 'dial-skill' || rest === 'dial-agent' || rest === 'dial-phone') {
        const consult = d.newContact({ consult: true });
        d.setStatus(consult, 'Dialing');
        d.setStatus(consult, 'Active');
        return { status: 202, body: { contactId: consult.id } };
    }
    if (rest === 'interactions/transfer-calls') {
        const active = d.liveCalls().find((c) => c.answered);
        const consult = [...d.contacts.values()].find((c) => c.consult && !d.isEnded(c));
        if (!active || !consult) return { status: 400, body: { error: 'nothing to transfer' } };
        d.setStatus(consult, 'Disconnected', { finalState: true });
        d.setStatus(active, 'Disconnected', { finalState: true, disconnectCode: 'Transferred' });
        d.afterCall();
        return { status: 202 };
    }
    const m = /^interactions\/([^/]+)\/([a-z-]+)$/i.exec(rest);
    if (!m) return { status: 404 };
    const c = d.contacts.get(decodeURIComponent(m[1]!));
    if (!c) return { status: 404, body: { error: 'no such contact' } };
    return contactCommand(d, c, m[2]!, json);
}

/** One action on one contact. */
function contactCommand(d: FakeDialer, c: FakeContact, action: string, json: Raw): Answer {
    const isOpenPreview = c.preview && c.status === 'Incoming';
    switch (action) {
        case 'accept':
            if (!isOpenPreview) return { status: 400 };
            c.outcome = d.nextOutcome ?? c.outcome;
            d.nextOutcome = null;
            c.linked = true;
            d.dial(c);
            return { status: 202 };
        case 'reject':
        case 'snooze':
            if (!isOpenPreview) return { status: 400 };
            d.setStatus(c, 'Disconnected', { finalState: true });
            d.scheduleDelivery();
            return { status: 202 };
        case 'disposition': {
            if (isOpenPreview) {
                d.setStatus(c, 'Disconnected', { finalState: true });
                if (typeof json.primaryCallbackTime === 'string') scheduleCallback(d, c, json);
                d.scheduleDelivery();
                return { status: 202, body: { callbackId: `cb-${c.id}` } };
            }
            if (c.status !== 'Disconnected' || c.finalState) return { status: 400 };
            d.setStatus(c, 'Disconnected', { finalState: true });
            d.afterCall();
            return { status: 202 };
        }
        case 'amd-override': {
            const type = Number(json.type);
            if (!['NaturalCallDialing', 'NaturalCallRinging', 'NaturalCallAMD'].includes(c.status)) {
                return { status: 400, body: { error: 'not overridable' } };
            }
            const code = type === 0 ? 'AnsweringMachine' : type === 1 ? 'Fax' : type === 2 ? 'BadNumber' : null;
            if (!code) return { status: 400 };
            d.finish(c, code);
            return { status: 202 };
        }
        case 'hold':
            if (c.status !== 'Active') return { status: 400 };
            d.setStatus(c, 'Holding');
            return { status: 202 };
        case 'resume':
            if (c.status !== 'Holding') return { status: 400 };
            d.setStatus(c, 'Active');
            return { status: 202 };
        case 'end':
            if (d.isEnded(c)) return { status: 400 };
            if (c.answered) {
                // After an answered call the agent wraps up: ACW until the disposition is saved.
                d.setStatus(c, 'Disconnected', { finalState: false, linked: false });
            } else {
                d.finish(c, 'NoAnswer');
            }
            return { status: 202 };
        default:
            return { status: 404 };
    }
}

/** A preview rescheduled: a callback at the time the agent chose, due through the callback sequence. */
function scheduleCallback(d: FakeDialer, c: FakeContact, json: Raw): void {
    const at = Date.parse(String(json.primaryCallbackTime));
    if (!Number.isFinite(at)) return;
    const pending: PendingCallback = {
        id: `cb-${c.id}`,
        at,
        number: String(json.primaryCallbackNumber ?? c.number),
        firstName: c.firstName,
        lastName: c.lastName,
        notes: String(json.primaryDispositionNotes ?? ''),
        skillId: c.skillId
    };
    d.callbacks.push(pending);
    d.callbacksScheduled += 1;
    d.at(Math.max(0, at - d.now), () => {
        d.callbacks = d.callbacks.filter((p) => p !== pending);
        callbackSequence(d, pending);
    });
}
