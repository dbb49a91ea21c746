import { LightningElement, api } from 'lwc';
import type {
    CallCommands,
    CallView,
    DialerCapabilities,
    Disposition,
    Feed,
    Instant,
    RoutedNotice,
    Skill
} from 'c/pcModel';
import { FeedFollower } from 'c/pcFeed';
import { LABELS, formatLabel } from 'c/pcLabels';
import { shortcutFor, isMachineShortcut } from 'c/pcShortcuts';
import type { KeyLike } from 'c/pcShortcuts';

interface ShortcutTarget {
    handleShortcut(kind: string): boolean;
}

/** The agent's lines, up to three (CL-1), with a brief notice for answers routed to another agent (CL-3). */
export default class PcCallPanel extends LightningElement {
    /** Every line the dialer has for the agent, in line order; `callsFeed`, when given, replaces it. */
    @api calls: readonly CallView[] = [];

    /**
     * The calls as the console keeps them current (CL-1): a change of a call then renders this panel and that
     * call's card, not the console around them.
     */
    @api
    get callsFeed(): Feed<readonly CallView[]> | undefined {
        return this.follower.feed;
    }
    set callsFeed(value: Feed<readonly CallView[]> | undefined) {
        if (value === this.follower.feed) return;
        this.forgetLineup();
        this.follower.feed = value;
    }
    /** Answers routed to another agent, shown until they expire (CL-3). */
    @api routed: readonly RoutedNotice[] = [];
    /** What the dialer offers. */
    @api capabilities: DialerCapabilities | undefined;
    /** Dispositions for the wrap-up. */
    @api dispositions: readonly Disposition[] = [];
    /** Skills a call can be transferred to. */
    @api skills: readonly Skill[] = [];
    /** The console's time as of its last snapshot (not every second: the cards' counters tick by themselves). */
    @api now: Instant = 0;
    /** Reads the current time, for the cards' counters (UB-4). */
    @api clock: (() => Instant) | undefined;
    /** The call commands of the console's service, handed to each card. */
    @api service: CallCommands | undefined;

    /**
     * True while the preview is shown above: an empty Calls section then takes no room (UB-1, a 600 px panel keeps
     * the preview's actions and the pop in view); its heading and "no calls" stay for screen readers.
     */
    @api quiet = false;

    labels = LABELS;

    /**
     * The lines shown while following the feed, in line order: replaced only when a call comes or goes (or changes
     * line). Each card follows its own call through the feed, so a status change does not render the panel.
     */
    lineup: readonly CallView[] | null = null;
    private lineupKey = '';
    private readonly follower = new FeedFollower<readonly CallView[]>((calls) => this.line(calls));

    override connectedCallback(): void {
        this.follower.connect();
    }

    override disconnectedCallback(): void {
        this.follower.disconnect();
        this.forgetLineup();
    }

    private forgetLineup(): void {
        this.lineup = null;
        this.lineupKey = '';
    }

    private line(calls: readonly CallView[]): void {
        const sorted = byLine(calls);
        const key = sorted.map((v) => `${v.call.id}@${v.call.line}`).join(' ');
        if (this.lineup && key === this.lineupKey) return;
        this.lineupKey = key;
        this.lineup = sorted;
    }

    /** The calls shown: the feed's lines where there is one. */
    private get shownCalls(): readonly CallView[] {
        return this.lineup ?? this.calls ?? [];
    }

    get headingClass(): string {
        return this.quiet && !this.hasCalls ? 'slds-assistive-text' : 'slds-text-heading_small slds-m-bottom_x-small';
    }

    get emptyClass(): string {
        return this.quiet ? 'slds-assistive-text' : 'slds-text-color_weak';
    }

    /**
     * The snapshot time for the cards, read only where there is no clock (the cards' counters then read the clock):
     * `now` changes with every snapshot, and reading it would render the panel again for any change of the console.
     */
    get cardNow(): Instant {
        return this.clock ? 0 : this.now;
    }

    get sortedCalls(): readonly CallView[] {
        return this.lineup ?? byLine(this.calls ?? []);
    }

    get hasCalls(): boolean {
        return this.shownCalls.length > 0;
    }

    get routedNotices(): { key: string; text: string }[] {
        // `now` is read only while a notice is shown: it changes with every snapshot, and reading it would render
        // the panel again for a change of any part of the console.
        const routed = this.routed ?? [];
        if (routed.length === 0) return [];
        return routed
            .filter((r) => !this.now || r.until > this.now)
            .map((r) => ({ key: r.callId, text: formatLabel(LABELS.callRouted, [r.contactName]) }));
    }

    /** Sends a machine override shortcut to the first line that accepts it (BX-4). */
    @api
    handleShortcut(kind: string): boolean {
        const cards = Array.from(
            this.template?.querySelectorAll('c-pc-call-card') ?? []
        ) as unknown as ShortcutTarget[];
        return cards.some((card) => card.handleShortcut(kind));
    }

    /**
     * Takes focus on the Calls heading: where the console puts the agent's focus when what held it (a preview's
     * button) went away with the preview (BX-4).
     */
    @api
    focusHeading(): void {
        this.template?.querySelector<HTMLElement>('h2')?.focus();
    }

    handleKeydown(event: KeyboardEvent): void {
        const action = shortcutFor(event as KeyLike);
        if (action && isMachineShortcut(action) && this.handleShortcut(action)) event.preventDefault();
    }
}

function byLine(calls: readonly CallView[]): readonly CallView[] {
    return [...calls].sort((a, b) => a.call.line - b.call.line);
}
