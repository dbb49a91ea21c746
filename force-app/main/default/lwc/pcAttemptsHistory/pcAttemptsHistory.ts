import { LightningElement, api } from 'lwc';
import type { AttemptsHistory, Instant } from 'c/pcModel';
import { LABELS, OUTCOME_LABELS, UNAVAILABLE_REASON_LABELS, formatLabel } from 'c/pcLabels';
import { formatAttempts, formatAvailableTime, formatDateTime, formatOptionalDateTime } from 'c/pcFormat';

/** Destination rows and the Attempt Report of a record (SP-2 .. SP-5); plain templates so hundreds of rows stay fast. */
export default class PcAttemptsHistory extends LightningElement {
    /** The record's destinations and attempts; nothing to show without it. */
    @api history: AttemptsHistory | null = null;
    /** Whether to show the destination table (Attempts History) or only the Attempt Report (Attempts). */
    @api showDestinations = false;
    /** The console's clock, for "Now" in Available Time. */
    @api now: Instant = 0;
    /** The zone dates are shown in; the browser's when not given. */
    @api timeZone: string | undefined;

    labels = LABELS;

    get destinationRows() {
        const history = this.history;
        if (!history) return [];
        return [...history.destinations]
            .sort((a, b) => a.cadenceOrder - b.cadenceOrder)
            .map((d) => {
                const reason = d.unavailableReason ? UNAVAILABLE_REASON_LABELS[d.unavailableReason] : '';
                return {
                    id: d.id,
                    description: d.description,
                    value: d.value,
                    attempts: formatAttempts(d.attempts, d.maxAttempts),
                    availableTime: reason
                        ? ''
                        : formatAvailableTime(d.availableAt, this.now, LABELS.histNow, this.timeZone),
                    lastPresentation: formatOptionalDateTime(d.lastPresentation, this.timeZone),
                    lastOutcome: d.lastOutcome ? OUTCOME_LABELS[d.lastOutcome] : '',
                    reason,
                    notCallable: reason ? formatLabel(LABELS.histNotCallable, [reason]) : '',
                    rowClass: reason ? 'pc-row_unavailable' : ''
                };
            });
    }

    get hasDestinations(): boolean {
        return this.showDestinations && (this.history?.destinations.length ?? 0) > 0;
    }

    get attemptRows() {
        return (this.history?.attempts ?? []).map((a, i) => ({
            key: `${a.destinationId}-${a.number}-${i}`,
            title: formatLabel(LABELS.histAttempt, [a.number, a.destinationDescription]),
            date: formatDateTime(a.at, this.timeZone),
            outcome: OUTCOME_LABELS[a.outcome] ?? a.outcome
        }));
    }

    get hasAttempts(): boolean {
        return (this.history?.attempts.length ?? 0) > 0;
    }
}
