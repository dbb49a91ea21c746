import { LightningElement, api } from 'lwc';
import { AttemptsHistorySource } from 'c/pcModel';
import type { Attempt, AttemptsHistory, Destination, Instant } from 'c/pcModel';
import { LABELS, OUTCOME_LABELS, UNAVAILABLE_REASON_LABELS, formatLabel } from 'c/pcLabels';
import { formatAttempts, formatAvailableTime, formatDateTime, formatOptionalDateTime, formatPhone } from 'c/pcFormat';

interface DestinationRow {
    id: string;
    description: string;
    value: string;
    attempts: string;
    availableTime: string;
    lastPresentation: string;
    lastOutcome: string;
    reason: string;
    /** Built from Salesforce's records: whether the destination can be called is not known. */
    reasonUnknown: boolean;
    notCallable: string;
    rowClass: string;
    reasonClass: string;
}

interface AttemptRow {
    key: string;
    title: string;
    date: string;
    outcome: string;
}

/**
 * Destination rows and the Attempt Report of a record (SP-2 .. SP-5); plain templates so hundreds of rows stay fast.
 * Rows are built once per input (the same arrays while the history, clock and zone stay), so a render that
 * changes nothing here hands LWC the same rows and it skips the diff of hundreds of attempts.
 */
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

    // The rows built for the last inputs. Filled in place and never reassigned: LWC tracks a field's assignment,
    // not its contents, so caching during a render does not schedule another one.
    private readonly destinationCache: {
        destinations?: readonly Destination[];
        now?: Instant;
        timeZone?: string;
        rows: DestinationRow[];
    } = { rows: [] };
    private readonly attemptCache: { attempts?: readonly Attempt[]; timeZone?: string; rows: AttemptRow[] } = {
        rows: []
    };

    get destinationRows(): DestinationRow[] {
        const destinations = this.history?.destinations;
        if (!destinations) return [];
        const cache = this.destinationCache;
        if (cache.destinations !== destinations || cache.now !== this.now || cache.timeZone !== this.timeZone) {
            cache.rows = this.buildDestinationRows(destinations);
            cache.destinations = destinations;
            cache.now = this.now;
            cache.timeZone = this.timeZone;
        }
        return cache.rows;
    }

    private buildDestinationRows(destinations: readonly Destination[]): DestinationRow[] {
        // From Salesforce's records, what only the dialer knows shows as unknown, never as "Now" or "callable".
        const unknown = this.builtFromSalesforce;
        return [...destinations]
            .sort((a, b) => a.cadenceOrder - b.cadenceOrder)
            .map((d) => {
                const reason = d.unavailableReason ? UNAVAILABLE_REASON_LABELS[d.unavailableReason] : '';
                return {
                    id: d.id,
                    description: d.description,
                    // UB-5: phone numbers as people write them; an email address is shown as it is.
                    value: formatPhone(d.value),
                    attempts:
                        d.maxAttempts === null
                            ? formatLabel('{0}/{1}', [d.attempts, LABELS.ahUnknown])
                            : formatAttempts(d.attempts, d.maxAttempts),
                    availableTime: unknown
                        ? LABELS.ahUnknown
                        : reason
                          ? ''
                          : formatAvailableTime(d.availableAt, this.now, LABELS.histNow, this.timeZone),
                    lastPresentation: formatOptionalDateTime(d.lastPresentation, this.timeZone),
                    lastOutcome: d.lastOutcome ? OUTCOME_LABELS[d.lastOutcome] : '',
                    reason,
                    reasonUnknown: unknown && !reason,
                    notCallable: reason ? formatLabel(LABELS.histNotCallable, [reason]) : '',
                    rowClass: reason ? 'pc-row_unavailable' : '',
                    // Stacked, an uncallable destination's reason comes right under its name (UB-3).
                    reasonClass: reason ? 'pc-hist__reason-cell pc-hist__reason-cell_set' : 'pc-hist__reason-cell'
                };
            });
    }

    /** Whether this history was built from the attempts logged to Salesforce, not supplied by the dialer. */
    get builtFromSalesforce(): boolean {
        return this.history?.source === AttemptsHistorySource.Salesforce;
    }

    get hasDestinations(): boolean {
        return this.showDestinations && (this.history?.destinations.length ?? 0) > 0;
    }

    get attemptRows(): AttemptRow[] {
        const attempts = this.history?.attempts;
        if (!attempts) return [];
        const cache = this.attemptCache;
        if (cache.attempts !== attempts || cache.timeZone !== this.timeZone) {
            cache.rows = attempts.map((a, i) => ({
                key: `${a.destinationId}-${a.number}-${i}`,
                title: formatLabel(LABELS.histAttempt, [a.number, a.destinationDescription]),
                date: formatDateTime(a.at, this.timeZone),
                outcome: OUTCOME_LABELS[a.outcome] ?? a.outcome
            }));
            cache.attempts = attempts;
            cache.timeZone = this.timeZone;
        }
        return cache.rows;
    }

    get hasAttempts(): boolean {
        return (this.history?.attempts.length ?? 0) > 0;
    }
}
