import { LightningElement, api } from 'lwc';
import { fitInViewport, focusLeaves } from 'c/pcPopoverFit';
import type { AgentMessage } from 'c/pcModel';
import { LABELS, MESSAGE_KIND_LABELS, formatLabel } from 'c/pcLabels';
import { formatDateTime, formatPhone } from 'c/pcFormat';

/**
 * The dialer's words without a leading "Callback:" where the message's kind, shown beside them, already says it
 * (the dialers word a callback's message "Callback: <name> at <number>").
 */
function withoutKind(text: string, kind: string): string {
    const prefix = `${kind}:`;
    return kind && text.toLowerCase().startsWith(prefix.toLowerCase()) ? text.slice(prefix.length).trim() : text;
}

/** Agent Messages: every message of the session, newest first with its time, opened at any time (AG-1, RS-4). */
export default class PcAgentMessages extends LightningElement {
    /** The session's messages (the service keeps them newest first). */
    @api messages: readonly AgentMessage[] = [];
    /** The zone times are shown in; the browser's when not given. */
    @api timeZone: string | undefined;

    labels = LABELS;
    open = false;

    get buttonLabel(): string {
        return formatLabel(LABELS.agentMessagesCount, [(this.messages ?? []).length]);
    }

    get ariaExpanded(): string {
        return String(this.open);
    }

    get hasMessages(): boolean {
        return (this.messages ?? []).length > 0;
    }

    get rows(): { id: string; time: string; kind: string; text: string; number: string; notes: string }[] {
        return [...(this.messages ?? [])]
            .sort((a, b) => b.at - a.at)
            .map((m) => {
                const kind = MESSAGE_KIND_LABELS[m.kind] ?? '';
                return {
                    id: m.id,
                    time: formatDateTime(m.at, this.timeZone),
                    kind,
                    // Numbers inside the dialer's words read like the rest of the console's (UB-5).
                    text: withoutKind(m.text, kind).replace(/\+\d{8,15}\b/g, (n) => formatPhone(n)),
                    // The number once: a message whose text already names it does not repeat it below.
                    number: m.number && !m.text.includes(m.number) ? formatPhone(m.number) : '',
                    notes: m.notes ? formatLabel(LABELS.msgCallbackNotes, [m.notes]) : ''
                };
            });
    }

    handleToggle(): void {
        this.open = !this.open;
    }

    override renderedCallback(): void {
        if (this.open) fitInViewport(this.template?.querySelector<HTMLElement>('[data-id="list"]'));
    }

    /** Focus moved on to another control outside: the panel closes (UB-2, BX-4). */
    handleFocusOut(event: FocusEvent): void {
        if (this.open && focusLeaves(event, this.template)) this.open = false;
    }

    /** Escape closes the list and leaves focus on its button, as an SLDS dropdown does. */
    handleKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Escape' || !this.open) return;
        this.open = false;
        (this.template?.querySelector('[data-id="toggle"]') as HTMLElement | null)?.focus();
    }
}
