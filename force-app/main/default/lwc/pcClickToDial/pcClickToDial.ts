import { LightningElement, api } from 'lwc';
import type { ConsoleApi } from 'c/pcModel';
import { ERROR_CODE_LABELS, LABELS, formatLabel } from 'c/pcLabels';
import { formatPhone } from 'c/pcFormat';

/** One number of the contact, with the field's label ("Phone", "Mobile"). */
export interface DialNumber {
    readonly label: string;
    readonly number: string;
}

/**
 * Click-to-dial (WU-4): the contact's numbers, each with a Call button that asks the console's service to dial it;
 * the call then shows in the console as any other line. It only sends `ConsoleApi.dial`: it never reaches a
 * dialer itself, so where the console lives elsewhere (the utility bar in an org) the host hands it a bridge.
 */
export default class PcClickToDial extends LightningElement {
    /** The Contact's numbers as the record holds them. */
    @api numbers: readonly DialNumber[] = [];
    /** The Contact's id, so the call and its Task link to it. */
    @api contactId: string | null = null;
    /** The console's service (or a bridge to it) that places the call. */
    @api service: Pick<ConsoleApi, 'dial'> | undefined;

    labels = LABELS;
    sending = false;
    errorText = '';
    statusText = '';

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
        const dial = this.service?.dial;
        if (this.sending || !number || !this.service || !dial) return;
        this.sending = true;
        this.errorText = '';
        this.statusText = '';
        dial.call(this.service, { number, contactId: this.contactId ?? null })
            .then((result) => {
                if (result.ok) this.statusText = formatLabel(LABELS.dialSent, [formatPhone(number)]);
                else this.errorText = ERROR_CODE_LABELS[result.error.code] ?? LABELS.errUnknown;
            })
            .catch(() => {
                this.errorText = LABELS.errUnknown;
            })
            .finally(() => {
                this.sending = false;
            });
    }
}
