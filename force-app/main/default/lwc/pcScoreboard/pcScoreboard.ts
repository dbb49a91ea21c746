import { LightningElement, api } from 'lwc';
import { averageWrapUpMs, connectRate } from 'c/pcModel';
import type { Scoreboard } from 'c/pcModel';
import { LABELS } from 'c/pcLabels';
import { formatDuration } from 'c/pcFormat';

const PERCENT = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const COUNT = new Intl.NumberFormat();

/**
 * The session scoreboard (WU-2): a button that opens a popover over the console with the agent's figures for
 * this dialer session. Renders only what the service counted; the figures change with each snapshot.
 */
export default class PcScoreboard extends LightningElement {
    /** The figures the service counts; absent before it starts. */
    @api scoreboard: Scoreboard | undefined;

    labels = LABELS;
    open = false;

    get ariaExpanded(): string {
        return String(this.open);
    }

    get rows(): { id: string; label: string; value: string }[] {
        const b = this.scoreboard;
        if (!b) return [];
        return [
            { id: 'calls-handled', label: LABELS.scoreCallsHandled, value: COUNT.format(b.callsHandled) },
            { id: 'live-connects', label: LABELS.scoreLiveConnects, value: COUNT.format(b.liveConnects) },
            { id: 'connect-rate', label: LABELS.scoreConnectRate, value: PERCENT.format(connectRate(b)) },
            { id: 'talk-time', label: LABELS.scoreTalkTime, value: formatDuration(b.talkMs) },
            { id: 'average-wrap-up', label: LABELS.scoreAverageWrapUp, value: formatDuration(averageWrapUpMs(b)) },
            { id: 'callbacks-booked', label: LABELS.scoreCallbacksBooked, value: COUNT.format(b.callbacksBooked) },
            {
                id: 'answering-machines',
                label: LABELS.scoreAnsweringMachines,
                value: COUNT.format(b.answeringMachines)
            }
        ];
    }

    handleToggle(): void {
        this.open = !this.open;
    }

    /** Escape closes the popover and leaves focus on its button. */
    handleKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Escape' || !this.open) return;
        event.stopPropagation();
        this.open = false;
        (this.template?.querySelector('[data-id="score-toggle"]') as HTMLElement | null)?.focus();
    }
}
