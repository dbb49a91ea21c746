import { LightningElement, api } from 'lwc';
import { AttemptsHistorySource, CallableStatus } from 'c/pcModel';
import type { Attempt, AttemptsHistory, Callability, Destination, Instant } from 'c/pcModel';
import { LABELS, OUTCOME_LABELS, UNAVAILABLE_REASON_LABELS, callableText, formatLabel } from 'c/pcLabels';
import { onSecond } from 'c/pcTicker';
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
    /** CP-4: Now, or why not and from when; empty for an email address. */
    callable: string;
    callableClass: string;
}

/** Callable per destination at an instant: the console's service answers (CP-4). */
export type CallabilitySource = (now: Instant) => Callability | null;

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
    /** The console's clock, so Callable follows the time between snapshots; `now` when not given. */
    @api clock: (() => Instant) | null = null;

    /** Callable per destination at an instant (CP-4), from the console's service; no Callable column without it. */
    @api
    get callability(): CallabilitySource | null {
        return this.callabilitySource;
    }
    set callability(value: CallabilitySource | null) {
        this.callabilitySource = value ?? null;
    }

    labels = LABELS;
    /**
     * The answer last seen by the tick: reassigned only when the service's answer changes (it keeps one object
     * while the answer holds), so the one-second tick re-renders the table only when a destination's Callable does.
     */
    private shownCallable: Callability | null = null;
    private callabilitySource: CallabilitySource | null = null;
    private stopTick: (() => void) | null = null;

    // The rows built for the last inputs. Filled in place and never reassigned: LWC tracks a field's assignment,
    // not its contents, so caching during a render does not schedule another one.
    private readonly destinationCache: {
        destinations?: readonly Destination[];
        now?: Instant;
        timeZone?: string;
        callable?: Callability | null;
        rows: DestinationRow[];
    } = { rows: [] };
    private readonly attemptCache: { attempts?: readonly Attempt[]; timeZone?: string; rows: AttemptRow[] } = {
        rows: []
    };

    override connectedCallback(): void {
        this.stopTick = onSecond(() => this.followClock());
    }

    override disconnectedCallback(): void {
        this.stopTick?.();
        this.stopTick = null;
    }

    private clockNow(): Instant {
        return this.clock ? this.clock() : this.now;
    }

    /** Asks the service each second; a changed answer re-renders the table (CP-4: it moves with the clock). */
    private followClock(): void {
        const next = this.callabilitySource ? this.callabilitySource(this.clockNow()) : null;
        if (next !== this.shownCallable) this.shownCallable = next;
    }

    /** Whether the Callable column shows (the console supplies the service's answers). */
    get hasCallable(): boolean {
        return this.callabilitySource !== null;
    }

    get destinationRows(): DestinationRow[] {
        const destinations = this.history?.destinations;
        if (!destinations) return [];
        // Read so that a changed answer re-renders; asked afresh, as the history may be newer than the last tick.
        void this.shownCallable;
        const now = this.clockNow();
        const callable = this.callabilitySource ? this.callabilitySource(now) : null;
        const cache = this.destinationCache;
        if (
            cache.destinations !== destinations ||
            cache.now !== this.now ||
            cache.timeZone !== this.timeZone ||
            cache.callable !== callable
        ) {
            cache.rows = this.buildDestinationRows(destinations, callable, now);
            cache.destinations = destinations;
            cache.now = this.now;
            cache.timeZone = this.timeZone;
            cache.callable = callable;
        }
        return cache.rows;
    }

    private callableOf(d: Destination, callable: Callability | null, now: Instant): string {
        const c = callable?.[d.id];
        if (!c) return '';
        // From Salesforce's records the dialer's own reasons are unknown: the rules may say no, never "Now".
        if (c.status === CallableStatus.Now && this.builtFromSalesforce) return LABELS.ahUnknown;
        return callableText(c, now);
    }

    private buildDestinationRows(
        destinations: readonly Destination[],
        callable: Callability | null,
        now: Instant
    ): DestinationRow[] {
        // From Salesforce's records, what only the dialer knows shows as unknown, never as "Now" or "callable".
        const unknown = this.builtFromSalesforce;
        return [...destinations]
            .sort((a, b) => a.cadenceOrder - b.cadenceOrder)
            .map((d) => {
                const reason = d.unavailableReason ? UNAVAILABLE_REASON_LABELS[d.unavailableReason] : '';
                const callableNow = callable?.[d.id]?.status;
                return {
                    callable: this.callableOf(d, callable, now),
                    callableClass:
                        callableNow && callableNow !== CallableStatus.Now
                            ? 'pc-hist__callable-cell pc-hist__callable-cell_not'
                            : 'pc-hist__callable-cell',
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
