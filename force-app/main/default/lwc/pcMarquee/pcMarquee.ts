import { LightningElement, api } from 'lwc';
import type { AgentMessage, MessageCommands } from 'c/pcModel';
import { LABELS, formatLabel } from 'c/pcLabels';
import { formatPhone } from 'c/pcFormat';

/** The callback marquee: the callback number scrolls while the service keeps the message set (five seconds, RS-4). */
export default class PcMarquee extends LightningElement {
    /** The message to scroll; nothing renders without one. */
    @api message: AgentMessage | null = null;
    /** The console's service, to dismiss the marquee early. */
    @api service: MessageCommands | undefined;

    labels = LABELS;

    get text(): string {
        const m = this.message;
        if (!m) return '';
        const text = m.number ? formatLabel(LABELS.marqueeCallback, [formatPhone(m.number)]) : m.text;
        // The notes typed at booking come back with the callback (UB-7).
        return m.notes ? `${text} · ${formatLabel(LABELS.msgCallbackNotes, [m.notes])}` : text;
    }

    handleDismiss(): void {
        this.service?.dismissMarquee();
    }
}
