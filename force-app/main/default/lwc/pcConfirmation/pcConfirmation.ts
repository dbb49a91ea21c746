import { LightningElement, api } from 'lwc';
import type { Confirmation } from 'c/pcModel';
import { LABELS, formatLabel } from 'c/pcLabels';
import { formatDateTime, formatPhone, userTimeZone } from 'c/pcFormat';
import { zoneName } from 'c/pcZones';

/**
 * What the agent just did, confirmed in words (UB-7): "Callback booked for 03/14/2027 09:00:00 Central Time —
 * 03/14/2027 10:00:00 Eastern Time your time." A polite live region, so screen readers announce it too.
 */
export default class PcConfirmation extends LightningElement {
    /** The service's last confirmation, or null. */
    @api confirmation: Confirmation | null = null;
    /** The agent's IANA zone; the user's Salesforce zone when not given. */
    @api agentTimeZone: string | undefined;

    labels = LABELS;
    dismissedId = 0;

    get text(): string {
        const c = this.confirmation;
        if (!c || c.id === this.dismissedId) return '';
        const params = { name: c.contactName, number: formatPhone(c.number) };
        switch (c.action) {
            case 'Accept':
                return formatLabel(LABELS.confirmAccept, params);
            case 'Requeue':
                return formatLabel(LABELS.confirmRequeue, params);
            case 'Snooze':
                return formatLabel(LABELS.confirmSnooze, params);
            case 'Disposition':
                return formatLabel(LABELS.confirmDisposition, params);
            case 'Reschedule':
                return this.rescheduleText(c);
            case 'WrapUp':
                return formatLabel(LABELS.confirmWrapUp, params);
            case 'WrapUpAtZero':
                return formatLabel(LABELS.confirmWrapUpAtZero, { ...params, disposition: c.disposition ?? '' });
            case 'AnsweringMachine':
                return formatLabel(LABELS.confirmAnsweringMachine, params);
            case 'Fax':
                return formatLabel(LABELS.confirmFax, params);
            case 'BadNumber':
                return formatLabel(LABELS.confirmBadNumber, params);
            case 'Voicemail':
                return formatLabel(LABELS.confirmVoicemail, params);
            case 'Logout':
                return LABELS.confirmLogout;
            default:
                return '';
        }
    }

    private rescheduleText(c: Confirmation): string {
        if (c.at === null) return '';
        const contactZone = c.contactTimeZone ?? c.timeZone ?? this.agentZone;
        const when = `${formatDateTime(c.at, contactZone)} ${zoneName(contactZone, c.at)}`;
        if (sameClock(c.at, contactZone, this.agentZone)) {
            return formatLabel(LABELS.confirmRescheduleSameZone, { when });
        }
        const agentWhen = `${formatDateTime(c.at, this.agentZone)} ${zoneName(this.agentZone, c.at)}`;
        return formatLabel(LABELS.confirmReschedule, { when, agentWhen });
    }

    private get agentZone(): string {
        return this.agentTimeZone || userTimeZone();
    }

    handleDismiss(): void {
        this.dismissedId = this.confirmation?.id ?? 0;
    }
}

function sameClock(at: number, a: string, b: string): boolean {
    return formatDateTime(at, a) === formatDateTime(at, b);
}
