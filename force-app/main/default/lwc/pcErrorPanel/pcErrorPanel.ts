import { LightningElement, api } from 'lwc';
import { ErrorSource } from 'c/pcModel';
import type { CommandResult, ConsoleApi, ConsoleError, ErrorCommands } from 'c/pcModel';
import {
    LABELS,
    ERROR_CODE_LABELS,
    ERROR_SOURCE_LABELS,
    complianceRefusal,
    complianceWarning,
    formatLabel
} from 'c/pcLabels';

/** Commands a compliance warning holds for the agent's confirmation (a delivered callback is the dialer's). */
const CONFIRMABLE: ReadonlySet<string> = new Set(['accept', 'dial', 'transfer']);

/** A console error in words; a compliance stop names the rule, the local time and when (CP-3). */
function messageOf(e: ConsoleError): string {
    const notice = e.compliance;
    if (!notice) return ERROR_CODE_LABELS[e.code] ?? LABELS.errUnknown;
    const words = notice.verdict === 'Warn' ? complianceWarning : complianceRefusal;
    const text = words(notice.findings, notice.at);
    return e.command === 'callback' ? formatLabel(LABELS.cpCallbackRefused, [text]) : text;
}

/** The commands the banner sends again as they were: connecting, a preview action, Logout, Available, presence. */
type RetryCommands = Pick<ConsoleApi, 'start' | 'retryPreview' | 'logout' | 'setAvailable' | 'retryPresence'>;

/**
 * Failed commands that can be sent again without arguments the error does not carry. Others (a call's
 * hold, a login to one skill ...) are retried from their own control, which still shows.
 */
const RETRIES: Readonly<Record<string, (service: RetryCommands) => Promise<CommandResult>>> = {
    connect: (s) => s.start(),
    start: (s) => s.start(),
    accept: (s) => s.retryPreview(),
    requeue: (s) => s.retryPreview(),
    snooze: (s) => s.retryPreview(),
    logout: (s) => s.logout(),
    available: (s) => s.setAvailable(),
    // Only a service with Omni-Channel reports presence failures, and it has retryPresence.
    presence: (s) => (s.retryPresence ? s.retryPresence() : s.start())
};

/** Every console error as a readable message from labels, with dismiss, and retry where the error has a command. */
export default class PcErrorPanel extends LightningElement {
    /** The errors to show, as the service keeps them. */
    @api errors: readonly ConsoleError[] = [];
    /** The console's service, to dismiss, confirm a warned command (CP-3) and retry a failed one. */
    @api service: (ErrorCommands & RetryCommands) | undefined;

    labels = LABELS;

    get hasErrors(): boolean {
        return (this.errors ?? []).length > 0;
    }

    get rows(): {
        id: string;
        title: string;
        message: string;
        detail: string;
        canRetry: boolean;
        canConfirm: boolean;
        confirmName: string;
        alertClass: string;
    }[] {
        return (this.errors ?? []).map((e) => ({
            id: e.id,
            title: ERROR_SOURCE_LABELS[e.source] ?? '',
            message: messageOf(e),
            canConfirm: e.compliance?.verdict === 'Warn' && CONFIRMABLE.has(e.command ?? ''),
            confirmName: formatLabel(LABELS.cpCallAnywayNamed, [messageOf(e)]),
            detail: e.detail,
            // A rule set's refusal or warning is answered the same way again: Call anyway or nothing, never Retry.
            canRetry: Boolean(e.command && RETRIES[e.command]) && !e.compliance,
            alertClass: `slds-notify slds-notify_alert slds-m-bottom_xx-small pc-error ${
                e.source === ErrorSource.Configuration || e.source === ErrorSource.Validation
                    ? 'slds-alert_warning'
                    : 'slds-alert_error'
            }`
        }));
    }

    handleDismiss(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.errorId ?? '';
        this.service?.dismissError(id);
    }

    /** "Call anyway": the agent goes on with the command a compliance warning held (CP-3). */
    handleConfirm(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.errorId ?? '';
        const service = this.service;
        if (!service?.confirmCompliance) return;
        void service.confirmCompliance(id);
    }

    handleRetry(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.errorId ?? '';
        const error = (this.errors ?? []).find((e) => e.id === id);
        const retry = error?.command ? RETRIES[error.command] : undefined;
        if (!this.service || !retry) return;
        this.service.dismissError(id);
        void retry(this.service);
    }
}
