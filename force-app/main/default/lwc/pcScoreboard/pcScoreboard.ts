import { LightningElement, api } from 'lwc';
import { averageWrapUpMs, connectRate } from 'c/pcModel';
import type { Feed, Scoreboard } from 'c/pcModel';
import { FeedFollower } from 'c/pcFeed';
import { LABELS } from 'c/pcLabels';
import { formatDuration } from 'c/pcFormat';
import { fitInViewport, focusLeaves } from 'c/pcPopoverFit';

const PERCENT = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const COUNT = new Intl.NumberFormat();

/**
 * The session scoreboard (WU-2): a button that opens a popover over the console with the agent's figures for
 * this dialer session. Renders only what the service counted; the figures change with each snapshot.
 */
export default class PcScoreboard extends LightningElement {
    /** The figures the service counts; absent before it starts. `scoreboardFeed`, when given, replaces them. */
    @api scoreboard: Scoreboard | undefined;

    /**
     * The figures as the console keeps them current: a call's end then updates this popover (and renders it only
     * while it is open), not the console around it (CL-1).
     */
    @api
    get scoreboardFeed(): Feed<Scoreboard | undefined> | undefined {
        return this.follower.feed;
    }
    set scoreboardFeed(value: Feed<Scoreboard | undefined> | undefined) {
        this.follower.feed = value;
        // Without a feed the popover shows `scoreboard` again.
        if (!value) this.followed = null;
    }

    labels = LABELS;
    open = false;
    /** The feed's figures while following it; read only by the open popover, so a closed one never renders. */
    followed: Scoreboard | null = null;
    private readonly follower = new FeedFollower<Scoreboard | undefined>((board) => {
        this.followed = board ?? null;
    });

    override connectedCallback(): void {
        this.follower.connect();
    }

    override disconnectedCallback(): void {
        this.follower.disconnect();
    }

    get ariaExpanded(): string {
        return String(this.open);
    }

    get rows(): { id: string; label: string; value: string }[] {
        const b = this.followed ?? this.scoreboard;
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

    override renderedCallback(): void {
        if (this.open) fitInViewport(this.template?.querySelector<HTMLElement>('[data-id="scoreboard"]'));
    }

    /** Focus moved on to another control outside: the panel closes (UB-2, BX-4). */
    handleFocusOut(event: FocusEvent): void {
        if (this.open && focusLeaves(event, this.template)) this.open = false;
    }

    /** Escape closes the popover and leaves focus on its button. */
    handleKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Escape' || !this.open) return;
        event.stopPropagation();
        this.open = false;
        (this.template?.querySelector('[data-id="score-toggle"]') as HTMLElement | null)?.focus();
    }
}
