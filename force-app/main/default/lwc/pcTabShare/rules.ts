/**
 * The leader's check of a command forwarded by another tab: the rules the console service applies to a
 * click (ConsoleService.callCommand, transfer and the preview actions), applied to what the leading tab
 * knows, so a message forged on the channel can do nothing a click could not (an unknown call, a
 * status or capability that does not allow it, a transfer number that is not a phone number).
 */
import { DialerError } from 'c/pcDialerPort';
import { CallStatus, OVERRIDABLE_STATUSES, PreviewAction, TransferTargetKind } from 'c/pcModel';
import type { Call, DialerCapabilities, Preview } from 'c/pcModel';
import { normalizePhone } from 'c/pcSchedule';
import type { CommandMessage } from './wire';

/** What the leading tab knows when it checks a command. */
export interface LeaderView {
    call(callId: string): Call | null;
    preview(): Preview | null;
    capabilities(): DialerCapabilities;
}

const LIVE: readonly CallStatus[] = [CallStatus.Active, CallStatus.Held];
const ENDABLE: readonly CallStatus[] = [
    CallStatus.Dialing,
    CallStatus.Ringing,
    CallStatus.Amd,
    CallStatus.Active,
    CallStatus.Held
];

function callRule(
    view: LeaderView,
    callId: string,
    allowed: readonly CallStatus[],
    supported: boolean
): DialerError | null {
    const call = view.call(callId);
    if (!call) return new DialerError('NotFound', 'no such call');
    if (!supported) return new DialerError('Unsupported', 'not offered by the dialer');
    if (!allowed.includes(call.status)) return new DialerError('InvalidState', `not allowed while ${call.status}`);
    return null;
}

function previewRule(view: LeaderView, previewId: string, action: PreviewAction): DialerError | null {
    const preview = view.preview();
    if (!preview || preview.id !== previewId) return new DialerError('NotFound', 'no such open preview');
    if (!preview.actions.includes(action)) return new DialerError('Unsupported', `${action} is not offered`);
    return null;
}

/** Why a forwarded command is refused, or null when a click would have sent it. */
export function refusal(view: LeaderView, command: CommandMessage): DialerError | null {
    const caps = view.capabilities();
    switch (command.method) {
        case 'overrideMachine':
            return callRule(
                view,
                command.args[0],
                OVERRIDABLE_STATUSES,
                caps.machineOverrides.includes(command.args[1])
            );
        case 'hold':
            return callRule(view, command.args[0], [CallStatus.Active], caps.hold);
        case 'resume':
            return callRule(view, command.args[0], [CallStatus.Held], caps.hold);
        case 'mute':
        case 'unmute':
            return callRule(view, command.args[0], LIVE, caps.mute);
        case 'endCall':
            return callRule(view, command.args[0], ENDABLE, true);
        case 'transfer': {
            const target = command.args[1];
            if (target.kind === TransferTargetKind.Number && !normalizePhone(target.value))
                return new DialerError('Rejected', 'invalid transfer number');
            return callRule(view, command.args[0], LIVE, caps.transferKinds.includes(target.kind));
        }
        case 'disposition':
            return callRule(view, command.args[0], [CallStatus.Ended], true);
        case 'acceptPreview':
            return previewRule(view, command.args[0], PreviewAction.Accept);
        case 'requeuePreview':
            return previewRule(view, command.args[0], PreviewAction.Requeue);
        case 'snoozePreview':
            return previewRule(view, command.args[0], PreviewAction.Snooze);
        case 'dispositionPreview':
            return previewRule(view, command.args[0], PreviewAction.Disposition);
        case 'reschedulePreview': {
            const request = command.args[1];
            if (!normalizePhone(request.number)) return new DialerError('Rejected', 'invalid callback number');
            if (!caps.rescheduleDeliverTo.includes(request.deliverTo))
                return new DialerError('Unsupported', `deliver to ${request.deliverTo} is not offered`);
            return previewRule(view, command.args[0], PreviewAction.Reschedule);
        }
        case 'getAttemptsHistory':
            // Contact data stays in the leading tab: no other tab asks for it.
            return new DialerError('Unsupported', 'Attempts History is shown in the leading tab');
        default:
            // Agent-level commands and reads: the dialer itself checks them, as it does for a click.
            return null;
    }
}
