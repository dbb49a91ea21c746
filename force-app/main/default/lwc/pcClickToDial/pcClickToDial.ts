import { LightningElement, api } from 'lwc';
import type { CallCommands, CommandResult, ConsoleError, ErrorCommands } from 'c/pcModel';
import { ERROR_CODE_LABELS, LABELS, complianceRefusal, complianceWarning, formatLabel } from 'c/pcLabels';
import { formatPhone } from 'c/pcFormat';

/** One number of the contact, with the field's label ("Phone", "Mobile"). */
export interface DialNumber {
    readonly label: string;
    readonly number: string;
}

/**
 * Click-to-dial (WU-4): the contact's numbers, each with a Call button that asks the console's service to dial it;
 * the call then shows in the console as any other line. It only sends `CallCommands.dial`: it never reaches a
 * dialer itself, so where the console lives elsewhere (the utility bar in an org) the host hands it a bridge.
 */
export default class PcClickToDial extends LightningElement {
    /** The Contact's numbers as the record holds them. */
    @api numbers: readonly DialNumber[] = [];
    /** The Contact's id, so the call and its Task link to it. */
    @api contactId: string | null = null;
    /** The console's service (or a bridge to it) that places the call. */
    @api service: (Pick<CallCommands, 'dial' | 'clickToDial'> & Pick<ErrorCommands, 'confirmCompliance'>) | undefined;

    labels = LABELS;
    sending = false;
    errorText = '';
    statusText = '';
    /** The failure a compliance warning held, so Call anyway can confirm it (CP-3). */
    warned: ConsoleError | null = null;

    get hasNumbers(): boolean {
        return (this.numbers ?? []).length > 0;
    }

    get rows(): { label: string; number: string; shown: string; callLabel: string }[] {
        return (this.numbers ?? []).map((n) => {
            const shown = formatPhone(n.number);
            return { label: n.label, number: n.number, shown, callLabel: formatLabel(LABELS.dialCall, [shown]) };
        });
    }

    handleCall(event: Event): void {
        const number = (event.currentTarget as HTMLElement).dataset.number ?? '';
        // The console's own service says the result here only (clickToDial); a bridge to it, as on a record page,
        // has dial alone and the console's banner says what came of it.
        const dial = this.service?.clickToDial ?? this.service?.dial;
        if (this.sending || !number || !this.service || !dial) return;
        this.follow(number, dial.call(this.service, { number, contactId: this.contactId ?? null }));
    }

    /** "Call anyway": the agent goes on with the dial a compliance warning held (CP-3). */
    handleCallAnyway(event: Event): void {
        const number = (event.currentTarget as HTMLElement).dataset.number ?? '';
        const confirm = this.service?.confirmCompliance;
        const warned = this.warned;
        if (this.sending || !this.service || !confirm || !warned) return;
        this.follow(number, confirm.call(this.service, warned.id));
    }

    get callAnywayName(): string {
        return formatLabel(LABELS.cpCallAnywayNamed, [this.errorText]);
    }

    private follow(number: string, sent: Promise<CommandResult>): void {
        this.sending = true;
        this.errorText = '';
        this.statusText = '';
        this.warned = null;
        sent.then((result) => {
            if (result.ok) this.statusText = formatLabel(LABELS.dialSent, [formatPhone(number)]);
            else this.showError(result.error, number);
        })
            .catch(() => {
                this.errorText = LABELS.errUnknown;
            })
            .finally(() => {
                this.sending = false;
            });
    }

    /** A failure in words; a compliance stop names the rule, the contact's local time and when (CP-3). */
    private showError(error: ConsoleError, number: string): void {
        const notice = error.compliance;
        if (!notice) {
            this.errorText = ERROR_CODE_LABELS[error.code] ?? LABELS.errUnknown;
            return;
        }
        const words = notice.verdict === 'Warn' ? complianceWarning : complianceRefusal;
        this.errorText = words(notice.findings, notice.at);
        if (notice.verdict === 'Warn') {
            this.warned = error;
            this.warnedNumber = number;
        }
    }

    /** The number the held warning is about. */
    warnedNumber = '';
}
