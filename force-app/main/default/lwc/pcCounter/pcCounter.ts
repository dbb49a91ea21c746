import { LightningElement, api } from 'lwc';
import type { Instant } from 'c/pcModel';
import { formatDuration } from 'c/pcFormat';
import { onSecond } from 'c/pcTicker';

/**
 * A time counter that ticks every second by itself (UB-4): time in status, talk time, a countdown. Only this
 * element's text changes on a tick; the card around it is not rendered again. Between the console's snapshots it
 * reads the time from `clock` (the service's clock), so it moves at 1x in the simulator as with a real dialer.
 */
export default class PcCounter extends LightningElement {
    private sinceAt: Instant = 0;
    private untilAt: Instant | null = null;
    private stoppedAtValue: Instant | null = null;
    private nowAt: Instant = 0;
    private clockFn: (() => Instant) | undefined;

    /** Counts up from this instant (elapsed); ignored when `until` is set. */
    @api
    get since(): Instant {
        return this.sinceAt;
    }
    set since(value: Instant) {
        this.sinceAt = value;
        this.refresh();
    }

    /** Counts down to this instant instead, never below zero. */
    @api
    get until(): Instant | null {
        return this.untilAt;
    }
    set until(value: Instant | null) {
        if (value !== this.untilAt) this.secondsLeft = null;
        this.untilAt = value;
        this.refresh();
    }

    /** Stops the counter at this instant (a call that ended keeps its talk time). */
    @api
    get stoppedAt(): Instant | null {
        return this.stoppedAtValue;
    }
    set stoppedAt(value: Instant | null) {
        this.stoppedAtValue = value;
        this.refresh();
    }

    /** The console's time as of its last snapshot; used when there is no clock, and as a floor when there is. */
    @api
    get now(): Instant {
        return this.nowAt;
    }
    set now(value: Instant) {
        this.nowAt = value;
        this.refresh();
    }

    /** Reads the current time; the console passes the service's clock. */
    @api
    get clock(): (() => Instant) | undefined {
        return this.clockFn;
    }
    set clock(value: (() => Instant) | undefined) {
        this.clockFn = value;
        this.refresh();
    }

    /** Seconds left at which a countdown fires `mark` (detail `{ seconds }`) once, for a polite announcement. */
    @api marks: readonly number[] = [];

    /** Whole seconds left at the last refresh of a countdown; null until one is shown. */
    private secondsLeft: number | null = null;

    /** The text shown; written straight to the element, so a tick costs no template render. */
    private text = '';
    /** The span's text node, once written (see write). */
    private textNode: Text | null = null;
    private stop: (() => void) | null = null;

    override connectedCallback(): void {
        this.stop = onSecond(() => this.refresh());
    }

    override renderedCallback(): void {
        this.write();
    }

    override disconnectedCallback(): void {
        this.stop?.();
        this.stop = null;
    }

    private current(): Instant {
        const fromClock = this.clockFn?.();
        return typeof fromClock === 'number' && Number.isFinite(fromClock)
            ? Math.max(fromClock, this.nowAt)
            : this.nowAt;
    }

    private refresh(): void {
        const at = this.stoppedAtValue ?? this.current();
        const ms = this.untilAt !== null && this.untilAt !== undefined ? this.untilAt - at : at - this.sinceAt;
        if (this.untilAt !== null && this.untilAt !== undefined) this.markCrossed(Math.ceil(Math.max(0, ms) / 1000));
        const next = formatDuration(Math.max(0, ms));
        if (next === this.text) return;
        this.text = next;
        this.write();
    }

    /** Fires `mark` for each mark the countdown passed since the last refresh (never for the first value). */
    private markCrossed(left: number): void {
        const before = this.secondsLeft;
        this.secondsLeft = left;
        if (before === null || left >= before) return;
        for (const mark of this.marks ?? []) {
            if (before > mark && left <= mark) {
                this.dispatchEvent(new CustomEvent('mark', { detail: { seconds: mark } }));
            }
        }
    }

    /**
     * Writes the text into the span's one text node, made on the first write: a counter moves with every snapshot of
     * a simulated clock and every second, and replacing the span's content each time (textContent) costs a new node
     * and, in synthetic shadow, a pass of its manual-DOM observer over it, in the task that shows a call's status.
     */
    private write(): void {
        const node = this.textNode;
        if (node) {
            if (node.data !== this.text) node.data = this.text;
            return;
        }
        const span = this.template?.querySelector('span');
        if (!span) return;
        span.textContent = this.text;
        const first = span.firstChild;
        this.textNode = first && first.nodeType === Node.TEXT_NODE ? (first as Text) : null;
    }
}
